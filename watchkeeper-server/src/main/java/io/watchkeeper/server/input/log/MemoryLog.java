package io.watchkeeper.server.input.log;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jetbrains.annotations.Nullable;

/**
 * The input log in memory, for a detector that keeps no state ({@code --state none}): the same prompt
 * acknowledgement and the same backpressure as on disk (at most {@code maxBytes} wait; beyond that
 * appends fail and input is held), but nothing survives the process. A record leaves memory once read.
 */
public final class MemoryLog implements InputLog {

    /** 64 MiB of payloads waiting for the engine, at most. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;
    private static final int OVERHEAD = 64;

    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appendedSignal = lock.newCondition();
    private final ArrayDeque<LogRecord> records = new ArrayDeque<>();
    private long bytes;
    private long end;
    private long start;
    private volatile boolean full;
    private volatile boolean closed;

    public MemoryLog(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public void append(String source, byte[] payload, long receivedMillis, Runnable durable)
            throws LogFullException {
        long size = OVERHEAD + source.length() + payload.length;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("input log is closed");
            }
            if (bytes + size > maxBytes && !records.isEmpty()) {
                full = true;
                throw new LogFullException(String.format(Locale.ROOT,
                        "input queue is full: %,d bytes of at most %,d wait for the engine", bytes, maxBytes));
            }
            records.add(new LogRecord(end, end + 1, receivedMillis, source, payload));
            end++;
            bytes += size;
            appendedSignal.signal();
        } finally {
            lock.unlock();
        }
        full = false;
        durable.run();
    }

    @Override
    public Cursor cursor(long position) {
        return new Cursor() {
            private long next = position;

            @Override
            public @Nullable LogRecord next(Duration wait) throws InterruptedException {
                long left = wait.toNanos();
                lock.lock();
                try {
                    while (records.isEmpty()) {
                        if (left <= 0 || closed) {
                            return null;
                        }
                        left = appendedSignal.awaitNanos(left);
                    }
                    LogRecord r = records.poll();
                    bytes -= OVERHEAD + r.source().length() + r.payload().length;
                    start = r.next();
                    next = r.next();
                    return r;
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public long position() {
                return next;
            }
        };
    }

    @Override
    public long start() {
        lock.lock();
        try {
            return start;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long end() {
        lock.lock();
        try {
            return end;
        } finally {
            lock.unlock();
        }
    }

    /** Records leave when read; nothing to release. */
    @Override
    public void release(long position) {
        // Read records are gone already.
    }

    @Override
    public long sizeBytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isFull() {
        return full;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            appendedSignal.signalAll();
        } finally {
            lock.unlock();
        }
    }

}
