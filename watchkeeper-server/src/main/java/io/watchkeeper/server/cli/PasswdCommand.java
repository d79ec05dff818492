package io.watchkeeper.server.cli;

import io.watchkeeper.mqtt.broker.BrokerUser;
import io.watchkeeper.mqtt.broker.Credentials;
import io.watchkeeper.mqtt.broker.MosquittoPasswdFile;
import io.watchkeeper.mqtt.broker.PasswordHash;
import io.watchkeeper.mqtt.broker.Role;
import io.watchkeeper.server.config.ConfigException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jetbrains.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Adds a user to the broker's credentials file (or changes one), like {@code mosquitto_passwd}. The
 * password is read from the terminal, twice, or from the first line of stdin when there is no terminal;
 * never from the command line.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = {"Adds or updates a user of 'watchkeeper broker --auth FILE'; creates FILE if needed.",
                "The password is asked for on the terminal (twice), or read from stdin's first line:",
                "  watchkeeper passwd users.txt port1 --role station --station PORT1",
                "  printf '%s\\n' \"$PW\" | watchkeeper passwd users.txt detector --role engine",
                "  watchkeeper passwd users.txt ops --role observer --from-mosquitto /etc/mosquitto/passwd",
                "Roles: station (publishes its own DATA/<id>/# and AIS/<id>), engine (reads DATA/ AIS/, writes EVENT/",
                "DEADLETTER/), observer (reads only). See docs/security.md."})
final class PasswdCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The credentials file.")
    Path file;

    @Parameters(index = "1", paramLabel = "USER", description = "The user name.")
    String user;

    @Option(names = "--role", paramLabel = "ROLE", description = "station, engine or observer (required unless --delete).")
    @Nullable String role;

    @Option(names = "--station", paramLabel = "ID", description = "The station id, for --role station.")
    @Nullable String station;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + PasswordHash.DEFAULT_ITERATIONS,
            description = "PBKDF2 iterations (default: ${DEFAULT-VALUE}; each login costs about this much work).")
    int iterations;

    @Option(names = "--delete", description = "Remove USER instead.")
    boolean delete;

    @Option(names = "--from-mosquitto", paramLabel = "PASSWD",
            description = "Copy USER's password hash from this mosquitto_passwd file instead of asking for a password.")
    @Nullable Path fromMosquitto;

    /** stdin, replaceable for tests. */
    InputStream in = System.in;

    @Override
    public Integer call() throws IOException {
        Credentials users = Files.exists(file) ? Credentials.load(file) : Credentials.empty();
        boolean existed = users.user(user).isPresent();
        if (delete) {
            if (!existed) {
                throw new ConfigException(file + ": no user '" + user + "'");
            }
            users.without(user).save(file);
            System.err.printf("watchkeeper passwd: removed user '%s' from %s%n", user, file);
            return 0;
        }
        Role chosen = role == null ? null : Role.fromCode(role).orElse(null);
        if (chosen == null) {
            throw new ConfigException(role == null ? "--role is required: station, engine or observer"
                    : "unknown role '" + role + "' (use station, engine or observer)");
        }
        if (iterations < PasswordHash.MIN_ITERATIONS || iterations > PasswordHash.MAX_ITERATIONS) {
            throw new ConfigException("--iterations must be between " + PasswordHash.MIN_ITERATIONS + " and "
                    + PasswordHash.MAX_ITERATIONS);
        }
        BrokerUser checked = new BrokerUser(user, chosen, station, placeholderHash()); // validates name and station first
        if (fromMosquitto != null) {
            PasswordHash hash = MosquittoPasswdFile.hashOf(fromMosquitto, user)
                    .orElseThrow(() -> new ConfigException(fromMosquitto + ": no user '" + user + "'"));
            users.with(new BrokerUser(checked.username(), chosen, station, hash)).save(file);
            System.err.printf("watchkeeper passwd: %s user '%s' (%s%s) in %s, with the password of %s%n",
                    existed ? "updated" : "added", user, chosen.code(), station == null ? "" : " " + station, file,
                    fromMosquitto);
            return 0;
        }
        char[] password = readPassword();
        try {
            BrokerUser added = new BrokerUser(checked.username(), chosen, station, PasswordHash.create(password, iterations));
            users.with(added).save(file);
            System.err.printf("watchkeeper passwd: %s user '%s' (%s%s) in %s%n", existed ? "updated" : "added", user,
                    chosen.code(), station == null ? "" : " " + station, file);
        } finally {
            Arrays.fill(password, '\0');
        }
        return 0;
    }

    private static PasswordHash placeholderHash() {
        return new PasswordHash(PasswordHash.MIN_ITERATIONS, new byte[16], new byte[32]);
    }

    private char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null && in == System.in) {
            char[] first = console.readPassword("Password for %s: ", user);
            char[] second = console.readPassword("Again: ");
            if (first == null || second == null) {
                throw new ConfigException("no password given");
            }
            boolean same = Arrays.equals(first, second);
            Arrays.fill(second, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new ConfigException("the two passwords differ; nothing changed");
            }
            return checkNotEmpty(first);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null) {
            throw new ConfigException("no password on stdin; nothing changed");
        }
        // a file written on Windows ends its line with CR LF; the CR is not part of the password
        return checkNotEmpty((line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray());
    }

    private static char[] checkNotEmpty(char[] password) {
        if (password.length == 0) {
            throw new ConfigException("the password must not be empty; nothing changed");
        }
        return password;
    }
}
