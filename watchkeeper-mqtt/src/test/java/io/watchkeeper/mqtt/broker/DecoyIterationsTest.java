package io.watchkeeper.mqtt.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An unknown user's login must cost what most known users' logins cost. With the file's highest count as
 * the decoy, one user with a raised count made every unknown name slower than all other known names.
 */
class DecoyIterationsTest {

    @Test
    void decoyUsesTheCountMostUsersHave() {
        Credentials c = Credentials.empty().with(user("a", 1_000)).with(user("b", 1_000)).with(user("c", 1_000))
                .with(user("d", 5_000));
        assertThat(c.decoyIterations()).isEqualTo(1_000);
    }

    @Test
    void aTieTakesTheHigherCountAndAnEmptyFileTheDefault() {
        assertThat(Credentials.empty().with(user("a", 1_000)).with(user("b", 2_000)).decoyIterations()).isEqualTo(2_000);
        assertThat(Credentials.empty().decoyIterations()).isEqualTo(PasswordHash.DEFAULT_ITERATIONS);
    }

    private static BrokerUser user(String name, int iterations) {
        return new BrokerUser(name, Role.OBSERVER, null, PasswordHash.create("pw".toCharArray(), iterations));
    }
}
