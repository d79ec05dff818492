package io.watchkeeper.server.realdata;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.geo.Geo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The Danish Maritime Authority's drift rule, written again for the tests the way DMA's analyzer
 * applies it, independently of {@code DriftingDetector}: from {@code DriftAnalysis} of
 * {@code dma-ais/AisAbnormal} (commit 186e4cc) and the tracker it listens to,
 * {@code EventEmittingTrackerImpl} and {@code Track} of {@code dma-ais/AisLib}. Only the rule is
 * written again; the fixes are those the Watchkeeper AIS decoder gives.
 *
 * <p>How DMA decides, for one vessel:
 * <ul>
 *   <li>The track keeps the reports of the last 20 minutes ({@code MAX_AGE_POSITION_REPORTS_MINUTES},
 *       {@link Params#memory}); a report at a time already held is not added. After 30 minutes without one the track is dropped and
 *       starts again ({@code TRACK_STALE_MILLIS}).</li>
 *   <li>When a report comes 30 s or more after the previous one, reports are interpolated every 10 s in
 *       between (positions on the straight line, SOG, COG and heading of the new report), each analysed
 *       as it is added.</li>
 *   <li>A real report is analysed only if its position differs from the previous report's; one without
 *       SOG, COG or heading is not analysed at all.</li>
 *   <li>A report is drifting when its SOG is in [sog.min, sog.max] and its COG differs by more than
 *       cogdeviation from the heading and from the reversed heading.</li>
 *   <li>On a drifting report the event is raised (or maintained) when the track spans more than the
 *       period, every report of the last period is drifting, and the latest unbroken run of drifting
 *       reports has moved more than the distance from its first report to this one (DMA: rhumb line;
 *       here great circle, the same to a few centimetres at 500 m). On a report that is not drifting,
 *       a raised event is lowered. A report without a heading counts as not drifting in the window
 *       (DMA would read heading 511 as 151°); the recordings here have none.</li>
 * </ul>
 * DMA also analyses only some vessels (not Class B, known type and length, at least 50 m, and cargo,
 * tanker, passenger or 75 m and longer); the recordings used here are of such vessels, so that filter
 * is left out.
 */
final class DmaDriftReference {

    /**
     * DMA's {@code analysis.drift.*} configuration, and how long the track remembers reports.
     *
     * @param memory DMA's tracker keeps 20 minutes of reports, so a drift slower than 500 m in 20 minutes
     *               (0.8 kn) never passes its distance test; a longer memory measures the whole run
     */
    record Params(double sogMin, double sogMax, double cogDeviation, Duration period, double distanceMetres,
                  Duration memory) {

        /** The analyzer's defaults, which its own tests also set. */
        static final Params DMA = new Params(1.0, 5.0, 45.0, Duration.ofMinutes(10), 500.0, Duration.ofMinutes(20));

        Params withSogMin(double knots) {
            return new Params(knots, sogMax, cogDeviation, period, distanceMetres, memory);
        }

        Params withMemory(Duration length) {
            return new Params(sogMin, sogMax, cogDeviation, period, distanceMetres, length);
        }
    }

    /**
     * What the analyzer did.
     *
     * @param sustained every report on which it raised or maintained the event, in order
     * @param raised    the reports that raised it (the first sustained report after none or a lowering)
     * @param lowered   the reports that lowered it
     */
    record Outcome(List<Instant> sustained, List<Instant> raised, List<Instant> lowered) {
    }

    private record Report(long millis, double lat, double lon, double sog, double cog, double heading) {
    }

    private static final long STALE_MILLIS = Duration.ofMinutes(30).toMillis();
    private static final long INTERPOLATE_AFTER_MILLIS = 30_000;
    private static final long INTERPOLATION_STEP_MILLIS = 10_000;

    private final Params params;
    private final Deque<Report> track = new ArrayDeque<>();
    private final List<Instant> sustained = new ArrayList<>();
    private final List<Instant> raised = new ArrayList<>();
    private final List<Instant> lowered = new ArrayList<>();
    private boolean up;

    private DmaDriftReference(Params params) {
        this.params = params;
    }

    /** Runs the rule over one vessel's fixes, in time order. */
    static Outcome run(List<Fix> fixes, Params params) {
        DmaDriftReference dma = new DmaDriftReference(params);
        for (Fix fix : fixes) {
            if (Geo.isValid(fix.lat(), fix.lon())) {
                dma.report(fix);
            }
        }
        return new Outcome(List.copyOf(dma.sustained), List.copyOf(dma.raised), List.copyOf(dma.lowered));
    }

    private void report(Fix fix) {
        long t = fix.time().toEpochMilli();
        Report last = track.peekLast();
        if (last != null && t - last.millis() >= STALE_MILLIS) {
            track.clear();
            up = false;
            last = null;
        }
        if (last != null && t - last.millis() >= INTERPOLATE_AFTER_MILLIS) {
            for (long k = last.millis() + INTERPOLATION_STEP_MILLIS; k < t; k += INTERPOLATION_STEP_MILLIS) {
                double f = (double) (k - last.millis()) / (t - last.millis());
                add(new Report(k, last.lat() + (fix.lat() - last.lat()) * f, last.lon() + (fix.lon() - last.lon()) * f,
                        fix.sogKnots(), fix.cogDegrees(), fix.headingDegrees()));
                analyse();
            }
        }
        Report before = track.peekLast();
        add(new Report(t, fix.lat(), fix.lon(), fix.sogKnots(), fix.cogDegrees(), fix.headingDegrees()));
        if (before == null || before.lat() != fix.lat() || before.lon() != fix.lon()) {
            analyse();
        }
    }

    /** Fixes come in time order, so a report at a time already held can only be the last one's. */
    private void add(Report r) {
        Report last = track.peekLast();
        if (last != null && last.millis() >= r.millis()) {
            return;
        }
        track.addLast(r);
        while (track.peekFirst().millis() < r.millis() - params.memory().toMillis()) {
            track.removeFirst();
        }
    }

    private void analyse() {
        Report newest = track.getLast();
        if (Double.isNaN(newest.sog()) || Double.isNaN(newest.cog()) || Double.isNaN(newest.heading())) {
            return;
        }
        if (drifting(newest)) {
            if (isSustained(newest)) {
                Instant at = Instant.ofEpochMilli(newest.millis());
                sustained.add(at);
                if (!up) {
                    raised.add(at);
                    up = true;
                }
            }
        } else if (up) {
            lowered.add(Instant.ofEpochMilli(newest.millis()));
            up = false;
        }
    }

    private boolean isSustained(Report newest) {
        long period = params.period().toMillis();
        if (newest.millis() - track.getFirst().millis() <= period) {
            return false;
        }
        Report runStart = newest;
        boolean inRun = true;
        for (Iterator<Report> it = track.descendingIterator(); it.hasNext(); ) {
            Report r = it.next();
            boolean drifting = drifting(r);
            if (r.millis() >= newest.millis() - period && !drifting) {
                return false;
            }
            inRun &= drifting;
            if (inRun) {
                runStart = r;
            }
        }
        return Geo.haversineMetres(runStart.lat(), runStart.lon(), newest.lat(), newest.lon())
                > params.distanceMetres();
    }

    private boolean drifting(Report r) {
        return r.sog() >= params.sogMin() && r.sog() <= params.sogMax()
                && Geo.angleBetween(r.cog(), r.heading()) > params.cogDeviation()
                && Geo.angleBetween(r.cog() + 180.0, r.heading()) > params.cogDeviation();
    }
}
