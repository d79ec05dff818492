package io.watchkeeper.mqtt.broker;

/**
 * A credentials file cannot be used. The message is one line naming the file and, for a bad entry, its
 * line number, for example {@code users.txt line 3: unknown role 'admin'}. It never quotes the line
 * itself, which holds a salt and a hash.
 */
public final class CredentialsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CredentialsException(String message) {
        super(message);
    }

    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
