package io.watchkeeper.server.web;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.mqtt.wire.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.annotations.Nullable;

/**
 * Fans events out to the live-stream (Server-Sent Events) clients of {@code /api/events/stream}.
 *
 * <p>{@link #accept} is called on engine worker threads and never blocks: each event is encoded once (only
 * if some client wants it) and offered to each matching client's bounded queue, which that client's own
 * sender thread drains. A client whose queue is full is too slow to keep up: it is disconnected and counted
 * in {@link #overflowed()}, and the engine goes on. Clients are few and join rarely, so the list of clients
 * is copy-on-write and the publish path takes no lock.
 */
public final class EventHub implements EventSink {

    /** Events a client may fall behind by before it is disconnected. */
    public static final int QUEUE_CAPACITY = 1000;
    /** Live-stream clients at once; each holds one HTTP thread while connected. */
    public static final int MAX_CLIENTS = 32;

    private final int queueCapacity;
    private final int maxClients;
    private final EventJson json = new EventJson(); // documented thread-safe
    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();

    public EventHub() {
        this(QUEUE_CAPACITY, MAX_CLIENTS);
    }

    EventHub(int queueCapacity, int maxClients) {
        if (queueCapacity < 1 || maxClients < 1) {
            throw new IllegalArgumentException("queueCapacity and maxClients must be >= 1");
        }
        this.queueCapacity = queueCapacity;
        this.maxClients = maxClients;
    }

    @Override
    public void accept(Event event) {
        Objects.requireNonNull(event, "event");
        List<Subscriber> current = subscribers;
        if (current.isEmpty()) {
            return;
        }
        String vessel = event.vessel().key();
        byte[] frame = null;
        for (Subscriber s : current) {
            if (!s.wants(event.type(), vessel)) {
                continue;
            }
            if (frame == null) {
                frame = frame(event);
            }
            if (!s.offer(frame)) {
                subscribers.remove(s);
                overflowed.incrementAndGet();
                s.disconnect();
            }
        }
        if (frame != null) {
            published.incrementAndGet();
        }
    }

    /** {@code event: event}, the envelope on one {@code data:} line, {@code id:} the event id; then a blank line. */
    private byte[] frame(Event event) {
        String envelope = new String(json.encode(event), StandardCharsets.UTF_8);
        // EventJson writes no raw line breaks (JSON escapes them in strings), so one data line suffices.
        return ("event: event\ndata: " + envelope + "\nid: " + event.eventId() + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Registers a client; null when {@link #MAX_CLIENTS} are connected already.
     *
     * @param type       only events of this type, or all when null
     * @param vessel     only events of this {@link io.watchkeeper.core.fix.VesselId#key()}, or all when null
     * @param disconnect closes the client's connection, from any thread, without blocking; the hub calls it on
     *                   overflow, and the client's sender then fails and calls {@link #unsubscribe}
     */
    @Nullable Subscriber subscribe(@Nullable String type, @Nullable String vessel, Runnable disconnect) {
        synchronized (subscribers) { // so that the check and the add are one step; publishing never takes this
            if (subscribers.size() >= maxClients) {
                return null;
            }
            Subscriber s = new Subscriber(type, vessel, queueCapacity, disconnect);
            subscribers.add(s);
            return s;
        }
    }

    void unsubscribe(Subscriber s) {
        subscribers.remove(s);
    }

    /** Ends every client's stream: their senders finish what they are writing and return. */
    public void disconnectAll() {
        for (Subscriber s : subscribers) {
            subscribers.remove(s);
            s.end();
        }
    }

    /** Connected live-stream clients. */
    public int clients() {
        return subscribers.size();
    }

    /** Events handed to at least one client. */
    public long published() {
        return published.get();
    }

    /** Clients disconnected because they fell {@link #QUEUE_CAPACITY} events behind. */
    public long overflowed() {
        return overflowed.get();
    }

    @Override
    public String toString() {
        return "EventHub[" + subscribers.size() + " clients, " + overflowed.get() + " overflowed]";
    }
}
