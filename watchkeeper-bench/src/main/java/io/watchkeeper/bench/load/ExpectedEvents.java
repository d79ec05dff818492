package io.watchkeeper.bench.load;

import java.util.HashMap;
import java.util.Map;

/**
 * The original system's rule, written again from DESIGN.md §1 and on purpose independent of
 * {@code BoatDetector} and the state-machine library: a boat starts MOVING with a previous position of
 * (0, 0); a report whose x and y both equal the previous ones means RESTING, any other means MOVING; only
 * a change of state is an event. Not thread-safe.
 */
public final class ExpectedEvents {

    private static final class Boat {
        boolean resting;
        double x;
        double y;
    }

    private final Map<String, Boat> boats = new HashMap<>();
    private long events;

    /**
     * Feeds one report of {@code boatKey} (unique over all stations, e.g. {@code station/boat}).
     *
     * @return true if this report is an event (a change of state)
     */
    @SuppressWarnings("FloatingPointEquality") // exact equality is the original's documented rule
    public boolean report(String boatKey, double x, double y) {
        Boat b = boats.computeIfAbsent(boatKey, k -> new Boat());
        boolean resting = x == b.x && y == b.y;
        b.x = x;
        b.y = y;
        if (resting == b.resting) {
            return false;
        }
        b.resting = resting;
        events++;
        return true;
    }

    /** Whether the boat is RESTING now; a boat never seen is MOVING. */
    public boolean isResting(String boatKey) {
        Boat b = boats.get(boatKey);
        return b != null && b.resting;
    }

    /** Events so far. */
    public long events() {
        return events;
    }

    /** {@link #outcomes}: no event for this message. */
    public static final byte NONE = 0;
    /** {@link #outcomes}: this message makes its boat MOVING. */
    public static final byte TO_MOVING = 1;
    /** {@link #outcomes}: this message makes its boat RESTING. */
    public static final byte TO_RESTING = 2;

    /**
     * What each message of one station must cause, in publish order: {@link #NONE}, {@link #TO_MOVING} or
     * {@link #TO_RESTING}. Stations number their boats independently, so each station starts afresh.
     */
    public static byte[] outcomes(Burst.Station s) {
        ExpectedEvents calc = new ExpectedEvents();
        byte[] out = new byte[s.size()];
        for (int i = 0; i < s.size(); i++) {
            String key = s.id() + '/' + s.boat(i);
            if (calc.report(key, s.x(i), s.y(i))) {
                out[i] = calc.isResting(key) ? TO_RESTING : TO_MOVING;
            }
        }
        return out;
    }

    /** The events the whole burst must produce. */
    public static long of(Burst burst) {
        ExpectedEvents calc = new ExpectedEvents();
        for (Burst.Station s : burst.stations()) {
            for (int i = 0; i < s.size(); i++) {
                calc.report(s.id() + '/' + s.boat(i), s.x(i), s.y(i));
            }
        }
        return calc.events();
    }
}
