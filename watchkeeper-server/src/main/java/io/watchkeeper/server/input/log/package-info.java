/**
 * The input log: every input message is appended here before it is acknowledged, and the engine reads
 * it from here. {@link io.watchkeeper.server.input.log.InputLog} is the seam; {@link
 * io.watchkeeper.server.input.log.SegmentLog} keeps it on local disk, {@link io.watchkeeper.server.input.log.MemoryLog}
 * in memory when no state is kept. See docs/reliability.md.
 */
package io.watchkeeper.server.input.log;
