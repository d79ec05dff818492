package io.watchkeeper.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.engine.EngineStats;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.mqtt.client.MessageHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchkeeperMetricsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final WatchkeeperMetrics metrics = WatchkeeperMetrics.create(Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        metrics.close();
    }

    private static Event event(String type) {
        VesselId vessel = VesselId.scoped("PORT1", "7", true);
        Fix cause = Fix.planar(vessel, "PORT1", NOW, 1.0, 2.0, null);
        return new Event("id-" + type, type, "PORT1", vessel, "boat", "moving", "resting", NOW, NOW, cause, Map.of());
    }

    private static DeadLetter deadLetter(RejectReason reason) {
        return new DeadLetter("station1", reason, "detail", "{}", NOW);
    }

    @Test
    void countsEventsPerType() {
        EventSink sink = metrics.events();
        sink.accept(event("STATETRANSITION"));
        sink.accept(event("STATETRANSITION"));
        sink.accept(event("ZONE_ENTRY"));

        assertThat(metrics.scrape())
                .contains("watchkeeper_events_total{type=\"STATETRANSITION\"} 2.0")
                .contains("watchkeeper_events_total{type=\"ZONE_ENTRY\"} 1.0");
    }

    @Test
    void boundsTheNumberOfEventTypes() {
        try (WatchkeeperMetrics small = WatchkeeperMetrics.create(Clock.systemUTC(), 3)) {
            for (int i = 0; i < 10; i++) {
                small.events().accept(event("T" + i));
            }
            small.events().accept(event("T0"));

            String scrape = small.scrape();
            assertThat(scrape).contains("watchkeeper_events_total{type=\"T0\"} 2.0")
                    .contains("watchkeeper_events_total{type=\"T2\"} 1.0")
                    .doesNotContain("type=\"T3\"")
                    .contains("watchkeeper_events_total{type=\"other\"} 7.0");
            assertThat(scrape.lines().filter(l -> l.startsWith("watchkeeper_events_total"))).hasSize(4);
        }
    }

    @Test
    void countsDeadLettersPerReasonAndHandsThemOn() {
        List<DeadLetter> forwarded = new ArrayList<>();
        DeadLetterSink sink = metrics.deadLetters(forwarded::add);
        sink.accept(deadLetter(RejectReason.MALFORMED_JSON));
        sink.accept(deadLetter(RejectReason.MALFORMED_JSON));
        sink.accept(deadLetter(RejectReason.NMEA_CHECKSUM));

        assertThat(forwarded).hasSize(3);
        assertThat(metrics.scrape())
                .contains("watchkeeper_dead_letters_total{reason=\"malformed_json\"} 2.0")
                .contains("watchkeeper_dead_letters_total{reason=\"nmea_checksum\"} 1.0")
                .contains("watchkeeper_dead_letters_total{reason=\"too_large\"} 0.0");
    }

    @Test
    void countsMessagesInByTopicRoot() {
        List<String> handled = new ArrayList<>();
        MessageHandler handler = metrics.messagesIn((topic, payload) -> handled.add(topic));
        handler.onMessage("DATA/station1", new byte[0]);
        handler.onMessage("DATA/station1/235024149", new byte[0]);
        handler.onMessage("AIS/station1", new byte[0]);
        handler.onMessage("SOMETHING/else", new byte[0]);

        assertThat(handled).hasSize(4);
        assertThat(metrics.scrape())
                .contains("watchkeeper_messages_in_total{topic=\"DATA\"} 2.0")
                .contains("watchkeeper_messages_in_total{topic=\"AIS\"} 1.0")
                .contains("watchkeeper_messages_in_total{topic=\"other\"} 1.0")
                .doesNotContain("watchkeeper_messages_in_total{topic=\"EVENT\"}");
    }

    @Test
    void countsMessagesOutAfterTheSinkTookThem() {
        List<Event> published = new ArrayList<>();
        EventSink events = metrics.eventsOut(published::add);
        DeadLetterSink deadLetters = metrics.deadLettersOut(d -> { });
        events.accept(event("STATETRANSITION"));
        deadLetters.accept(deadLetter(RejectReason.TOO_LARGE));
        metrics.messageOut(TopicRoot.EVENT);
        metrics.messageOut(TopicRoot.DATA);
        EventSink refusing = metrics.eventsOut(e -> {
            throw new IllegalStateException("broker gone");
        });
        assertThatThrownBy(() -> refusing.accept(event("STATETRANSITION"))).isInstanceOf(IllegalStateException.class);

        assertThat(published).hasSize(1);
        assertThat(metrics.scrape())
                .contains("watchkeeper_messages_out_total{topic=\"EVENT\"} 2.0")
                .contains("watchkeeper_messages_out_total{topic=\"DEADLETTER\"} 1.0")
                .contains("watchkeeper_messages_out_total{topic=\"other\"} 1.0")
                .doesNotContain("watchkeeper_messages_out_total{topic=\"DATA\"}");
    }

    @Test
    void exposesTheEngine() {
        AtomicReference<EngineStats> stats = new AtomicReference<>(new EngineStats(120, 100, 20, 42, 3, 1, 5, 6, 0, 0, 7));
        EventTimeWatermark watermark = new EventTimeWatermark();
        metrics.bindEngine(stats::get, watermark::latest);

        assertThat(metrics.scrape()).contains("watchkeeper_engine_event_lag_seconds NaN");

        watermark.advanceTo(NOW.minusSeconds(90));
        watermark.advanceTo(NOW.minusSeconds(2).minusMillis(500));
        watermark.advanceTo(NOW.minusSeconds(30)); // a late fix does not move the watermark back
        String scrape = metrics.scrape();
        assertThat(scrape)
                .contains("watchkeeper_engine_queue_depth 20.0")
                .contains("watchkeeper_engine_vessels 42.0")
                .contains("watchkeeper_engine_submitted_total 120.0")
                .contains("watchkeeper_engine_processed_total 100.0")
                .contains("watchkeeper_engine_out_of_order_total 5.0")
                .contains("watchkeeper_engine_duplicates_total 6.0")
                .contains("watchkeeper_engine_backpressure_waits_total 3.0")
                .contains("watchkeeper_engine_sink_failures_total 1.0")
                .contains("watchkeeper_engine_evicted_total 7.0")
                .contains("watchkeeper_engine_lag_fixes 20.0")
                .contains("watchkeeper_engine_event_lag_seconds 2.5");
    }

    @Test
    void exposesTheVesselRegistryAndWhatItRefusedOnceFull() {
        VesselRegistry vessels = new VesselRegistry(2);
        for (int i = 0; i < 5; i++) {
            vessels.merge(new VesselInfo(VesselId.of("21900000" + i), "SHIP " + i, null, 0, 70, -1, -1, -1, -1,
                    Double.NaN, null, null, NOW));
        }
        metrics.bindVesselRegistry(vessels);

        assertThat(metrics.scrape())
                .contains("watchkeeper_vessel_registry_size 2.0")
                .contains("watchkeeper_vessel_registry_refused_total 3.0");
    }

    @Test
    void bindsTheEngineOnce() {
        metrics.bindEngine(() -> new EngineStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), Optional::empty);
        assertThatThrownBy(() -> metrics.bindEngine(() -> null, Optional::empty))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void exposesTheJvm() {
        assertThat(metrics.scrape())
                .contains("jvm_memory_used_bytes{")
                .contains("jvm_threads_live_threads")
                .contains("jvm_gc_")
                .contains("process_cpu_usage")
                .contains("system_cpu_count")
                .contains("process_uptime_seconds");
    }

    @Test
    void watermarkIsEmptyBeforeTheFirstFix() {
        EventTimeWatermark watermark = new EventTimeWatermark();
        assertThat(watermark.latest()).isEmpty();
        watermark.accept(Fix.planar(VesselId.scoped("PORT1", "7", true), "PORT1", NOW, 0, 0, null));
        assertThat(watermark.latest()).contains(NOW);
    }
}
