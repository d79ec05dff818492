/**
 * Input on its way to the engine: MQTT messages are appended to the input log and acknowledged
 * ({@link io.watchkeeper.server.input.LoggedInput}), and one thread reads the log into the decoders and
 * the engine ({@link io.watchkeeper.server.input.LogPump}).
 */
package io.watchkeeper.server.input;
