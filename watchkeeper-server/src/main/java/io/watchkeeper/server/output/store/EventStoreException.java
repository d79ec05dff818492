package io.watchkeeper.server.output.store;

import org.jetbrains.annotations.Nullable;

/**
 * The database behind an {@link EventStore} failed or refused; the message says which operation.
 * {@link #refused()} tells the two apart: a refusal (a value the database will not take, such as a NUL in
 * a PostgreSQL text) fails again on every retry, a failure (connection lost, database locked) may not.
 */
public final class EventStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean refused;

    public EventStoreException(String message) {
        this(message, null, false);
    }

    public EventStoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private EventStoreException(String message, @Nullable Throwable cause, boolean refused) {
        super(message, cause);
        this.refused = refused;
    }

    /** The database answered and refused the data itself: retrying the same rows cannot succeed. */
    public static EventStoreException refusal(String message, Throwable cause) {
        return new EventStoreException(message, cause, true);
    }

    /** Whether the data was refused (see {@link #refusal}) rather than the database failing. */
    public boolean refused() {
        return refused;
    }
}
