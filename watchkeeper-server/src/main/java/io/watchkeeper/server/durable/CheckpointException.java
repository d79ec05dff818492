package io.watchkeeper.server.durable;

/** The engine's state cannot be saved or resumed; the message is one line for an operator. */
public final class CheckpointException extends RuntimeException {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
