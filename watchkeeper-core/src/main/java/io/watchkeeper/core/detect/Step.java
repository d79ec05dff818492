package io.watchkeeper.core.detect;

import io.watchkeeper.core.event.Event;
import java.util.List;

/**
 * The result of one {@link Detector#step}: the vessel's next state and the events it caused.
 */
public record Step<S>(S state, List<Event> events) {

    public Step {
        java.util.Objects.requireNonNull(state, "state");
        // Most steps have no event: skip copyOf's checks for them (it showed in the fleet profile).
        events = events.isEmpty() ? List.of() : List.copyOf(events);
    }

    /** No event; usually the common case, so it allocates nothing but the record. */
    public static <S> Step<S> quiet(S state) {
        return new Step<>(state, List.of());
    }

    public static <S> Step<S> of(S state, Event event) {
        return new Step<>(state, List.of(event));
    }
}
