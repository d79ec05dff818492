/**
 * The bytes of a checkpoint: how detector state is written and read back, so that an engine stopped
 * by {@code kill -9} resumes where its last checkpoint left it. No files here (core has no I/O): the
 * engine hands {@link io.watchkeeper.core.checkpoint.StateOut}/{@link io.watchkeeper.core.checkpoint.StateIn}
 * streams to the detectors, and the server decides where the bytes go.
 */
package io.watchkeeper.core.checkpoint;
