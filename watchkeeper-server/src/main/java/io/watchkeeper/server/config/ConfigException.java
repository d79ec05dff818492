package io.watchkeeper.server.config;

/** A configuration problem the user must fix; its message is one line that says where and what. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
