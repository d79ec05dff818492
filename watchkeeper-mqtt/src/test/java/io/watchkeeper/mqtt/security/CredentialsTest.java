package io.watchkeeper.mqtt.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.mqtt.broker.BrokerUser;
import io.watchkeeper.mqtt.broker.Credentials;
import io.watchkeeper.mqtt.broker.CredentialsException;
import io.watchkeeper.mqtt.broker.PasswordHash;
import io.watchkeeper.mqtt.broker.Role;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The credentials file: its format, its refusals with line numbers, and that it never shows a secret. */
class CredentialsTest {

    private static final String SALT = Base64.getEncoder().encodeToString(new byte[16]);
    private static final String HASH = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String TAIL = ":pbkdf2-sha256:1000:" + SALT + ":" + HASH;

    @Test
    void formatParsesBackAndAuthenticates() {
        Credentials written = Credentials.empty()
                .with(new BrokerUser("port1", Role.STATION, "PORT1", PasswordHash.create("s3cret".toCharArray(), 1000)))
                .with(new BrokerUser("detector", Role.ENGINE, null, PasswordHash.create("other".toCharArray(), 1000)));
        String text = written.format();
        assertThat(text).doesNotContain("s3cret").doesNotContain("other").contains("port1:station:PORT1:pbkdf2-sha256:1000:")
                .contains("detector:engine::pbkdf2-sha256:1000:");

        Credentials read = Credentials.parse(text, "users.txt");
        assertThat(read.users()).hasSize(2);
        assertThat(read.authenticate("port1", "s3cret".toCharArray())).hasValueSatisfying(u -> {
            assertThat(u.role()).isEqualTo(Role.STATION);
            assertThat(u.station()).hasValue("PORT1");
        });
        assertThat(read.authenticate("port1", "S3cret".toCharArray())).isEmpty();
        assertThat(read.authenticate("nobody", "s3cret".toCharArray())).isEmpty();
        assertThat(read.authenticate("detector", "other".toCharArray())).hasValueSatisfying(
                u -> assertThat(u.role()).isEqualTo(Role.ENGINE));
    }

    @Test
    void samePasswordGetsADifferentSaltPerUser() {
        PasswordHash a = PasswordHash.create("same".toCharArray(), 1000);
        PasswordHash b = PasswordHash.create("same".toCharArray(), 1000);
        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.hash()).isNotEqualTo(b.hash());
        assertThat(a.matches("same".toCharArray())).isTrue();
        assertThat(b.matches("same".toCharArray())).isTrue();
    }

    @Test
    void commentsAndBlankLinesAreIgnoredAndEachLineKeepsItsIterations() {
        Credentials c = Credentials.parse("# users\n\n  \nops:observer:" + TAIL.replace(":1000:", ":2000:") + "\n",
                "users.txt");
        assertThat(c.user("ops")).hasValueSatisfying(u -> assertThat(u.password().iterations()).isEqualTo(2000));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ops:admin:                 | users.txt line 3: unknown role 'admin' (use station, engine or observer)",
            "port1:station:             | users.txt line 3: role station needs a station id",
            "detector:engine:PORT1      | users.txt line 3: role engine takes no station id",
            "port1:station:PORT/1       | users.txt line 3: station id 'PORT/1' must not contain",
            "port1:station:#            | users.txt line 3: station id '#' must not contain",
            ":observer:                 | users.txt line 3: user name must not be empty"})
    void badEntriesNameTheLine(String head, String message) {
        String text = "# header\n\n" + head.strip() + TAIL + "\n";
        assertThatThrownBy(() -> Credentials.parse(text, "users.txt"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ops:observer:              | users.txt line 1: expected 7 fields",
            "ops:observer::md5:1000:a:b | users.txt line 1: unknown algorithm 'md5'",
            "ops:observer::pbkdf2-sha256:many:a:b | users.txt line 1: iterations is not a number",
            "ops:observer::pbkdf2-sha256:10:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= | users.txt line 1: iterations must be at least 1000",
            "ops:observer::pbkdf2-sha256:2147483647:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= | users.txt line 1: iterations must be at most 10000000",
            "ops:observer::pbkdf2-sha256:1000:not-base64!:AAAA | users.txt line 1: salt is not Base64",
            "ops:observer::pbkdf2-sha256:1000:AAAAAAAAAAAAAAAAAAAAAA==:%%% | users.txt line 1: hash is not Base64",
            "ops:observer::pbkdf2-sha256:1000:AAAA:AAAA | users.txt line 1: salt must be at least 16 bytes"})
    void malformedLinesNameTheProblemButNotTheSecret(String line, String message) {
        assertThatThrownBy(() -> Credentials.parse(line.strip() + "\n", "users.txt"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("AAAAAAAA").doesNotContain("not-base64")
                        .doesNotContain("%%%").doesNotContain("\n"));
    }

    @Test
    void duplicateUserNamesBothLines() {
        String text = "ops:observer:" + TAIL + "\nport1:station:PORT1" + TAIL + "\nops:engine:" + TAIL + "\n";
        assertThatThrownBy(() -> Credentials.parse(text, "users.txt"))
                .isInstanceOf(CredentialsException.class)
                .hasMessage("users.txt line 3: duplicate user 'ops' (first on line 1)");
    }

    @Test
    void replacingAUserKeepsOneLine() {
        Credentials c = Credentials.empty()
                .with(new BrokerUser("ops", Role.OBSERVER, null, PasswordHash.create("one".toCharArray(), 1000)))
                .with(new BrokerUser("ops", Role.OBSERVER, null, PasswordHash.create("two".toCharArray(), 1000)));
        assertThat(c.users()).hasSize(1);
        assertThat(Credentials.parse(c.format(), "f").authenticate("ops", "two".toCharArray())).isPresent();
    }

    @Test
    void toStringsShowNoSaltNoHash() {
        PasswordHash hash = PasswordHash.create("pw".toCharArray(), 1000);
        BrokerUser user = new BrokerUser("port1", Role.STATION, "PORT1", hash);
        String salt = Base64.getEncoder().encodeToString(hash.salt());
        String digest = Base64.getEncoder().encodeToString(hash.hash());
        for (Object o : new Object[] {hash, user, Credentials.empty().with(user)}) {
            assertThat(o.toString()).doesNotContain(salt).doesNotContain(digest).doesNotContain("pw,");
        }
        assertThat(hash.toString()).isEqualTo("PasswordHash[pbkdf2-sha256, iterations=1000, salt=***, hash=***]");
    }

    @Test
    void roleCodesAreCaseInsensitive() {
        assertThat(Role.fromCode("Station")).hasValue(Role.STATION);
        assertThat(Role.fromCode("admin")).isEmpty();
    }
}
