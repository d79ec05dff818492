/**
 * Input, from the wire to the engine's door. MQTT messages are appended to the input log ({@code input.log})
 * and acknowledged ({@link io.watchkeeper.server.input.LoggedInput}); one thread reads the log
 * ({@link io.watchkeeper.server.input.LogPump}) into {@link io.watchkeeper.server.input.InputDecoders}, whose
 * router sends each record by its topic to the JSON decoder of {@code DATA/}, a per-station AIS decoder of
 * {@code AIS/}, or the decoder of a TCP or UDP input; refused input becomes a dead letter the same way for
 * all of them ({@link io.watchkeeper.mqtt.source.InputRejects}). What the decoders hold goes into each
 * checkpoint. The inputs besides MQTT (files, CSV, TCP, UDP) are started by
 * {@link io.watchkeeper.server.input.InputRunner}.
 */
package io.watchkeeper.server.input;
