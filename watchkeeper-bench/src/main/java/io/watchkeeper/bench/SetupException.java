package io.watchkeeper.bench;

/** A benchmark could not be set up (a broker did not start, a tool is missing); its message is one line. */
public final class SetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }

    public SetupException(String message) {
        super(message);
    }
}
