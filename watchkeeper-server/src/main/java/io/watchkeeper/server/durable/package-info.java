/**
 * Nothing lost across crashes: checkpoints of the engine's state, each with the input log position it
 * covers ({@link io.watchkeeper.server.durable.Checkpointer}), in files that survive {@code kill -9}
 * ({@link io.watchkeeper.server.durable.CheckpointStore}).
 */
package io.watchkeeper.server.durable;
