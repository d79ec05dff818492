package io.watchkeeper.server.input;

import io.watchkeeper.ais.fix.AisIngestStats;
import io.watchkeeper.ais.fix.AisNotices;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.mqtt.client.MessageHandler;
import io.watchkeeper.mqtt.source.FixSource;
import io.watchkeeper.mqtt.wire.FixDecoder;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * What turns each record of the input log into fixes, by its source: JSON on {@code DATA/} ({@link FixSource}),
 * NMEA on {@code AIS/} (a decoder per station), the lines of the TCP and UDP inputs (a decoder per input),
 * and the summaries of oversized payloads (dead letters). {@link #router()} is what the log reader hands
 * each record to; what the decoders hold goes into every checkpoint ({@link #capture}, {@link #restore}).
 * Used by the log reader's thread only, except the counters.
 */
public final class InputDecoders {

    /** What {@link #restore} returns when the checkpoint names no input log position. */
    public static final long NO_POSITION = InputState.NO_POSITION;

    private final FixSource data;
    private final AisTopicSource ais;
    private final AisTopicSource lines;
    private final VesselRegistry registry;
    private final MessageHandler router;

    /**
     * @param fixes           where accepted fixes go: the engine, which may push back
     * @param registry        where the vessels' static data from AIS goes
     * @param notices         where AIS safety messages and weather reports go
     * @param arrival         stands at the arrival time of the record being read: the time of dead letters
     *                        and of NMEA lines without one of their own
     * @param maxPayloadBytes larger payloads are dead letters {@code too_large}
     * @param stations        AIS decoders kept at most, for {@code AIS/} and for the other inputs each
     */
    public InputDecoders(Consumer<Fix> fixes, VesselRegistry registry, AisNotices notices, DeadLetterSink deadLetters,
                         Clock arrival, FramerSettings framing, int maxPayloadBytes, int stations) {
        this.registry = registry;
        this.data = new FixSource(new FixDecoder(maxPayloadBytes), fixes, deadLetters, arrival);
        this.ais = new AisTopicSource(fixes, registry, notices, deadLetters, arrival, framing, maxPayloadBytes,
                stations);
        this.lines = new AisTopicSource(fixes, registry, notices, deadLetters, arrival, framing, maxPayloadBytes,
                stations);
        this.router = new TopicRouter(data, ais, lines, (topic, summary) ->
                deadLetters.accept(OversizeInput.deadLetter(topic, summary, maxPayloadBytes, arrival.instant())));
    }

    /** The input log's source for the lines of the TCP or UDP input {@code name}. */
    public static String lineSource(String name) {
        return TopicRouter.INPUT_PREFIX + name;
    }

    /** Hands each record to its decoder by its source (topic). */
    public MessageHandler router() {
        return router;
    }

    /** What the decoders hold and the vessels' static data, at the log reader's cut {@code position}. */
    public byte[] capture(long position) {
        return InputState.capture(ais, lines, registry, position);
    }

    /**
     * Puts back what {@link #capture} saw; before the first record.
     *
     * @return the input log position to read from, or {@link #NO_POSITION}
     */
    public long restore(byte[] state) throws IOException {
        return InputState.restore(state, ais, lines, registry);
    }

    /** Fixes accepted from {@code DATA/}. */
    public long dataFixes() {
        return data.accepted();
    }

    /** Fixes from {@code AIS/}, all stations together. */
    public long aisFixes() {
        return ais.stats().stream().mapToLong(AisIngestStats::fixes).sum();
    }
}
