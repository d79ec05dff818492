package io.watchkeeper.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.ais.fix.AisIngest;
import io.watchkeeper.ais.fix.AisIngestStats;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.nmea.FramerStats;
import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.core.engine.InlineEngine;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.mqtt.source.FixSource;
import io.watchkeeper.mqtt.topic.Topics;
import io.watchkeeper.mqtt.wire.FixDecoder;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.metrics.WatchkeeperMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The detect role's input path without a broker, wired as {@code DetectorService} wires it: {@code DATA/}
 * through {@link FixSource} and {@link FixDecoder}, {@code AIS/} through {@link AisIngest} (one per station,
 * lines as {@code AisTopicSource} splits them), accepted fixes into an {@link InlineEngine} running the
 * default suite in live mode, and every dead letter through {@link WatchkeeperMetrics#deadLetters} into a
 * {@link DeadLetterCounter}. Each sink is tagged so a test can tell which stage refused what.
 * One per try and thread; the metrics are shared, so they are compared as the change since it was built.
 */
final class Pipeline {

    /** The wall clock, fixed: far-future checks and event times are then the same on every run. */
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final DetectorSuite SUITE = DetectorSuite.defaults(SpeedProfile.DEFAULT);
    static final String DATA_STATION = "hostile";
    static final String AIS_STATION = "hostile-ais";

    /**
     * Binding JVM meters per try would be slow, so metrics are shared, one per thread: jqwik may still be
     * shrinking a failed property on another thread while the next one runs.
     */
    private static final ThreadLocal<WatchkeeperMetrics> METRICS = ThreadLocal.withInitial(() -> WatchkeeperMetrics.create(CLOCK));

    final List<DeadLetter> sourceLetters = new ArrayList<>();
    final List<DeadLetter> aisLetters = new ArrayList<>();
    final List<DeadLetter> engineLetters = new ArrayList<>();
    final List<Fix> fixes = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final DeadLetterCounter deadLetters = new DeadLetterCounter(METRICS.get().deadLetters(d -> { }));
    private final Map<RejectReason, Double> metricBefore = metric();
    private final InlineEngine engine;
    private final FixSource data;
    private final AisIngest ais;

    Pipeline() {
        VesselRegistry registry = new VesselRegistry();
        engine = new InlineEngine(SUITE.setup(registry, true), events::add, tagged(engineLetters), CLOCK);
        data = new FixSource(new FixDecoder(), this::submit, tagged(sourceLetters), CLOCK);
        ais = new AisIngest(AIS_STATION, this::submit, registry, tagged(aisLetters), CLOCK, FramerSettings.defaults());
    }

    private DeadLetterSink tagged(List<DeadLetter> into) {
        return d -> {
            into.add(d);
            deadLetters.accept(d);
        };
    }

    private void submit(Fix fix) {
        fixes.add(fix);
        engine.submit(fix);
    }

    /** One MQTT message on {@code DATA/<station>}. */
    void data(String station, byte[] payload) {
        data.onMessage(Topics.data(station), payload);
    }

    void data(byte[] payload) {
        data(DATA_STATION, payload);
    }

    /** One MQTT message on {@code AIS/<station>}, decoded as {@code AisTopicSource} does. */
    void ais(byte[] payload) {
        ais.acceptLines(new String(payload, StandardCharsets.ISO_8859_1));
    }

    long dataAccepted() {
        return data.accepted();
    }

    long dataRejected() {
        return data.rejected();
    }

    /** Fixes the engine skipped because their vessel had a later one: what a fix from the future mutes. */
    long outOfOrder() {
        return engine.stats().outOfOrder();
    }

    AisIngestStats aisStats() {
        return ais.stats();
    }

    /** What must hold after any input: no detector threw, every refusal has a reason, the metric agrees. */
    void checkInvariants() {
        assertThat(deadLetters.count(RejectReason.DETECTOR_ERROR)).as("detector errors: %s", engineLetters).isZero();
        for (List<DeadLetter> letters : List.of(sourceLetters, aisLetters, engineLetters)) {
            for (DeadLetter d : letters) {
                assertThat(d.detail()).as("reason detail of %s", d).isNotBlank();
            }
        }
        assertThat(deadLetters.total()).isEqualTo(sourceLetters.size() + aisLetters.size() + engineLetters.size());
        Map<RejectReason, Double> after = metric();
        for (RejectReason reason : RejectReason.values()) {
            assertThat(after.get(reason) - metricBefore.get(reason))
                    .as("watchkeeper_dead_letters_total{reason=%s}", reason.label())
                    .isEqualTo((double) deadLetters.count(reason));
        }
        AisIngestStats stats = ais.stats();
        FramerStats framer = stats.decoder().framer();
        assertThat(framer.balanced()).as("framer stats balanced: %s", framer).isTrue();
        assertThat(stats.deadLetters()).isEqualTo(aisLetters.size());
    }

    private static Map<RejectReason, Double> metric() {
        Map<RejectReason, Double> out = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            out.put(reason, METRICS.get().registry().get("watchkeeper.dead.letters").tag("reason", reason.label())
                    .counter().count());
        }
        return out;
    }
}
