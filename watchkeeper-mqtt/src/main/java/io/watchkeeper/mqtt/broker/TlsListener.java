package io.watchkeeper.mqtt.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A TLS listener of the embedded broker: the port and the key store (JKS or PKCS12) holding the server's
 * private key and certificate. The key's own password must equal the store's, as PKCS12 requires and
 * {@code keytool -genkeypair} does by default. {@link #toString()} hides the password.
 *
 * @param port             0..65535; 0 picks a free port at start
 * @param keyStore         the key store file
 * @param keyStorePassword its password
 */
public record TlsListener(int port, Path keyStore, String keyStorePassword) {

    /** The IANA port for MQTT over TLS. */
    public static final int DEFAULT_PORT = 8883;

    public TlsListener {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("TLS port must be 0..65535, got " + port);
        }
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
    }

    @Override
    public String toString() {
        return "TlsListener[port=" + port + ", keyStore=" + keyStore + ", keyStorePassword=***]";
    }
}
