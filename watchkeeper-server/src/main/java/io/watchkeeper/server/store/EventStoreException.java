package io.watchkeeper.server.store;

/** The database behind an {@link EventStore} failed or refused; the message says which operation. */
public final class EventStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EventStoreException(String message) {
        super(message);
    }

    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
