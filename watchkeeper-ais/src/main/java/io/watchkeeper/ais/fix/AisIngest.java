package io.watchkeeper.ais.fix;

import io.watchkeeper.ais.AisDecoder;
import io.watchkeeper.ais.AisDecoderListener;
import io.watchkeeper.ais.AisDecoderStats;
import io.watchkeeper.ais.message.AisMessage;
import io.watchkeeper.ais.message.SafetyMessage;
import io.watchkeeper.ais.nmea.AisPayload;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One AIS input, from raw lines to the engine: frames and decodes each line, hands position reports on
 * as fixes, merges static reports into the vessel registry, and turns everything refused into a dead
 * letter on {@code DEADLETTER/<source>}. One per input (fragments reassemble per input), used by one
 * thread at a time.
 *
 * <p>A fix's time is the feed's receive time (tag block {@code c:}, {@code $PGHP}, trailing column)
 * when it gives one, so a replay detects on the recording's time; otherwise the wall clock at arrival.
 * Its site is the input's name, so one feed's events share one {@code EVENT/<site>/...} subtree.
 */
public final class AisIngest {

    /** How often {@link #accept} sweeps out expired fragment groups, in wall-clock milliseconds. */
    private static final long EXPIRE_EVERY_MILLIS = 1_000;

    private final String source;
    private final Consumer<Fix> fixes;
    private final VesselRegistry registry;
    private final DeadLetterSink deadLetters;
    private final Clock clock;
    private final AisDecoder decoder;
    private final AisNotices notices;
    private final SafetyEvents safety;
    private long fixCount;
    private long positionNotAvailable;
    private long staticReports;
    private long safetyMessages;
    private long weatherReports;
    private long deadLetterCount;
    private long lastExpireMillis;
    /** Bound of {@link #sinceBoundary}: far above a few fragments, far below a memory problem. */
    private static final int MAX_HELD_LINES = 1_000;
    private final List<HeldLine> sinceBoundary = new ArrayList<>();
    private long heldLinesDropped;
    private boolean replaying;

    /**
     * @param source  the input's name: the site of its fixes and the {@code <source>} of its dead letters
     * @param fixes   where fixes go, usually {@code engine::submit}; may block (backpressure)
     */
    public AisIngest(String source, Consumer<Fix> fixes, VesselRegistry registry, DeadLetterSink deadLetters,
                     Clock clock, FramerSettings settings) {
        this(source, fixes, registry, deadLetters, clock, settings, AisNotices.NONE);
    }

    /**
     * @param source  the input's name: the site of its fixes and the {@code <source>} of its dead letters
     * @param fixes   where fixes go, usually {@code engine::submit}; may block (backpressure)
     * @param notices where safety messages and weather reports go
     */
    public AisIngest(String source, Consumer<Fix> fixes, VesselRegistry registry, DeadLetterSink deadLetters,
                     Clock clock, FramerSettings settings, AisNotices notices) {
        this.notices = Objects.requireNonNull(notices, "notices");
        this.safety = new SafetyEvents(source);
        this.source = Objects.requireNonNull(source, "source");
        this.fixes = Objects.requireNonNull(fixes, "fixes");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.decoder = new AisDecoder(new Listener(), settings.withDefaultSource(source));
    }

    /**
     * One line of NMEA (a tag block, {@code $PGHP} and sentences all count as lines). At most once a
     * second it also dead-letters fragment groups that waited past their timeout, so that a live feed
     * reports orphaned fragments without a timer of its own.
     */
    public void accept(CharSequence line) {
        long now = clock.millis();
        decoder.accept(line, now);
        remember(line, now);
        if (now - lastExpireMillis >= EXPIRE_EVERY_MILLIS) {
            lastExpireMillis = now;
            decoder.expire(now);
        }
    }

    /** Several lines in one text, as one MQTT message on {@code AIS/<station>} may carry. */
    public void acceptLines(CharSequence text) {
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || text.charAt(i) == '\n') {
                if (i > start) {
                    accept(text.subSequence(start, i));
                }
                start = i + 1;
            }
        }
    }

    /** Dead-letters fragment groups that waited longer than the timeout, now; for inputs that went quiet. */
    public void expire() {
        decoder.expire(clock.millis());
    }

    /** At the end of the input: dead-letters every incomplete fragment group. */
    public void flush() {
        decoder.flush();
    }

    /** Nothing read waits for a later line; see {@link io.watchkeeper.ais.nmea.NmeaFramer#isAtBoundary()}. */
    public boolean isAtBoundary() {
        return decoder.isAtBoundary();
    }

    /**
     * Keeps the lines read since the decoder was last at a boundary: they are what it holds (a fragment,
     * a time for the next sentence), and feeding them again rebuilds exactly that. Bounded: an input
     * that never reaches a boundary keeps only its last lines.
     */
    private void remember(CharSequence line, long now) {
        if (decoder.isAtBoundary()) {
            sinceBoundary.clear();
            return;
        }
        if (sinceBoundary.size() == MAX_HELD_LINES) {
            sinceBoundary.remove(0);
            heldLinesDropped++;
        }
        sinceBoundary.add(new HeldLine(line.toString(), now));
    }

    /** A line the decoder still depends on, and when it was read. */
    public record HeldLine(String line, long readAtMillis) {
    }

    /** What the decoder holds, as the lines that built it; for a checkpoint. */
    public List<HeldLine> heldLines() {
        return List.copyOf(sinceBoundary);
    }

    /**
     * Rebuilds what the decoder held at a checkpoint by reading those lines again, silently: whatever
     * they completed then was handed on then, and is in the checkpoint already. Only on a fresh ingest.
     * They are read as of now: after a long downtime a held first fragment still waits its full
     * timeout for the rest, which the broker is about to resend.
     */
    public void restore(List<HeldLine> lines) {
        long now = clock.millis();
        replaying = true;
        try {
            for (HeldLine held : lines) {
                decoder.accept(held.line(), now);
                remember(held.line(), now);
            }
        } finally {
            replaying = false;
        }
    }

    /** Held lines that fell off the bound (see {@link #heldLines()}). */
    public long heldLinesDropped() {
        return heldLinesDropped;
    }

    public String source() {
        return source;
    }

    public AisIngestStats stats() {
        return new AisIngestStats(source, fixCount, positionNotAvailable, staticReports, safetyMessages, weatherReports,
                deadLetterCount,
                decoder.stats());
    }

    private Instant timeOf(AisPayload payload) {
        long millis = payload.receivedAtMillis();
        return millis == AisPayload.NO_TIME ? clock.instant() : Instant.ofEpochMilli(millis);
    }

    /** A safety message becomes an event, a weather report goes to the map; anything else is not a notice. */
    private void notice(AisMessage message, Instant time) {
        if (message instanceof SafetyMessage m) {
            Event event = safety.of(m, time, clock.instant());
            if (event != null) {
                safetyMessages++;
                notices.safety().accept(event);
            }
        } else {
            WeatherReports.of(message, source, time).ifPresent(r -> {
                weatherReports++;
                notices.weather().accept(r);
            });
        }
    }

    private void deadLetter(RejectReason reason, String detail, String raw) {
        deadLetterCount++;
        deadLetters.accept(new DeadLetter(source, reason, detail, raw, clock.instant()));
    }

    private final class Listener implements AisDecoderListener {

        @Override
        public void onMessage(AisMessage message, AisPayload payload) {
            if (replaying) {
                return;
            }
            Instant time = timeOf(payload);
            Optional<AisFixes.Position> position = AisFixes.position(message, source, time);
            if (position.isPresent()) {
                AisFixes.Position p = position.get();
                if (p instanceof AisFixes.At at) {
                    fixCount++;
                    fixes.accept(at.fix());
                } else if (p instanceof AisFixes.Impossible impossible) {
                    deadLetter(RejectReason.INVALID_VALUE, impossible.detail(), payload.raw());
                } else {
                    positionNotAvailable++;
                }
            }
            Optional<VesselInfo> info = AisFixes.info(message, time);
            if (info.isPresent()) {
                staticReports++;
                registry.merge(info.get());
            }
            notice(message, time);
        }

        @Override
        public void onRejected(RejectReason reason, String detail, String raw) {
            if (replaying) {
                return;
            }
            deadLetter(reason, detail, raw);
        }
    }
}
