package io.watchkeeper.server.replay;

import io.watchkeeper.ais.csv.CsvRejection;
import io.watchkeeper.ais.csv.CsvTrackReader;
import io.watchkeeper.ais.csv.TrackListener;
import io.watchkeeper.ais.fix.AisIngest;
import io.watchkeeper.ais.fix.AisNotices;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.FileReplay;
import io.watchkeeper.ais.source.LineFiles;
import io.watchkeeper.ais.source.LineInput;
import io.watchkeeper.ais.source.ProgressBar;
import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.mqtt.wire.Decoded;
import io.watchkeeper.mqtt.wire.FixDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A recording read whole into memory, ready to replay in event-time order: NMEA (AIS, with tag
 * blocks or {@code $PGHP} times), CSV tracks (the layouts {@link CsvTrackReader} knows) or JSON lines
 * (the fix formats of {@code DATA/}). The format is told from the first non-blank line.
 *
 * <p>Fixes are sorted by event time (stably, so a vessel's own order is kept), because many track
 * files are sorted by vessel and pair detectors need all vessels' time to move together. Static data
 * goes to the registry as it is read, so the detectors know every ship type from the first fix.
 *
 * @param fixes   the accepted fixes, in event-time order
 * @param format  what the file held
 * @param notices events that need no detector, in event-time order: the AIS safety messages, each stamped as
 *                detected at its own time, as a replay stamps every event
 */
public record Recording(List<Fix> fixes, Format format, List<Event> notices) {

    public Recording {
        fixes = List.copyOf(fixes);
        notices = List.copyOf(notices);
    }

    /** Fixes alone, without notices. */
    public Recording(List<Fix> fixes, Format format) {
        this(fixes, format, List.of());
    }

    /** What a recording holds. */
    public enum Format { NMEA, CSV, JSON_LINES }

    /**
     * @param site        the site of its fixes (NMEA and CSV; JSON lines may name their own)
     * @param untimedAt   receive time for NMEA lines without one of their own, and the clock the recording
     *                    cannot be ahead of: a fix timed more than {@code maxAhead} after it is a dead letter
     *                    {@code from_future} (year 3000 is a unit mistake or a wrong clock, not a recording)
     * @throws IOException if the file cannot be read
     */
    public static Recording read(String pathOrDash, String site, VesselRegistry registry, DeadLetterSink deadLetters,
                                 FramerSettings settings, ProgressBar progress, Clock untimedAt, Duration maxAhead)
            throws IOException {
        Format format = sniff(pathOrDash);
        List<Fix> fixes = new ArrayList<>();
        List<Event> notices = new ArrayList<>();
        switch (format) {
            case NMEA -> {
                // A replay shows no map, so its weather reports are read and dropped.
                AisNotices toList = AisNotices.safetyOnly(e -> notices.add(stampedAtItsTime(e)));
                AisIngest ingest = new AisIngest(site, fixes::add, registry, deadLetters, untimedAt, settings,
                        toList);
                try (LineInput in = LineFiles.open(pathOrDash)) {
                    new FileReplay(untimedAt, progress).replay(in, (line, at) -> ingest.accept(line));
                }
                ingest.flush();
            }
            case CSV -> {
                try (LineInput in = LineFiles.open(pathOrDash)) {
                    new CsvTrackReader(site).read(in, csvListener(site, fixes, registry, deadLetters, untimedAt));
                }
            }
            case JSON_LINES -> readJsonLines(pathOrDash, site, fixes, deadLetters, untimedAt);
        }
        refuseTheFuture(fixes, untimedAt, maxAhead, deadLetters);
        fixes.sort(Comparator.comparing(Fix::time));
        notices.sort(Comparator.comparing(Event::time));
        return new Recording(fixes, format, notices);
    }

    /** {@code e} as detected at its own time, as the replay's record clock stamps the detectors' events. */
    private static Event stampedAtItsTime(Event e) {
        return new Event(e.eventId(), e.type(), e.site(), e.vessel(), e.machine(), e.from(), e.to(), e.time(), e.time(),
                e.cause(), e.details());
    }

    /**
     * A replay runs on its recording's own time, so the engine cannot judge a fix against the clock; here it
     * can. Left in, one fix from year 3000 would end every timer of the replay at once.
     */
    private static void refuseTheFuture(List<Fix> fixes, Clock clock, Duration maxAhead, DeadLetterSink deadLetters) {
        Instant now = clock.instant();
        Instant latest = now.plus(maxAhead);
        fixes.removeIf(fix -> {
            if (!fix.time().isAfter(latest)) {
                return false;
            }
            deadLetters.accept(new DeadLetter(fix.site(), RejectReason.FROM_FUTURE, "event time " + fix.time()
                    + " is more than " + maxAhead + " ahead of the clock (" + now + ")", fix.toString(), now));
            return true;
        });
    }

    static Format sniff(String pathOrDash) throws IOException {
        if (LineFiles.STDIN.equals(pathOrDash)) {
            return Format.NMEA; // stdin cannot be read twice; AIS is what pipes usually carry
        }
        try (LineInput in = LineFiles.open(Path.of(pathOrDash))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String t = line.strip();
                if (t.isEmpty() || t.charAt(0) == '#') {
                    continue; // comment lines head NMEA files (gpsd's samples); no CSV header starts with '#'
                }
                char c = t.charAt(0);
                if (c == '!' || c == '$' || c == '\\') {
                    return Format.NMEA;
                }
                return c == '{' ? Format.JSON_LINES : Format.CSV;
            }
        }
        throw new IOException(pathOrDash + ": the file is empty");
    }

    private static TrackListener csvListener(String site, List<Fix> fixes, VesselRegistry registry,
                                             DeadLetterSink deadLetters, Clock clock) {
        return new TrackListener() {
            @Override
            public void onFix(Fix fix) {
                fixes.add(fix);
            }

            @Override
            public void onRejected(CsvRejection r) {
                deadLetters.accept(new DeadLetter(site, r.reason(), "line " + r.lineNumber() + ": " + r.detail(),
                        r.rawLine(), clock.instant()));
            }

            @Override
            public void onVesselInfo(VesselInfo info) {
                registry.merge(info);
            }
        };
    }

    private static void readJsonLines(String path, String site, List<Fix> fixes, DeadLetterSink deadLetters,
                                      Clock clock) throws IOException {
        FixDecoder decoder = new FixDecoder();
        try (LineInput in = LineFiles.open(path)) {
            long n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                Decoded d = decoder.decodeRecorded(site, line.getBytes(StandardCharsets.UTF_8));
                if (d instanceof Decoded.Accepted a) {
                    fixes.add(a.fix());
                } else if (d instanceof Decoded.Rejected r) {
                    deadLetters.accept(new DeadLetter(site, r.reason(), "line " + n + ": " + r.detail(), line,
                            clock.instant()));
                }
            }
        }
    }

    /** A site name from a file name: {@code SolentAIS_2016.csv} → {@code SolentAIS_2016}. */
    public static String siteOf(String pathOrDash) {
        if (LineFiles.STDIN.equals(pathOrDash)) {
            return "stdin";
        }
        String name = Path.of(pathOrDash).getFileName().toString();
        int dot = name.indexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String clean = base.replaceAll("[^A-Za-z0-9_-]", "_");
        return clean.isEmpty() ? "replay" : clean;
    }

    /** The time span covered, for the summary. */
    public String span() {
        if (fixes.isEmpty()) {
            return "no fixes";
        }
        Instant first = fixes.get(0).time();
        Instant last = fixes.get(fixes.size() - 1).time();
        return first + " .. " + last;
    }
}
