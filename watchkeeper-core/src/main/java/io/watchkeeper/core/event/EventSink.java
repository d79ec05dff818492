package io.watchkeeper.core.event;

/**
 * Where detected events go: MQTT, the console, a store, a test's list.
 *
 * <p>Called from engine worker threads, concurrently from several of them, each in its own vessels'
 * order. An implementation may block to push back (the engine then slows down instead of buffering
 * without bound) but must not drop an event silently.
 */
@FunctionalInterface
public interface EventSink {

    void accept(Event event);

    /** Waits until everything accepted so far has been handed on; the default has nothing to wait for. */
    default void flush() {
    }

    /** A sink that hands each event to every given sink, in order. */
    static EventSink all(EventSink... sinks) {
        EventSink[] copy = sinks.clone();
        return new EventSink() {
            @Override
            public void accept(Event event) {
                for (EventSink sink : copy) {
                    sink.accept(event);
                }
            }

            @Override
            public void flush() {
                for (EventSink sink : copy) {
                    sink.flush();
                }
            }
        };
    }
}
