package io.watchkeeper.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.ais.fix.AisIngestStats;
import io.watchkeeper.ais.nmea.FramerStats;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Issue D §5: hostile and broken input through the detect role's real input path ({@link Pipeline}).
 * No fixed seed: every run explores new inputs, and each property holds for every input. Tries add up to
 * over 100,000 cases per run (most tries carry several payloads). After every try: no exception escaped,
 * no detector threw, every refusal has a reason, and {@code watchkeeper_dead_letters_total{reason}}
 * equals the dead-letter counter.
 */
class HostileInputProperties {

    private static final List<String> NMEA = Stream.of("gpsd-ais/sample.aivdm.sentences",
                    "pyais/nmea_data_sample.txt", "pyais/mixed.txt", "pyais/timestamped.ais",
                    "pyais/examples_gatehouse.nmea", "pyais/messages.ais")
            .flatMap(HostileInputProperties::lines).toList();

    private static Stream<String> lines(String file) {
        try {
            return Files.readAllLines(TestData.file(file), StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> !l.isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ 1. random bytes

    @Property(tries = 20_000)
    void randomBytesOnDataAreOneFixOrOneDeadLetter(@ForAll @Size(max = 400) byte[] payload) {
        Pipeline p = new Pipeline();
        p.data(payload);
        assertThat(p.dataAccepted() + p.dataRejected()).isEqualTo(1);
        assertThat(p.sourceLetters).hasSize((int) p.dataRejected());
        assertThat(p.fixes).hasSize((int) p.dataAccepted());
        p.checkInvariants();
    }

    /** Random text made of JSON's own characters gets much further into the parser than random bytes. */
    @Property(tries = 15_000)
    void jsonLikeTextOnDataIsOneFixOrOneDeadLetter(@ForAll("jsonLike") String text) {
        Pipeline p = new Pipeline();
        p.data(text.getBytes(StandardCharsets.UTF_8));
        assertThat(p.dataAccepted() + p.dataRejected()).isEqualTo(1);
        assertThat(p.sourceLetters).hasSize((int) p.dataRejected());
        p.checkInvariants();
    }

    @Provide
    Arbitrary<String> jsonLike() {
        Arbitrary<String> token = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\"vessel\"", "\"boat_id\"",
                "\"position\"", "\"ts\"", "\"lat\"", "\"lon\"", "\"x\"", "\"y\"", "\"sog\"", "\"status\"", "\"port_id\"",
                "1", "-0.5", "1e400", "1700000000000", "null", "true", "\"a\"", "\\u0000", " ", "\"2026-06-01T12:00:00Z\"");
        return token.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 10_000)
    void randomBytesOnAisAreEachDecodedOrCounted(@ForAll @Size(max = 5) List<@Size(max = 200) byte[]> messages) {
        Pipeline p = new Pipeline();
        for (byte[] m : messages) {
            p.ais(m);
        }
        p.checkInvariants();
    }

    // ------------------------------------------------------------------ 2. hostile JSON

    @Property(tries = 30_000)
    void hostileJsonIsRefusedWithItsReasonAndValidJsonIsAccepted(
            @ForAll("jsonCases") @Size(min = 1, max = 6) List<HostileJson.Case> cases) {
        Pipeline p = new Pipeline();
        for (HostileJson.Case c : cases) {
            int fixes = p.fixes.size();
            int refused = p.sourceLetters.size();
            int late = p.engineLetters.size();
            p.data(c.payload());
            switch (c.outcome()) {
                case ACCEPTED -> {
                    assertThat(p.sourceLetters).as("%s", c).hasSize(refused);
                    assertThat(p.fixes).as("%s", c).hasSize(fixes + 1);
                    assertThat(p.engineLetters).as("%s", c).hasSize(late);
                }
                case ACCEPTED_THEN_TOO_FAR_AHEAD -> {
                    assertThat(p.sourceLetters).as("%s", c).hasSize(refused);
                    assertThat(p.fixes).as("%s", c).hasSize(fixes + 1);
                    assertThat(p.engineLetters).as("%s", c).hasSize(late + 1);
                    assertThat(p.engineLetters.get(late).reason()).as("%s", c).isEqualTo(RejectReason.FROM_FUTURE);
                }
                case REJECTED -> {
                    assertThat(p.fixes).as("%s", c).hasSize(fixes);
                    assertThat(p.sourceLetters).as("%s", c).hasSize(refused + 1);
                    assertThat(p.sourceLetters.get(refused).reason()).as("%s: %s", c, p.sourceLetters.get(refused))
                            .isIn(c.reasons());
                }
            }
        }
        p.checkInvariants();
    }

    @Provide
    Arbitrary<List<HostileJson.Case>> jsonCases() {
        return HostileJson.cases().list().ofMinSize(1).ofMaxSize(6);
    }

    // ------------------------------------------------------------------ 3. mutated NMEA

    @Property(tries = 15_000)
    void mutatedNmeaIsDecodedOrCountedLineByLine(@ForAll("mutatedNmea") List<String> lines) {
        Pipeline p = new Pipeline();
        p.ais(String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
        AisIngestStats stats = p.aisStats();
        FramerStats framer = stats.decoder().framer();
        // As AisIngest.acceptLines splits: at '\n' only, skipping empty lines.
        long fed = java.util.Arrays.stream(String.join("\n", lines).split("\n")).filter(l -> !l.isEmpty()).count();
        // The framer splits a sentence joined onto another's checksum ("...*4A!AIVDM...") into two lines.
        assertThat(framer.lines()).as("%s", lines).isGreaterThanOrEqualTo(fed);
        assertThat(framer.balanced()).as("%s", framer).isTrue();
        assertThat(stats.fixes()).isEqualTo(p.fixes.size());
        p.checkInvariants();
    }

    @Provide
    Arbitrary<List<String>> mutatedNmea() {
        return mutatedLine().list().ofMinSize(1).ofMaxSize(8);
    }

    static Arbitrary<String> mutatedLine() {
        Arbitrary<Character> anyChar = Arbitraries.oneOf(Arbitraries.chars().range(' ', '~'),
                Arbitraries.of('!', '$', '\\', '*', ',', '\r', '\t', '\u0000', '\u00ff', '\u0080'));
        Arbitrary<Mutation> mutation = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 999), anyChar).as(Mutation.Flip::new),
                Combinators.combine(Arbitraries.integers().between(0, 999), anyChar).as(Mutation.Insert::new),
                Arbitraries.integers().between(0, 999).map(Mutation.Delete::new),
                Arbitraries.integers().between(0, 999).map(Mutation.Truncate::new));
        return Combinators.combine(Arbitraries.of(NMEA), mutation.list().ofMaxSize(4)).as((line, ms) -> {
            String out = line;
            for (Mutation m : ms) {
                out = m.apply(out);
            }
            return out;
        });
    }

    /** One edit of a line; the position is taken modulo the line's length. */
    sealed interface Mutation {
        String apply(String s);

        record Flip(int at, char c) implements Mutation {
            public String apply(String s) {
                int i = s.isEmpty() ? 0 : at % s.length();
                return s.isEmpty() ? String.valueOf(c) : s.substring(0, i) + c + s.substring(i + 1);
            }
        }

        record Insert(int at, char c) implements Mutation {
            public String apply(String s) {
                int i = at % (s.length() + 1);
                return s.substring(0, i) + c + s.substring(i);
            }
        }

        record Delete(int at) implements Mutation {
            public String apply(String s) {
                int i = s.isEmpty() ? 0 : at % s.length();
                return s.isEmpty() ? s : s.substring(0, i) + s.substring(i + 1);
            }
        }

        record Truncate(int at) implements Mutation {
            public String apply(String s) {
                return s.substring(0, at % (s.length() + 1));
            }
        }
    }

    // ------------------------------------------------------------------ 4. valid traffic alongside

    private static final VesselId TRACK = VesselId.of("TRACK");
    private static final Set<String> PER_VESSEL = Pipeline.SUITE.detectors().stream().map(Detector::name)
            .collect(Collectors.toSet());

    /** A vessel under way at 10 kn for 25 minutes, then stopped for 25: fixes on {@code DATA/track}. */
    private static List<byte[]> track() {
        List<byte[]> out = new ArrayList<>();
        long start = Pipeline.NOW.toEpochMilli() - 50 * 60_000L;
        double lat = 54.0;
        for (int i = 0; i < 50; i++) {
            boolean moving = i < 25;
            if (moving) {
                lat += 10.0 / 60 / 60; // 10 kn for one minute, in degrees of latitude
            }
            String json = String.format(java.util.Locale.ROOT,
                    "{\"vessel\":\"TRACK\",\"ts\":%d,\"lat\":%.6f,\"lon\":10.0,\"sog\":%.1f,\"cog\":0,\"status\":%d}",
                    start + i * 60_000L, lat, moving ? 10.0 : 0.0, moving ? 0 : 5);
            out.add(json.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static final List<Event> ALONE = trackEvents(alone());

    private static Pipeline alone() {
        Pipeline p = new Pipeline();
        track().forEach(fix -> p.data("track", fix));
        return p;
    }

    private static List<Event> trackEvents(Pipeline p) {
        return p.events.stream().filter(e -> e.vessel().equals(TRACK) && PER_VESSEL.contains(e.machine())).toList();
    }

    @Property(tries = 1_000)
    void validTrafficAlongsideIsUnaffected(@ForAll("hostileMix") List<Hostile> hostile) {
        assertThat(ALONE).as("the track alone gives events").isNotEmpty();
        Pipeline p = new Pipeline();
        List<byte[]> track = track();
        for (int i = 0; i < track.size(); i++) {
            p.data("track", track.get(i));
            hostile.get(i).feed(p);
        }
        assertThat(trackEvents(p)).isEqualTo(ALONE);
        p.checkInvariants();
    }

    /**
     * One fix of the tracked vessel, from another station, dated minutes to an hour ahead (a receiver with a wrong
     * clock, or a forgery): it must not mute the vessel's real fixes, which are older and would be counted out
     * of order. Up to the hour it was accepted, and the rest of the track gave no events.
     */
    @Property(tries = 200)
    void aFixFromTheFutureDoesNotMuteTheRealOnes(@ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 49) int at,
                                                 @ForAll @net.jqwik.api.constraints.LongRange(min = 5 * 60 + 1, max = 3600)
                                                 long aheadSeconds) {
        Pipeline p = new Pipeline();
        List<byte[]> track = track();
        for (int i = 0; i < track.size(); i++) {
            p.data("track", track.get(i));
            if (i == at) {
                long ms = Pipeline.NOW.toEpochMilli() + aheadSeconds * 1000;
                p.data("elsewhere", String.format(java.util.Locale.ROOT,
                        "{\"vessel\":\"TRACK\",\"ts\":%d,\"lat\":54.5,\"lon\":10.0,\"sog\":0,\"status\":5}", ms)
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(p.outOfOrder()).as("real fixes muted as out of order").isZero();
        assertThat(trackEvents(p)).isEqualTo(ALONE);
        assertThat(p.engineLetters).singleElement().satisfies(d -> assertThat(d.reason()).isEqualTo(RejectReason.FROM_FUTURE));
        p.checkInvariants();
    }

    /** One hostile message: JSON on {@code DATA/hostile}, or bytes or mutated NMEA on {@code AIS/hostile-ais}. */
    record Hostile(boolean ais, byte[] payload) {
        void feed(Pipeline p) {
            if (ais) {
                p.ais(payload);
            } else {
                p.data(payload);
            }
        }
    }

    @Provide
    Arbitrary<List<Hostile>> hostileMix() {
        return hostile().list().ofSize(50);
    }

    static Arbitrary<Hostile> hostile() {
        return Arbitraries.oneOf(
                HostileJson.cases().map(c -> new Hostile(false, c.payload())),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(b -> new Hostile(false, b)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(b -> new Hostile(true, b)),
                mutatedLine().map(l -> new Hostile(true, l.getBytes(StandardCharsets.ISO_8859_1))));
    }

    // ------------------------------------------------------------------ 5. the metric agrees with the counter

    /** Every kind of hostile input at once; {@link Pipeline#checkInvariants} compares metric and counter per reason. */
    @Property(tries = 10_000)
    void deadLetterMetricEqualsTheCounterPerReason(@ForAll("mixed") List<Hostile> hostile) {
        Pipeline p = new Pipeline();
        hostile.forEach(h -> h.feed(p));
        p.checkInvariants();
    }

    @Provide
    Arbitrary<List<Hostile>> mixed() {
        return hostile().list().ofMaxSize(10);
    }
}
