package io.watchkeeper.server.web;

/** The HTTP server could not start (its port is taken, its address is not ours); the message says which. */
public final class WebServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WebServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
