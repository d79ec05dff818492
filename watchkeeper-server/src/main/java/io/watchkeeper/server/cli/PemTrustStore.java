package io.watchkeeper.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * mosquitto's {@code --cafile} (PEM certificates) as the trust store the MQTT client reads, which is a key store
 * file with a password file: both are written to temporary files that go when the JVM exits.
 */
final class PemTrustStore {

    /** Every file {@link #temporary} made, for {@link #deleteWritten}. */
    private static final Queue<Path> WRITTEN = new ConcurrentLinkedQueue<>();

    /** The trust store and the file holding its password, as {@code --tls-truststore} and its password file take them. */
    record Written(Path store, Path passwordFile) {
    }

    private PemTrustStore() {
    }

    /**
     * @throws IllegalArgumentException if {@code pem} holds no X.509 certificate
     * @throws IOException              if it cannot be read, or the temporary files cannot be written
     */
    static Written write(Path pem) throws IOException {
        List<Certificate> certificates = read(pem);
        // the password only guards the integrity of public certificates; it is random so nothing can rely on it
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        Path store = temporary(".p12");
        try (OutputStream out = Files.newOutputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
            keyStore.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                keyStore.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            keyStore.store(out, password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store from " + pem + ": " + e.getMessage(), e);
        }
        Path passwordFile = temporary(".pw");
        Files.writeString(passwordFile, password + "\n");
        return new Written(store, passwordFile);
    }

    static List<Certificate> read(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<Certificate> certificates = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(pem + ": no PEM certificate in it (--cafile)");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalArgumentException(pem + ": not a PEM certificate (--cafile): " + Main.oneLine(e), e);
        }
    }

    private static Path temporary(String suffix) throws IOException {
        Path file = Files.createTempFile("watchkeeper-cafile-", suffix); // owner-only on POSIX
        file.toFile().deleteOnExit();
        WRITTEN.add(file);
        return file;
    }

    /**
     * Deletes the files written so far. {@link Shutdown} calls it before it halts the JVM after a signal,
     * which skips {@code deleteOnExit}: without it every Ctrl-C of {@code sub --cafile} would leave a
     * trust store and its password in the temporary folder.
     */
    static void deleteWritten() {
        for (Path file; (file = WRITTEN.poll()) != null; ) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LoggerFactory.getLogger(PemTrustStore.class).warn("cannot delete {}: {}", file, e.getMessage());
            }
        }
    }
}
