package io.watchkeeper.mqtt.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A password file written by {@code mosquitto_passwd}: {@code user:$7$...} or {@code user:$6$...} per line.
 * It names no roles, so the broker does not use it as it is; {@code watchkeeper passwd --from-mosquitto}
 * copies a user's hash from it into the credentials file, with the role given there.
 */
public final class MosquittoPasswdFile {

    private MosquittoPasswdFile() {
    }

    /**
     * The hash of {@code user} in {@code file}; empty if the file has no such user.
     *
     * @throws CredentialsException naming the file and line when it cannot be read or the user's hash is malformed
     */
    public static Optional<PasswordHash> hashOf(Path file, String user) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CredentialsException(file + ": no such file", e);
        } catch (IOException e) {
            throw new CredentialsException(file + ": cannot read: " + e.getMessage(), e);
        }
        String prefix = user + ":";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(prefix)) {
                try {
                    return Optional.of(PasswordHash.fromMosquitto(line.substring(prefix.length())));
                } catch (IllegalArgumentException e) {
                    throw new CredentialsException(file + " line " + (i + 1) + ": " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }
}
