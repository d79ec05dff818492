package io.watchkeeper.mqtt.broker;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted hash of a broker password, as one line of the credentials file keeps it: Watchkeeper's own
 * PBKDF2-HMAC-SHA256, or one of the two formats {@code mosquitto_passwd} writes, so that users moved from
 * Mosquitto keep their passwords.
 *
 * <p>Why PBKDF2: it is in every JDK (no new dependency), and with a per-user random salt and a high
 * iteration count a stolen credentials file does not give the passwords away cheaply. The iteration
 * count is stored with each hash so that it can be raised later without invalidating older lines.
 * {@link #toString()} never shows the salt or the hash.
 *
 * @param algorithm  how the hash was made
 * @param iterations rounds; at least {@link #MIN_ITERATIONS} for Watchkeeper's own hashes, what
 *                   mosquitto_passwd chose for its {@code $7$} (1 for {@code $6$}, a single SHA-512)
 * @param salt       random bytes
 * @param hash       the derived key
 */
public record PasswordHash(Algorithm algorithm, int iterations, byte[] salt, byte[] hash) {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Below this a hash is refused as too weak to keep; tests use it to stay fast. */
    public static final int MIN_ITERATIONS = 1_000;
    /**
     * Above this a hash is refused when the file is read: each login runs this many rounds on one of the
     * broker's two check threads, uninterruptibly, so a line with 2^31 rounds would hold a thread for about an
     * hour per attempt, and two attempts would refuse every other login. 10 M is about 17 × the default, some
     * 14 s of one core here.
     */
    public static final int MAX_ITERATIONS = 10_000_000;
    public static final String ALGORITHM = "pbkdf2-sha256";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Decoder BASE64_IN = Base64.getDecoder();
    private static final Base64.Encoder BASE64_OUT = Base64.getEncoder();

    /** The hashes a credentials file may hold. */
    public enum Algorithm {
        /** Watchkeeper's own, written by {@code watchkeeper passwd}. */
        PBKDF2_SHA256("pbkdf2-sha256", "PBKDF2WithHmacSHA256", 16, 32),
        /** mosquitto_passwd 2.x ({@code $7$ITERATIONS$SALT$HASH}): PBKDF2-HMAC-SHA512 of the password. */
        MOSQUITTO_PBKDF2_SHA512("$7$ (mosquitto, pbkdf2-sha512)", "PBKDF2WithHmacSHA512", 12, 64),
        /** mosquitto_passwd 1.x and {@code -H sha512} ({@code $6$SALT$HASH}): SHA-512 of the password, then the salt. */
        MOSQUITTO_SHA512("$6$ (mosquitto, sha512)", "SHA-512", 12, 64);

        private final String label;
        private final String jcaName;
        private final int saltBytes;
        private final int hashBytes;

        Algorithm(String label, String jcaName, int saltBytes, int hashBytes) {
            this.label = label;
            this.jcaName = jcaName;
            this.saltBytes = saltBytes;
            this.hashBytes = hashBytes;
        }

        /** How logs and messages name it. */
        public String label() {
            return label;
        }
    }

    public PasswordHash {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
        int least = algorithm == Algorithm.PBKDF2_SHA256 ? MIN_ITERATIONS : 1;
        if (iterations < least) {
            throw new IllegalArgumentException("iterations must be at least " + least + ", got " + iterations);
        }
        if (iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be at most " + MAX_ITERATIONS + ", got " + iterations);
        }
        if (algorithm == Algorithm.MOSQUITTO_SHA512 && iterations != 1) {
            throw new IllegalArgumentException("a $6$ hash is one round of SHA-512, not " + iterations);
        }
        // mosquitto_passwd writes 12-byte salts; ours are 16. Fewer than 8 bytes is no salt worth the name.
        int leastSalt = algorithm == Algorithm.PBKDF2_SHA256 ? algorithm.saltBytes : 8;
        if (salt.length < leastSalt) {
            throw new IllegalArgumentException("salt must be at least " + leastSalt + " bytes, got " + salt.length);
        }
        if (hash.length != algorithm.hashBytes) {
            throw new IllegalArgumentException("hash must be " + algorithm.hashBytes + " bytes, got " + hash.length);
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Watchkeeper's own PBKDF2-HMAC-SHA256. */
    public PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this(Algorithm.PBKDF2_SHA256, iterations, salt, hash);
    }

    /**
     * Reads the hash part of a {@code mosquitto_passwd} line (after {@code user:}): {@code $7$101$SALT$HASH}
     * or {@code $6$SALT$HASH}, salt and hash in Base64.
     *
     * @throws IllegalArgumentException naming what is wrong, never quoting the text
     */
    public static PasswordHash fromMosquitto(String text) {
        String[] f = text.split("\\$", -1);
        if (f.length < 2 || !f[0].isEmpty()) {
            throw new IllegalArgumentException("not a mosquitto_passwd hash ($7$... or $6$...)");
        }
        if (f[1].equals("7") && f.length == 5) {
            int iterations;
            try {
                iterations = Integer.parseInt(f[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("$7$ iterations is not a number");
            }
            return new PasswordHash(Algorithm.MOSQUITTO_PBKDF2_SHA512, iterations, base64(f[3], "salt"),
                    base64(f[4], "hash"));
        }
        if (f[1].equals("6") && f.length == 4) {
            return new PasswordHash(Algorithm.MOSQUITTO_SHA512, 1, base64(f[2], "salt"), base64(f[3], "hash"));
        }
        throw new IllegalArgumentException("not a mosquitto_passwd hash: expected $7$ITERATIONS$SALT$HASH or "
                + "$6$SALT$HASH");
    }

    /** The {@code mosquitto_passwd} text of a hash read by {@link #fromMosquitto}. */
    public String toMosquitto() {
        String s = BASE64_OUT.encodeToString(salt);
        String h = BASE64_OUT.encodeToString(hash);
        return switch (algorithm) {
            case MOSQUITTO_PBKDF2_SHA512 -> "$7$" + iterations + "$" + s + "$" + h;
            case MOSQUITTO_SHA512 -> "$6$" + s + "$" + h;
            case PBKDF2_SHA256 -> throw new IllegalStateException("not a mosquitto_passwd hash");
        };
    }

    private static byte[] base64(String field, String name) {
        try {
            return BASE64_IN.decode(field);
        } catch (IllegalArgumentException e) {
            // the decoder's own message quotes a character of the field: keep it out of logs
            throw new IllegalArgumentException(name + " is not Base64");
        }
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static PasswordHash create(char[] password, int iterations) {
        return create(Algorithm.PBKDF2_SHA256, password, iterations);
    }

    /** Hashes {@code password} with a fresh random salt, in {@code algorithm}; the broker's decoy uses it. */
    public static PasswordHash create(Algorithm algorithm, char[] password, int iterations) {
        byte[] salt = new byte[algorithm.saltBytes];
        RANDOM.nextBytes(salt);
        return new PasswordHash(algorithm, iterations, salt, derive(algorithm, password, salt, iterations));
    }

    /** Whether {@code password} is the one hashed here; compares in constant time. */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(algorithm, password, salt, iterations));
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
        return other instanceof PasswordHash p && p.algorithm == algorithm && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && MessageDigest.isEqual(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * algorithm.hashCode() + iterations) + Arrays.hashCode(salt);
    }

    /** Shows the algorithm and iterations only: salt and hash stay out of every log. */
    @Override
    public String toString() {
        return "PasswordHash[" + algorithm.label() + ", iterations=" + iterations + ", salt=***, hash=***]";
    }

    static byte[] derive(Algorithm algorithm, char[] password, byte[] salt, int iterations) {
        try {
            if (algorithm == Algorithm.MOSQUITTO_SHA512) {
                return sha512(password, salt);
            }
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, algorithm.hashBytes * 8);
            try {
                // the JDK's PBKDF2 takes the password's UTF-8 bytes, as mosquitto does
                return SecretKeyFactory.getInstance(algorithm.jcaName).generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            // every Java 8+ runtime ships these; their absence is a broken JDK, not bad input
            throw new IllegalStateException(algorithm.jcaName + " is not available in this JDK", e);
        }
    }

    /** mosquitto's {@code $6$}: SHA-512 over the password's UTF-8 bytes, then the salt. */
    private static byte[] sha512(char[] password, byte[] salt) throws GeneralSecurityException {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] plain = new byte[bytes.remaining()];
        bytes.get(plain);
        try {
            MessageDigest digest = MessageDigest.getInstance(Algorithm.MOSQUITTO_SHA512.jcaName);
            digest.update(plain);
            digest.update(salt);
            return digest.digest();
        } finally {
            Arrays.fill(plain, (byte) 0);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
