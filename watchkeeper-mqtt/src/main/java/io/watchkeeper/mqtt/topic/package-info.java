/**
 * The one place where MQTT topic strings are built and parsed ({@code DATA/}, {@code AIS/}, {@code EVENT/},
 * {@code DEADLETTER/}, {@code STATUS/}, {@code notifications}), so that wire compatibility with the
 * original system is decided in a single class.
 */
package io.watchkeeper.mqtt.topic;
