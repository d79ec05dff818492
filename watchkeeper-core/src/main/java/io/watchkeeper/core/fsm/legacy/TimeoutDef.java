package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;
import java.time.Duration;
import java.util.Objects;

/**
 * A timeout is data, not a timer: once {@code after} has passed in <em>event time</em> since the
 * state was entered, {@link MachineInstance#advanceTo} fires {@code trigger}. A million vessels thus
 * need no timer threads, and a replay of recorded data times out exactly as the live feed did.
 */
@Evolving
public record TimeoutDef<S extends Enum<S>, T extends Enum<T>>(S state, Duration after, T trigger) {

    public TimeoutDef {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(trigger, "trigger");
        if (after.toMillis() < 1) {
            throw new IllegalArgumentException("timeout of " + state
                    + " must be at least 1 ms (instances keep milliseconds), got " + after);
        }
    }
}
