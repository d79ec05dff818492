package io.watchkeeper.core.detect.pair;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.testing.RealTracks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The collision-risk warning on 85 minutes of real harbour traffic (Portsmouth and the eastern Solent,
 * 91 vessels), with the default settings and no zones, so the sea limits apply everywhere. What the
 * ships actually did is measured here from their positions alone, interpolated between fixes, without
 * the detector: the close passes it must have warned of, and whether its warnings came true.
 */
class CpaSolentTest {

    private static final long MINUTE = 60_000;
    private static final CpaSettings S = CpaSettings.DEFAULTS;
    private static final Map<String, List<Fix>> TRACKS = new TreeMap<>();
    private static final List<Event> EVENTS = new ArrayList<>();
    private static long endMillis;

    @BeforeAll
    static void replay() {
        RealTracks.Data solent = RealTracks.solent();
        CpaDetector detector = new CpaDetector();
        for (Fix f : solent.fixes()) {
            if (!Geo.isValid(f.lat(), f.lon()) || Math.abs(f.lon()) > 10) {
                continue; // the recording's one position off in the Indian Ocean
            }
            TRACKS.computeIfAbsent(f.vessel().key(), k -> new ArrayList<>()).add(f);
            PairHarness.Ctx ctx = new PairHarness.Ctx(f.time(), List.of(), Map.of());
            detector.accept(f, ctx, EVENTS::add);
            detector.advanceTo(f.time().toEpochMilli(), ctx, EVENTS::add);
            endMillis = f.time().toEpochMilli();
        }
    }

    /** A vessel's position at {@code t}, between two fixes at most a minute apart; null elsewhere. */
    private static double[] at(List<Fix> track, long t) {
        int lo = 0;
        int hi = track.size() - 1;
        if (t < millis(track.get(lo)) || t > millis(track.get(hi))) {
            return null;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (millis(track.get(mid)) <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Fix p = track.get(lo);
        Fix q = track.get(hi);
        long span = millis(q) - millis(p);
        if (span > MINUTE) {
            return null;
        }
        double f = span == 0 ? 0 : (t - millis(p)) / (double) span;
        return new double[] {p.lat() + f * (q.lat() - p.lat()), p.lon() + f * (q.lon() - p.lon())};
    }

    private static long millis(Fix f) {
        return f.time().toEpochMilli();
    }

    private static double distance(String a, String b, long t) {
        double[] pa = at(TRACKS.get(a), t);
        double[] pb = at(TRACKS.get(b), t);
        return pa == null || pb == null ? Double.NaN : Geo.haversineMetres(pa[0], pa[1], pb[0], pb[1]);
    }

    /** The closest the two came between {@code from} and {@code to}, at the fix times of either: {distance, time}. */
    private static double[] closest(String a, String b, long from, long to) {
        double[] best = {Double.POSITIVE_INFINITY, -1};
        for (String v : List.of(a, b)) {
            for (Fix f : TRACKS.get(v)) {
                long t = millis(f);
                double d = t >= from && t <= to ? distance(a, b, t) : Double.NaN;
                if (d < best[0]) {
                    best[0] = d;
                    best[1] = t;
                }
            }
        }
        return best;
    }

    private static List<Fix> fixesBetween(String v, long from, long to) {
        return TRACKS.get(v).stream().filter(f -> millis(f) >= from && millis(f) <= to).toList();
    }

    private static boolean underWayThroughout(String v, long from, long to) {
        return fixesBetween(v, from, to).stream()
                .allMatch(f -> f.sogKnots() >= S.minSpeedKnots() && !Double.isNaN(f.cogDegrees()));
    }

    private static List<Event> warnings(String a, String b) {
        return EVENTS.stream().filter(e -> e.type().equals(CpaDetector.WARNING) && e.vessel().key().equals(a)
                && b.equals(e.details().get("otherVessel"))).toList();
    }

    /**
     * A real close pass: the two came within 150 m, both under way (every fix at least 2 kn with a course)
     * through the 2 minutes before, and closing: at least 300 m farther apart 2 minutes before. (Pairs
     * that sailed in company or had only just got under way are not passes a warning could foresee.)
     * Each was warned of before the closest point, at most 12 minutes (the horizon) before it.
     */
    @Test
    void everyRealClosePassOfShipsUnderWayWasWarnedOfBeforeTheClosestPoint() {
        int passes = 0;
        List<String> missed = new ArrayList<>();
        List<String> ids = new ArrayList<>(TRACKS.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i);
                String b = ids.get(j);
                double[] c = closest(a, b, Long.MIN_VALUE, Long.MAX_VALUE);
                long t = (long) c[1];
                if (!(c[0] < 150) || !underWayThroughout(a, t - 2 * MINUTE, t)
                        || !underWayThroughout(b, t - 2 * MINUTE, t) || !(distance(a, b, t - 2 * MINUTE) >= c[0] + 300)) {
                    continue;
                }
                passes++;
                boolean warned = warnings(a, b).stream()
                        .anyMatch(e -> millis(e) < t && millis(e) >= t - S.tcpaHorizon().toMillis());
                if (!warned) {
                    missed.add(a + "/" + b + " " + Math.round(c[0]) + " m");
                }
            }
        }
        System.out.printf("cpa on the Solent: %d real close passes, %d missed%n", passes, missed.size());
        assertThat(passes).as("close passes in the recording").isGreaterThanOrEqualTo(5);
        assertThat(missed).as("close passes without a warning before them").isEmpty();
    }

    private static long millis(Event e) {
        return e.time().toEpochMilli();
    }

    /**
     * A warning is a prediction that holds if neither ship alters course or speed. For each warning
     * after which both kept their course (every fix within 10 degrees) and speed (within 1.5 kn) up to
     * the predicted closest point (and whose tracks the recording shows, fixes at most a minute apart), the pair did come within the clearing distance (0.6 nm) by then, and
     * So no warning of two ships that held their course
     * and stayed clear of each other.
     */
    @Test
    void warningsOfShipsThatHeldTheirCourseCameTrue() {
        int held = 0;
        List<String> wrong = new ArrayList<>();
        for (Event w : EVENTS) {
            if (!w.type().equals(CpaDetector.WARNING)) {
                continue;
            }
            String a = w.vessel().key();
            String b = (String) w.details().get("otherVessel");
            if (a.compareTo(b) > 0) {
                continue; // each pair once
            }
            long t = millis(w);
            long closestAt = t + 1000 * (Long) w.details().get("tcpaSeconds");
            if (closestAt + MINUTE > endMillis || !keptCourse(a, t, closestAt) || !keptCourse(b, t, closestAt)) {
                continue;
            }
            double[] c = closest(a, b, t, closestAt + MINUTE);
            if (Double.isInfinite(c[0])) {
                continue; // a track with gaps over a minute: what happened cannot be measured
            }
            held++;
            if (!(c[0] <= S.clearCpaMetres())) {
                wrong.add(a + "/" + b + " at " + w.time() + ": predicted " + w.details().get("cpaMetres")
                        + " m, came within " + Math.round(c[0]) + " m");
            }
        }
        System.out.printf("cpa on the Solent: %d warnings of ships that held their course, %d did not come true%n",
                held, wrong.size());
        assertThat(held).as("warnings after which both ships held their course").isGreaterThanOrEqualTo(10);
        assertThat(wrong).isEmpty();
    }

    /** Course within 10 degrees and speed within 1.5 kn of the last fix at or before {@code from}, up to {@code to}. */
    private static boolean keptCourse(String v, long from, long to) {
        Fix start = null;
        for (Fix f : TRACKS.get(v)) {
            if (millis(f) <= from) {
                start = f;
            }
        }
        if (start == null || Double.isNaN(start.cogDegrees())) {
            return false;
        }
        for (Fix f : fixesBetween(v, from, to)) {
            if (Double.isNaN(f.cogDegrees()) || Geo.angleBetween(f.cogDegrees(), start.cogDegrees()) > 10
                    || Math.abs(f.sogKnots() - start.sogKnots()) > 1.5) {
                return false;
            }
        }
        return true;
    }

    /** One warning and at most one clear per pair episode: never two warnings of one pair without a clear between. */
    @Test
    void warningsAndClearsAlternatePerPair() {
        Map<String, String> last = new HashMap<>();
        for (Event e : EVENTS) {
            String key = e.vessel().key() + "/" + e.details().get("otherVessel");
            String before = last.put(key, e.type());
            if (e.type().equals(CpaDetector.WARNING)) {
                assertThat(before).as("event before a warning of %s at %s", key, e.time()).isNotEqualTo(CpaDetector.WARNING);
            } else {
                assertThat(before).as("event before a clear of %s at %s", key, e.time()).isEqualTo(CpaDetector.WARNING);
            }
        }
        System.out.printf("cpa on the Solent: %d warnings, %d clears (each counted once per vessel)%n",
                EVENTS.stream().filter(e -> e.type().equals(CpaDetector.WARNING)).count(),
                EVENTS.stream().filter(e -> e.type().equals(CpaDetector.CLEAR)).count());
    }
}
