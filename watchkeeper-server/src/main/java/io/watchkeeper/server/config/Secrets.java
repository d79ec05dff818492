package io.watchkeeper.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.annotations.Nullable;

/**
 * Reads passwords from where operators may keep them: a file (its first line) or an environment variable,
 * never the command line, where {@code ps} and shell history would show them. Messages name the file or
 * the variable, never the content.
 */
public final class Secrets {

    private Secrets() {
    }

    /**
     * The first line of {@code file}, without its line break.
     *
     * @param what the option or key that named the file, for messages ({@code --password-file})
     * @throws ConfigException if the file is missing, unreadable or its first line is empty
     */
    public static String fromFile(Path file, String what) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(what + " " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigException(what + " " + file + ": permission denied");
        } catch (IOException e) {
            throw new ConfigException(what + " " + file + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw new ConfigException(what + " " + file + ": the first line is empty");
        }
        return line;
    }

    /** The first that is set: the file, else the environment variable; empty if neither. */
    public static Optional<String> fromFileOrEnv(@Nullable Path file, String what, Map<String, String> env,
                                                 String variable) {
        if (file != null) {
            return Optional.of(fromFile(file, what));
        }
        String value = env.get(variable);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
