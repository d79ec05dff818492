package io.watchkeeper.server.web;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jetbrains.annotations.Nullable;

/**
 * One live-stream client of an {@link EventHub}: a filter and a bounded queue of encoded frames. Engine
 * threads offer; the client's sender thread takes.
 */
final class Subscriber {

    /** Put in the queue to make the sender return; compared by identity. */
    static final byte[] END = new byte[0];

    private final @Nullable String type;
    private final @Nullable String vessel;
    private final ArrayBlockingQueue<byte[]> queue;
    private final Runnable disconnect;
    /** Set before END is queued: if a racing offer took END's slot, the sender still sees this at its next poll. */
    private volatile boolean ended;

    Subscriber(@Nullable String type, @Nullable String vessel, int capacity, Runnable disconnect) {
        this.type = type;
        this.vessel = vessel;
        // One slot more than the capacity, kept free for END, so that ending always succeeds.
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.disconnect = disconnect;
    }

    boolean wants(String eventType, String vesselKey) {
        return (type == null || type.equals(eventType)) && (vessel == null || vessel.equals(vesselKey));
    }

    /** Engine threads: false when the client is {@code capacity} frames behind. Never blocks. */
    boolean offer(byte[] frame) {
        return queue.remainingCapacity() > 1 && queue.offer(frame);
    }

    /**
     * The sender: the next frame, {@link #END}, or null if none came within {@code timeoutMillis} (time for a
     * keep-alive comment).
     */
    byte @Nullable [] poll(long timeoutMillis) throws InterruptedException {
        return ended ? END : queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** The sender, after a frame: the next one if already queued, else null. */
    byte @Nullable [] pollNow() {
        return ended ? END : queue.poll();
    }

    /** Too slow: drop what is queued and close the connection, so that a sender blocked in a write fails. */
    void disconnect() {
        ended = true;
        queue.clear();
        queue.offer(END);
        disconnect.run();
    }

    /** The server is stopping: let the sender return after what it is writing. */
    void end() {
        ended = true;
        queue.clear();
        queue.offer(END);
    }
}
