package io.watchkeeper.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventHubTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    static Event event(String id, String type, String mmsi) {
        Fix cause = Fix.geo(VesselId.of(mmsi), "SOLENT", T0, 50.8, -1.1, 3, 90, 91, 0, null);
        return new Event(id, type, "SOLENT", cause.vessel(), "boat", "moving", "resting", T0, T0, cause,
                Map.of("name", "line\nbreak <b>"));
    }

    static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    @Test
    void eachMatchingClientGetsOneFramePerEvent() throws Exception {
        EventHub hub = new EventHub();
        Subscriber all = hub.subscribe(null, null, () -> { });
        Subscriber zones = hub.subscribe("ZONE_ENTER", null, () -> { });
        Subscriber vessel = hub.subscribe(null, "235000001", () -> { });

        hub.accept(event("e1", "STATETRANSITION", "235000001"));
        hub.accept(event("e2", "ZONE_ENTER", "235000002"));

        String f1 = text(all.poll(0));
        assertThat(f1).startsWith("event: event\ndata: {\"header\":").endsWith("\nid: e1\n\n");
        assertThat(f1.split("\n")).hasSize(3); // the envelope is one line, even with a line break in a detail
        assertThat(text(all.poll(0))).endsWith("id: e2\n\n");
        assertThat(all.pollNow()).isNull();
        assertThat(text(zones.poll(0))).endsWith("id: e2\n\n");
        assertThat(zones.pollNow()).isNull();
        assertThat(text(vessel.poll(0))).endsWith("id: e1\n\n");
        assertThat(vessel.pollNow()).isNull();
        assertThat(hub.published()).isEqualTo(2);
    }

    @Test
    void aClientThatFallsBehindIsDisconnectedAndCountedWhileOthersGoOn() throws Exception {
        EventHub hub = new EventHub(10, 4);
        AtomicInteger disconnects = new AtomicInteger();
        Subscriber slow = hub.subscribe(null, null, disconnects::incrementAndGet);
        Subscriber fast = hub.subscribe(null, null, () -> { });
        for (int i = 0; i < 25; i++) {
            hub.accept(event("e" + i, "STATETRANSITION", "1"));
            assertThat(fast.poll(0)).isNotNull();
        }
        assertThat(disconnects).hasValue(1);
        assertThat(hub.overflowed()).isEqualTo(1);
        assertThat(hub.clients()).isEqualTo(1);
        assertThat(slow.poll(0)).isSameAs(Subscriber.END); // its sender stops at once
    }

    @Test
    void clientsAreBoundedAndDisconnectAllEndsThem() throws Exception {
        EventHub hub = new EventHub(10, 2);
        Subscriber a = hub.subscribe(null, null, () -> { });
        assertThat(hub.subscribe(null, null, () -> { })).isNotNull();
        assertThat(hub.subscribe(null, null, () -> { })).isNull();
        hub.disconnectAll();
        assertThat(hub.clients()).isZero();
        assertThat(a.poll(0)).isSameAs(Subscriber.END);
        hub.accept(event("e", "STATETRANSITION", "1")); // nobody listens: nothing encoded, nothing counted
        assertThat(hub.published()).isZero();
    }
}
