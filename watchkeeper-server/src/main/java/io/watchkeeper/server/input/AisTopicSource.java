package io.watchkeeper.server.input;

import io.watchkeeper.ais.fix.AisIngest;
import io.watchkeeper.ais.fix.AisIngestStats;
import io.watchkeeper.ais.fix.AisNotices;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.mqtt.client.MessageHandler;
import io.watchkeeper.mqtt.source.InputRejects;
import io.watchkeeper.mqtt.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Raw NMEA on {@code AIS/<station>}: one {@link AisIngest} per station, so fragments reassemble per
 * station and a station's refusals go to {@code DEADLETTER/<station>}. A message may hold one or more
 * lines. Called by the subscriber's single handler thread, the only writer; {@link #stats()} reads the
 * map from other threads, hence a concurrent map.
 *
 * <p>The topic names the station, so anyone who may publish on {@code AIS/#} chooses how many decoders
 * there are: at most {@code maxStations}; lines of a station beyond them are {@code station_quota} dead
 * letters. Each decoder holds at most {@link FramerSettings#maxPendingGroups} incomplete messages, each
 * for at most {@link FramerSettings#fragmentTimeout}.
 */
final class AisTopicSource implements MessageHandler {

    /**
     * How often every station's expired fragment groups are swept out, in wall-clock milliseconds: each
     * ingest sweeps itself as lines arrive, and this reaches the stations that went quiet.
     */
    private static final long EXPIRE_EVERY_MILLIS = 1_000;

    private final Consumer<Fix> fixes;
    private final VesselRegistry registry;
    private final AisNotices notices;
    private final DeadLetterSink deadLetters;
    private final InputRejects rejects;
    private final Clock clock;
    private final FramerSettings settings;
    private final int maxPayloadBytes;
    private final int maxStations;
    private final Map<String, AisIngest> stations = new ConcurrentHashMap<>();
    private long lastExpireMillis;

    /**
     * @param maxPayloadBytes larger messages are dead-lettered whole, as {@code too_large}, before any line is read
     * @param maxStations     decoders kept at most, one per station
     */
    AisTopicSource(Consumer<Fix> fixes, VesselRegistry registry, AisNotices notices, DeadLetterSink deadLetters,
                   Clock clock,
                   FramerSettings settings, int maxPayloadBytes, int maxStations) {
        if (maxStations < 1) {
            throw new IllegalArgumentException("maxStations must be at least 1, was " + maxStations);
        }
        this.maxPayloadBytes = maxPayloadBytes;
        this.maxStations = maxStations;
        this.fixes = Objects.requireNonNull(fixes, "fixes");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        // NMEA is ASCII; ISO-8859-1 maps any other byte to one char, so junk is kept for the dead letter.
        this.rejects = new InputRejects(deadLetters, clock, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void onMessage(String topic, byte[] payload) {
        String station = Topics.stationOfAis(topic).orElse(null);
        if (station == null) {
            rejects.wrongTopic(topic, "an AIS/<station>", payload);
        } else if (!rejects.refusedAsTooLarge(station, payload, maxPayloadBytes)) {
            acceptLines(station, payload);
        }
    }

    /**
     * NMEA lines of {@code station}, already known to be within the size limit: an {@code AIS/} message,
     * or a line of a TCP or UDP input read back from the input log.
     */
    void acceptLines(String station, byte[] payload) {
        AisIngest ingest = stations.get(station);
        if (ingest == null) {
            if (stations.size() >= maxStations) {
                rejects.reject(station, RejectReason.STATION_QUOTA, "there are " + maxStations
                        + " AIS stations already; " + station + " is a new one", payload);
                return;
            }
            ingest = new AisIngest(station, fixes, registry, deadLetters, clock, settings, notices);
            stations.put(station, ingest);
        }
        ingest.acceptLines(new String(payload, StandardCharsets.ISO_8859_1));
        long now = clock.millis();
        if (now - lastExpireMillis >= EXPIRE_EVERY_MILLIS) {
            lastExpireMillis = now;
            stations.values().forEach(AisIngest::expire);
        }
    }

    /** What each station's decoder holds, for a checkpoint; under the handler thread's lock. */
    Map<String, List<AisIngest.HeldLine>> heldLines() {
        Map<String, List<AisIngest.HeldLine>> out = new TreeMap<>();
        stations.forEach((station, ingest) -> {
            List<AisIngest.HeldLine> held = ingest.heldLines();
            if (!held.isEmpty()) {
                out.put(station, held);
            }
        });
        return out;
    }

    /** Rebuilds what the stations' decoders held at a checkpoint; before the first message. */
    void restore(Map<String, List<AisIngest.HeldLine>> held) {
        held.forEach((station, lines) -> stations.computeIfAbsent(station,
                s -> new AisIngest(s, fixes, registry, deadLetters, clock, settings, notices)).restore(lines));
    }

    /** Counters per station; read from another thread they may be a moment old. */
    List<AisIngestStats> stats() {
        return stations.values().stream().map(AisIngest::stats).toList();
    }
}
