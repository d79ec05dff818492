package io.watchkeeper.mqtt.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Client ids bound to users, and which grants may retain. */
class AccessPolicyTest {

    private static final PasswordHash HASH = PasswordHash.create("x".toCharArray(), PasswordHash.MIN_ITERATIONS);

    @Test
    void clientIdMustBeTheUserOrStartWithUserDash() {
        assertThat(AccessPolicy.clientIdAllowed("ops", "ops")).isTrue();
        assertThat(AccessPolicy.clientIdAllowed("ops", "ops-sub-42")).isTrue();
        assertThat(AccessPolicy.clientIdAllowed("ops", "ops-")).isFalse();
        assertThat(AccessPolicy.clientIdAllowed("ops", "opsx")).isFalse();
        // another user's ids, the engine's companion connections included
        for (String taken : List.of("detector", "detector-out", "detector-status", "watchkeeper-detect", "")) {
            assertThat(AccessPolicy.clientIdAllowed("ops", taken)).as(taken).isFalse();
        }
    }

    @Test
    void stationsMayNotRetainOnTheirDataTopicsButMayOnTheirLiveness() {
        BrokerUser station = new BrokerUser("port1", Role.STATION, "PORT1", HASH);
        List<AccessPolicy.Grant> grants = AccessPolicy.grants(station, "port1-x");
        assertThat(grants).filteredOn(g -> g.topicFilter().startsWith("DATA/") || g.topicFilter().startsWith("AIS/"))
                .hasSize(2).allMatch(g -> g.publish() && !g.retain());
        // STATUS/ and the notifications will are retained by design (DESIGN.md §3)
        assertThat(grants).filteredOn(g -> g.topicFilter().startsWith("STATUS/") || g.topicFilter().equals("notifications"))
                .hasSize(2).allMatch(AccessPolicy.Grant::retain);
    }
}
