package io.watchkeeper.core.fsm.legacy;

import io.watchkeeper.core.Evolving;
import java.util.Objects;

/**
 * A guard with the name under which diagrams, history and the REST API show it.
 *
 * <p>The name is also the guard's identity when the builder looks for duplicate transitions: two
 * lambdas cannot be compared, two names can.
 */
@Evolving
public record NamedGuard<C>(String name, Guard<C> guard) {

    public NamedGuard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(guard, "guard");
        if (name.isBlank()) {
            throw new IllegalArgumentException("guard name must not be blank");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("guard name must be one line of text: " + name);
        }
    }
}
