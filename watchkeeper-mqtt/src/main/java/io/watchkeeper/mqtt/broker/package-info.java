/**
 * The embedded broker: HiveMQ CE with defaults that are safe for Watchkeeper (loopback bind, no usage
 * statistics, in-memory persistence, limits that do not drop messages under a burst).
 */
package io.watchkeeper.mqtt.broker;
