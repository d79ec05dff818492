package io.watchkeeper.server.input.log;

import java.time.Duration;
import org.jetbrains.annotations.Nullable;

/**
 * An ordered log of raw input messages: the seam between what receives input and what detects.
 *
 * <p>Inputs {@link #append} and acknowledge their source once the record is durable; the engine reads
 * with a {@link Cursor} from the position its last checkpoint recorded, so a restart replays exactly
 * what the checkpoint does not cover. Once a checkpoint covers a position and the events before it are
 * settled, {@link #release} lets the log reclaim what lies before it.
 *
 * <p>Appends may come from several threads; one cursor reads at a time.
 */
public interface InputLog extends AutoCloseable {

    /**
     * Appends one message. Never blocks on I/O beyond a memory copy (a log that syncs to disk runs
     * {@code durable} later, from its own thread).
     *
     * @param durable runs once the record is as safe as this log promises: at once for a log that
     *                survives a process crash through the page cache, after the group commit for one that
     *                syncs to disk. Acknowledge the message there.
     * @throws LogFullException when there is no room; nothing was appended and {@code durable} never runs
     */
    void append(String source, byte[] payload, long receivedMillis, Runnable durable) throws LogFullException;

    /** Reads from {@code position} on (a position a record or cursor gave, or {@link #start}). */
    Cursor cursor(long position);

    /** The first position still held. */
    long start();

    /** The position after the last record appended. */
    long end();

    /** Everything before {@code position} may go: a checkpoint covers it and its events are settled. */
    void release(long position);

    /** Bytes the log holds on disk or in memory now. */
    long sizeBytes();

    /** Whether the last append failed for lack of room and none has succeeded since. */
    boolean isFull();

    /** Reads records in order. Not thread-safe: one reader. */
    interface Cursor {

        /** The next record, waiting up to {@code wait} for one to be appended; null if none came. */
        @Nullable LogRecord next(Duration wait) throws InterruptedException;

        /** Where the next record will be read from. */
        long position();
    }

    @Override
    void close();
}
