package io.watchkeeper.server.input.log;

/**
 * The log cannot take a record now: it reached its size limit, or the disk is full. Not an error of the
 * record: the caller holds it and tries again once checkpoints have released room.
 */
public final class LogFullException extends Exception {

    private static final long serialVersionUID = 1L;

    public LogFullException(String message) {
        super(message);
    }

    public LogFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
