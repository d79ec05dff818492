package io.watchkeeper.mqtt.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * mosquitto_passwd's two formats, checked against lines the real tool (Mosquitto 2.0.11) wrote, and the
 * decoy a file of such users gets.
 */
class MosquittoHashTest {

    /** {@code mosquitto_passwd -b FILE carol 'pässword 7'}. */
    private static final String PBKDF2 = "$7$101$j+QnFP7w9eMwvvqt$VgHgGR8/HjigwDBbmAnR0/qogdceY2ZYKtE786asm2MkEJPtwIC"
            + "updRG6n9SfX1GA5HjdaoF/ZyhI3HzOpWSig==";
    /** {@code mosquitto_passwd -H sha512 -b FILE bob 'pässword 6'}. */
    private static final String SHA512 = "$6$pOAj5o8qY4bK8lmf$C86b73QZFOyorzhNrxwkTuKlTuJNUak9eLAbXvSTNB/YpzLvB98AKisO"
            + "PtGAaOVu1LZObWy+/CGKNfGaFhpR5Q==";

    @Test
    void aPbkdf2LineFromMosquittoMatchesItsPasswordOnly() {
        PasswordHash h = PasswordHash.fromMosquitto(PBKDF2);
        assertThat(h.algorithm()).isEqualTo(PasswordHash.Algorithm.MOSQUITTO_PBKDF2_SHA512);
        assertThat(h.iterations()).isEqualTo(101);
        assertThat(h.matches("pässword 7".toCharArray())).isTrue();
        assertThat(h.matches("pässword 6".toCharArray())).isFalse();
        assertThat(h.toMosquitto()).isEqualTo(PBKDF2);
    }

    @Test
    void aSha512LineFromMosquittoMatchesItsPasswordOnly() {
        PasswordHash h = PasswordHash.fromMosquitto(SHA512);
        assertThat(h.algorithm()).isEqualTo(PasswordHash.Algorithm.MOSQUITTO_SHA512);
        assertThat(h.matches("pässword 6".toCharArray())).isTrue();
        assertThat(h.matches("password 6".toCharArray())).isFalse();
        assertThat(h.toMosquitto()).isEqualTo(SHA512);
    }

    @Test
    void theCredentialsFileKeepsMosquittoHashesAsTheyWere() {
        Credentials c = Credentials.parse("carol:observer::" + PBKDF2 + "\nbob:station:PORT1:" + SHA512 + "\n", "users.txt");
        assertThat(c.authenticate("carol", "pässword 7".toCharArray())).isPresent();
        assertThat(c.authenticate("bob", "pässword 6".toCharArray())).hasValueSatisfying(
                u -> assertThat(u.station()).hasValue("PORT1"));
        assertThat(c.authenticate("bob", "pässword 7".toCharArray())).isEmpty();
        assertThat(c.format()).contains("\nbob:station:PORT1:" + SHA512 + "\n", "\ncarol:observer::" + PBKDF2 + "\n");
        assertThat(Credentials.parse(c.format(), "again").users()).containsExactlyInAnyOrderElementsOf(c.users());
    }

    @Test
    void aFileOfMosquittoUsersGetsADecoyInMosquittosFormatAndCost() {
        Credentials c = Credentials.parse("a:observer::" + PBKDF2 + "\nb:observer::" + PBKDF2 + "\n"
                + "c:engine::pbkdf2-sha256:1000:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "u");
        assertThat(c.decoyCost()).isEqualTo(new Credentials.Cost(PasswordHash.Algorithm.MOSQUITTO_PBKDF2_SHA512, 101));
        // an unknown name is checked against that decoy, and refused like a wrong password
        assertThat(c.authenticate("nobody", "pässword 7".toCharArray())).isEmpty();
    }

    @Test
    void aBareMosquittoLineOrABrokenHashIsOneLineThatQuotesNothing() {
        assertThatThrownBy(() -> Credentials.parse("carol:" + PBKDF2 + "\n", "users.txt"))
                .isInstanceOf(CredentialsException.class)
                .hasMessage("users.txt line 1: a mosquitto_passwd line has no role; write it as user:ROLE:STATION:$7$... "
                        + "(ROLE station, engine or observer; STATION empty unless a station)");
        assertThatThrownBy(() -> Credentials.parse("carol:observer::$7$101$!!secret!!$AAAA\n", "users.txt"))
                .hasMessage("users.txt line 1: salt is not Base64");
        // 2^31 - 1 rounds would hold one of the broker's two check threads for about an hour per login.
        assertThatThrownBy(() -> Credentials.parse("carol:observer::$7$2147483647$AAAAAAAAAAAAAAAA$" + "A".repeat(86)
                + "==\n", "users.txt")).hasMessage("users.txt line 1: iterations must be at most 10000000, got 2147483647");
        assertThatThrownBy(() -> Credentials.parse("carol:observer::$5$abc$def\n", "users.txt"))
                .hasMessageStartingWith("users.txt line 1: not a mosquitto_passwd hash").hasMessageNotContaining("abc");
    }
}
