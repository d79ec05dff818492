package io.watchkeeper.mqtt.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.watchkeeper.mqtt.broker.Credentials;
import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.broker.PasswordHash;
import io.watchkeeper.mqtt.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users moved from Mosquitto keep their passwords: hashes written by the real {@code mosquitto_passwd}, in both
 * of its formats ({@code $7$} PBKDF2-SHA512, its default since 2.0, and {@code $6$} SHA-512 with
 * {@code -H sha512}), log in to the embedded broker with the right password and are refused with a wrong one.
 */
class MosquittoPasswdIT {

    @TempDir
    Path dir;

    @Test
    void mosquittoHashesLogInWithTheRightPasswordOnly() throws Exception {
        Path passwd = dir.resolve("passwd");
        Files.createFile(passwd);
        mosquittoPasswd(passwd, List.of(), "ops", "ops pässword");           // $7$ (the default)
        mosquittoPasswd(passwd, List.of("-H", "sha512"), "desk", "desk-pw"); // $6$
        String written = Files.readString(passwd);
        assertThat(written).containsPattern("(?m)^ops:\\$7\\$\\d+\\$").containsPattern("(?m)^desk:\\$6\\$");

        // each mosquitto line gets a role, as docs/security.md shows: user:ROLE:STATION:<the hash as it was>
        String users = written.lines().map(l -> l.replaceFirst(":", ":observer::")).collect(Collectors.joining("\n"));
        Credentials credentials = Credentials.parse(users, "users.txt");
        assertThat(credentials.user("ops").orElseThrow().password().algorithm())
                .isEqualTo(PasswordHash.Algorithm.MOSQUITTO_PBKDF2_SHA512);
        assertThat(credentials.user("desk").orElseThrow().password().algorithm())
                .isEqualTo(PasswordHash.Algorithm.MOSQUITTO_SHA512);

        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).credentials(credentials).build().start()) {
            for (SecurityFixtures.User user : List.of(
                    new SecurityFixtures.User("ops", "ops pässword", io.watchkeeper.mqtt.broker.Role.OBSERVER, null),
                    new SecurityFixtures.User("desk", "desk-pw", io.watchkeeper.mqtt.broker.Role.OBSERVER, null))) {
                SecurityFixtures.loggedIn(broker.port(), user.name() + "-1", user).disconnect();
                SecurityFixtures.User wrong = new SecurityFixtures.User(user.name(), user.password() + "x",
                        user.role(), null);
                assertThatThrownBy(() -> SecurityFixtures.loggedIn(broker.port(), user.name() + "-2", wrong))
                        .as(user.name() + " with a wrong password")
                        .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(
                                e.getMqttMessage().getReasonCode())
                                .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
            }
        }
    }

    private static void mosquittoPasswd(Path file, List<String> options, String user, String password)
            throws Exception {
        Path tool = ExternalTools.path("mosquitto_passwd", "mosquitto");
        List<String> command = new java.util.ArrayList<>(List.of(tool.toString()));
        command.addAll(options);
        command.addAll(List.of("-b", file.toString(), user, password));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    }
}
