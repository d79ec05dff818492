package io.watchkeeper.bench.load;

import io.watchkeeper.mqtt.client.MessageHandler;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records every message a subscriber receives: its payload and its arrival time, nothing else, so the
 * subscriber's network thread stays as fast as possible during the measurement. Parsing happens later
 * on the measuring thread ({@link ArrivalParser}).
 *
 * <p>One writer (the subscriber's network thread), one reader; the reader sees entries below
 * {@link #count()}. Arrivals beyond the capacity are counted in {@link #overflow()} and not kept.
 */
final class Arrivals implements MessageHandler {

    private final MicroClock clock;
    private final byte[][] payloads;
    private final long[] arrivedMicros;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong overflow = new AtomicLong();

    Arrivals(MicroClock clock, int capacity) {
        this.clock = clock;
        this.payloads = new byte[capacity][];
        this.arrivedMicros = new long[capacity];
    }

    @Override
    public void onMessage(String topic, byte[] payload) {
        long now = clock.nowMicros();
        int n = count.get();
        if (n == payloads.length) {
            overflow.incrementAndGet();
            return;
        }
        payloads[n] = payload;
        arrivedMicros[n] = now;
        count.lazySet(n + 1); // publishes the two stores above to the reader
    }

    /** Entries readable now. */
    int count() {
        return count.get();
    }

    byte[] payload(int i) {
        return payloads[i];
    }

    long arrivedMicros(int i) {
        return arrivedMicros[i];
    }

    long overflow() {
        return overflow.get();
    }
}
