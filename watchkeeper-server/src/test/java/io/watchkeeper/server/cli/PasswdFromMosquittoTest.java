package io.watchkeeper.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.mqtt.broker.Credentials;
import io.watchkeeper.mqtt.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code passwd --from-mosquitto}: a user of a real mosquitto_passwd file keeps its password, with a role added. */
class PasswdFromMosquittoTest {

    @TempDir
    Path dir;

    @Test
    void copiesTheUsersHashWithTheRoleGiven() throws Exception {
        Path passwd = dir.resolve("passwd");
        Process p = new ProcessBuilder(ExternalTools.path("mosquitto_passwd", "mosquitto").toString(), "-c", "-b",
                passwd.toString(), "desk", "desk-pw").redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        Path users = dir.resolve("users.txt");

        CliHarness cli = new CliHarness();
        assertThat(cli.run("passwd", users.toString(), "desk", "--role", "observer", "--from-mosquitto",
                passwd.toString())).as(cli.err.toString()).isZero();

        Credentials c = Credentials.load(users);
        assertThat(c.authenticate("desk", "desk-pw".toCharArray())).isPresent();
        assertThat(c.authenticate("desk", "desk-px".toCharArray())).isEmpty();
        assertThat(Files.readString(users)).containsPattern("(?m)^desk:observer::\\$7\\$");
    }

    @Test
    void aUserNotInTheMosquittoFileIsOneLineAndExit1() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "");
        CliHarness cli = new CliHarness();
        assertThat(cli.run("passwd", dir.resolve("users.txt").toString(), "desk", "--role", "observer",
                "--from-mosquitto", passwd.toString())).isEqualTo(1);
        assertThat(cli.err.toString()).isEqualTo("passwd: " + passwd + ": no user 'desk'\n");
    }
}
