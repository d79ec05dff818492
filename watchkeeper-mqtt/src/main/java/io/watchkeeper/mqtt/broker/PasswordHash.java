package io.watchkeeper.mqtt.broker;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 hash of a broker password, as one line of the credentials file keeps it.
 *
 * <p>Why PBKDF2: it is in every JDK (no new dependency), and with a per-user random salt and a high
 * iteration count a stolen credentials file does not give the passwords away cheaply. The iteration
 * count is stored with each hash so that it can be raised later without invalidating older lines.
 * {@link #toString()} never shows the salt or the hash.
 *
 * @param iterations PBKDF2 rounds; at least {@link #MIN_ITERATIONS}
 * @param salt       random bytes, at least 16
 * @param hash       the 32-byte derived key
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Below this a hash is refused as too weak to keep; tests use it to stay fast. */
    public static final int MIN_ITERATIONS = 1_000;
    public static final String ALGORITHM = "pbkdf2-sha256";

    private static final String JCA_NAME = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordHash {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be at least " + MIN_ITERATIONS + ", got " + iterations);
        }
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
        if (salt.length < SALT_BYTES) {
            throw new IllegalArgumentException("salt must be at least " + SALT_BYTES + " bytes, got " + salt.length);
        }
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("hash must be " + HASH_BYTES + " bytes, got " + hash.length);
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static PasswordHash create(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /** Whether {@code password} is the one hashed here; compares in constant time. */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash p && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && MessageDigest.isEqual(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * iterations + Arrays.hashCode(salt);
    }

    /** Shows the algorithm and iterations only: salt and hash stay out of every log. */
    @Override
    public String toString() {
        return "PasswordHash[" + ALGORITHM + ", iterations=" + iterations + ", salt=***, hash=***]";
    }

    static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(JCA_NAME).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // every Java 8+ runtime ships PBKDF2WithHmacSHA256; its absence is a broken JDK, not bad input
            throw new IllegalStateException(JCA_NAME + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
