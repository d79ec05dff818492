/**
 * Nothing lost across crashes: the detector's input is acknowledged to the broker only after a
 * checkpoint covers it ({@link io.watchkeeper.server.durable.AckedInput}), and checkpoints live in
 * files that survive {@code kill -9} ({@link io.watchkeeper.server.durable.CheckpointStore}).
 */
package io.watchkeeper.server.durable;
