/**
 * Long-lived MQTT&nbsp;5 connections: {@link io.watchkeeper.mqtt.client.Publisher} (bounded pipelining
 * with backpressure) and {@link io.watchkeeper.mqtt.client.Subscriber} (QoS 1, resubscribing, one handler
 * thread), both with the original last will and a retained {@code STATUS/<client-id>}. They work against
 * HiveMQ CE and Mosquitto 2. The {@code internal} sub-package is not API.
 */
package io.watchkeeper.mqtt.client;
