package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;
import java.time.Instant;
import java.util.Objects;

/**
 * One state change of an instance, at the event time that caused it, kept so operators can see why
 * a vessel is in its state.
 */
@Evolving
public record HistoryEntry<S extends Enum<S>, T extends Enum<T>>(S from, S to, T trigger, Instant at) {

    public HistoryEntry {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(at, "at");
    }
}
