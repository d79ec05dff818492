package io.watchkeeper.mqtt.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jetbrains.annotations.Nullable;

/**
 * The users of the embedded broker, read from a credentials file that holds salted hashes only.
 *
 * <p>One user per line, seven fields separated by {@code :}; blank lines and lines starting with
 * {@code #} are ignored:
 * <pre>
 * # user:role:station:algorithm:iterations:salt:hash   (salt and hash in Base64)
 * port1:station:PORT1:pbkdf2-sha256:600000:3q2+7w...:yv66vg...
 * detector:engine::pbkdf2-sha256:600000:...:...
 * ops:observer::pbkdf2-sha256:600000:...:...
 * </pre>
 * {@code watchkeeper passwd FILE USER --role ROLE [--station ID]} writes such lines. A user moved from
 * Mosquitto keeps the hash {@code mosquitto_passwd} made, in four fields, the hash as mosquitto wrote it
 * ({@code $7$...} or {@code $6$...}, see {@link PasswordHash#fromMosquitto}):
 * <pre>
 * ops:observer::$7$101$4IuY+r/KenFaYH11$h6Ye1sq3...
 * </pre>
 * Immutable.
 */
public final class Credentials {

    private static final int FIELDS = 7;
    /** user:role:station:$7$... (or $6$...), a hash from mosquitto_passwd. */
    private static final int MOSQUITTO_FIELDS = 4;
    private static final Base64.Decoder BASE64_IN = Base64.getDecoder();
    private static final Base64.Encoder BASE64_OUT = Base64.getEncoder();
    private static final String HEADER = "# Watchkeeper broker users: user:role:station:algorithm:iterations:salt:hash\n"
            + "# Written by 'watchkeeper passwd'; holds salted hashes, never passwords. Keep it readable by the broker only.\n";

    private final Map<String, BrokerUser> users;
    /**
     * Verified against when the user is unknown, so that an unknown name costs the same time as a wrong
     * password and timing does not reveal which user names exist. Made on first need, so that loading the
     * file stays fast, with {@link #decoyIterations()}.
     */
    private volatile @Nullable PasswordHash decoy;

    private Credentials(Map<String, BrokerUser> users) {
        this.users = Map.copyOf(users);
    }

    /** No users at all: with authentication on, nobody can connect. */
    public static Credentials empty() {
        return new Credentials(Map.of());
    }

    /**
     * Reads a credentials file.
     *
     * @throws CredentialsException naming the file (and line) when it is missing, unreadable or malformed
     */
    public static Credentials load(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CredentialsException(file + ": no such file", e);
        } catch (IOException e) {
            throw new CredentialsException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses credentials text.
     *
     * @param source the file name, for messages
     * @throws CredentialsException such as {@code users.txt line 3: unknown role 'admin'}
     */
    public static Credentials parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Map<String, BrokerUser> users = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1);
            BrokerUser user = parseLine(line, where);
            Integer earlier = firstLine.putIfAbsent(user.username(), i + 1);
            if (earlier != null) {
                throw new CredentialsException(where + ": duplicate user '" + user.username() + "' (first on line "
                        + earlier + ")");
            }
            users.put(user.username(), user);
        }
        return new Credentials(users);
    }

    /**
     * The user whose name and password these are.
     *
     * @return empty for an unknown user or a wrong password, alike and in about the same time
     */
    public Optional<BrokerUser> authenticate(String username, char[] password) {
        BrokerUser user = users.get(username);
        if (user == null) {
            decoy().matches(password);
            return Optional.empty();
        }
        return user.password().matches(password) ? Optional.of(user) : Optional.empty();
    }

    public Optional<BrokerUser> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public List<BrokerUser> users() {
        return List.copyOf(users.values());
    }

    /** A copy with {@code user} added, or replacing the user of the same name. */
    public Credentials with(BrokerUser user) {
        Map<String, BrokerUser> copy = new LinkedHashMap<>(users);
        copy.put(user.username(), user);
        return new Credentials(copy);
    }

    /** A copy without the user of that name (the same if there is none). */
    public Credentials without(String username) {
        Map<String, BrokerUser> copy = new LinkedHashMap<>(users);
        copy.remove(username);
        return new Credentials(copy);
    }

    /** The file's text: a comment header and one line per user, sorted by name. */
    public String format() {
        StringBuilder out = new StringBuilder(HEADER);
        users.values().stream().sorted((a, b) -> a.username().compareTo(b.username())).forEach(u -> {
            PasswordHash h = u.password();
            out.append(u.username()).append(':').append(u.role().code()).append(':')
                    .append(u.station().orElse("")).append(':');
            if (h.algorithm() != PasswordHash.Algorithm.PBKDF2_SHA256) {
                out.append(h.toMosquitto()).append('\n');
                return;
            }
            out.append(PasswordHash.ALGORITHM).append(':')
                    .append(h.iterations()).append(':').append(BASE64_OUT.encodeToString(h.salt())).append(':')
                    .append(BASE64_OUT.encodeToString(h.hash())).append('\n');
        });
        return out.toString();
    }

    /**
     * Writes {@link #format()} to {@code file}: first to a sibling temporary file readable by its owner
     * only, then moved into place, so a reader never sees half a file and the hashes are not world-readable.
     */
    public void save(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, format(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The number of users only: names are not secret, but logs have no need for them. */
    @Override
    public String toString() {
        return "Credentials[" + users.size() + " users]";
    }

    private PasswordHash decoy() {
        PasswordHash d = decoy;
        if (d == null) {
            Cost cost = decoyCost();
            d = PasswordHash.create(cost.algorithm(), "decoy".toCharArray(), cost.iterations());
            decoy = d;
        }
        return d;
    }

    /** What checking one password costs: the algorithm and its rounds. */
    record Cost(PasswordHash.Algorithm algorithm, int iterations) {
        static Cost of(PasswordHash h) {
            return new Cost(h.algorithm(), h.iterations());
        }
    }

    /** The iterations of {@link #decoyCost()}. */
    int decoyIterations() {
        return decoyCost().iterations();
    }

    /**
     * The iteration count of the decoy: the count most users have (the higher one on a tie), the default
     * for an empty file. Not the highest: with one user at a raised count, every other known name would
     * answer faster than an unknown one and so be told apart by timing. With the most common count, an
     * unknown name costs what most known names cost; only users whose count differs from the rest stand out
     * (keep the counts of one file equal: {@code passwd --iterations} for all of them). Users imported from
     * mosquitto_passwd count by their algorithm and rounds alike, so a file of mosquitto users gets a decoy
     * in mosquitto's format.
     */
    Cost decoyCost() {
        Map<Cost, Long> counts = users.values().stream().collect(Collectors.groupingBy(
                u -> Cost.of(u.password()), Collectors.counting()));
        return counts.entrySet().stream()
                .max(Map.Entry.<Cost, Long>comparingByValue()
                        .thenComparing(e -> e.getKey().iterations())
                        .thenComparing(e -> e.getKey().algorithm()))
                .map(Map.Entry::getKey)
                .orElse(new Cost(PasswordHash.Algorithm.PBKDF2_SHA256, PasswordHash.DEFAULT_ITERATIONS));
    }

    private static BrokerUser parseLine(String line, String where) {
        String[] f = line.split(":", -1);
        if (f.length == 2 && f[1].startsWith("$")) {
            throw new CredentialsException(where + ": a mosquitto_passwd line has no role; write it as "
                    + "user:ROLE:STATION:$7$... (ROLE station, engine or observer; STATION empty unless a station)");
        }
        if (f.length == MOSQUITTO_FIELDS && f[3].startsWith("$")) {
            Role role = role(f[1], where);
            try {
                return new BrokerUser(f[0], role, f[2].isEmpty() ? null : f[2], PasswordHash.fromMosquitto(f[3]));
            } catch (IllegalArgumentException e) {
                throw new CredentialsException(where + ": " + e.getMessage());
            }
        }
        if (f.length != FIELDS) {
            throw new CredentialsException(where + ": expected " + FIELDS
                    + " fields user:role:station:algorithm:iterations:salt:hash (or user:role:station:$7$... from "
                    + "mosquitto_passwd), got " + f.length);
        }
        Role role = role(f[1], where);
        if (!f[3].equals(PasswordHash.ALGORITHM)) {
            throw new CredentialsException(where + ": unknown algorithm '" + f[3] + "' (expected "
                    + PasswordHash.ALGORITHM + ")");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(f[4]);
        } catch (NumberFormatException e) {
            throw new CredentialsException(where + ": iterations is not a number");
        }
        try {
            PasswordHash hash = new PasswordHash(iterations, base64(f[5], "salt", where), base64(f[6], "hash", where));
            return new BrokerUser(f[0], role, f[2].isEmpty() ? null : f[2], hash);
        } catch (IllegalArgumentException e) {
            // range errors say which field is wrong, never its value
            throw new CredentialsException(where + ": " + e.getMessage());
        }
    }

    private static Role role(String code, String where) {
        return Role.fromCode(code).orElseThrow(() -> new CredentialsException(where + ": unknown role '"
                + code + "' (use station, engine or observer)"));
    }

    private static byte[] base64(String field, String name, String where) {
        try {
            return BASE64_IN.decode(field);
        } catch (IllegalArgumentException e) {
            // the decoder's own message quotes a character of the field: keep it out of logs
            throw new CredentialsException(where + ": " + name + " is not Base64");
        }
    }
}
