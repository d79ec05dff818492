/**
 * Where events go besides MQTT: the console log ({@link io.watchkeeper.server.output.ConsoleEventLog}),
 * the event archive ({@link io.watchkeeper.server.output.EventArchive}: the store in {@code output.store},
 * written off the engine's threads, and its retention), and the per-type counts of {@code replay}
 * ({@link io.watchkeeper.server.output.EventCounts}).
 */
package io.watchkeeper.server.output;
