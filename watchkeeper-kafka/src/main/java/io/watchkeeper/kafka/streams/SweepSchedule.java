package io.watchkeeper.kafka.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * When each source's timers are due a sweep: the in-process engine's rule (a sweep once a source's
 * event time has moved {@code sweepEvery} past the last one), kept where all of a station's fixes pass,
 * the decoding stage. Each sweep becomes a mark sent to <em>every</em> detection partition, so a
 * partition fires its vessels' timers at the same event times as the in-process engine does, even one
 * whose own vessels went quiet; with partition-local stream time they would fire later, or never at the
 * end of a recording.
 */
final class SweepSchedule {

    /** Where a source stands: its latest event time, and the event time of its next sweep. */
    record Site(long watermarkMillis, long nextSweepMillis) {
    }

    private final long sweepEveryMillis;
    private final Map<String, Site> sites = new HashMap<>();

    SweepSchedule(long sweepEveryMillis) {
        if (sweepEveryMillis < 1) {
            throw new IllegalArgumentException("sweepEvery must be at least 1 ms, was " + sweepEveryMillis);
        }
        this.sweepEveryMillis = sweepEveryMillis;
    }

    /**
     * A fix of {@code site} at {@code millis} was decoded.
     *
     * @return the mark to sweep at, if this fix brought the source's next sweep
     */
    OptionalLong observe(String site, long millis) {
        Site s = sites.get(site);
        if (s == null) {
            sites.put(site, new Site(millis, saturatedAdd(millis, sweepEveryMillis)));
            return OptionalLong.empty();
        }
        long mark = Math.max(s.watermarkMillis(), millis);
        if (millis >= s.nextSweepMillis()) {
            sites.put(site, new Site(mark, saturatedAdd(mark, sweepEveryMillis)));
            return OptionalLong.of(mark);
        }
        if (mark != s.watermarkMillis()) {
            sites.put(site, new Site(mark, s.nextSweepMillis()));
        }
        return OptionalLong.empty();
    }

    /** Where {@code site} stands now, or null before its first fix. */
    Site site(String site) {
        return sites.get(site);
    }

    /** Puts back where a source stood (after a restart or a move to another instance). */
    void restore(String site, Site s) {
        sites.put(site, s);
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
