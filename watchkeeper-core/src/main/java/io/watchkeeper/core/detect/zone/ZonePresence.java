package io.watchkeeper.core.detect.zone;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.zone.Zone;
import java.io.IOException;
import java.util.Arrays;

/**
 * Per-vessel state of the {@link ZoneDetector}: the zones the vessel is in and when it entered each.
 *
 * <p>The arrays are never modified after construction (a change builds a new state), and the zones are
 * the zone set's own instances, so a vessel in two zones costs two references and two longs. A
 * checkpoint should write zone ids and resolve them against the zone set on restore.
 *
 * @param zones           the zones the vessel is in, in the order it entered them
 * @param enteredAtMillis parallel to {@code zones}: event time of each ZONE_ENTER
 * @param changedAtMillis event time of the last change of this state ({@link Long#MIN_VALUE} before
 *                        the first geographic fix); older fixes are ignored, so that a late fix never
 *                        gives a negative duration
 */
public record ZonePresence(Zone[] zones, long[] enteredAtMillis, long changedAtMillis) {

    private static final Zone[] NO_ZONES = new Zone[0];
    private static final long[] NO_TIMES = new long[0];

    /** A vessel never seen. */
    public static final ZonePresence INITIAL = new ZonePresence(NO_ZONES, NO_TIMES, Long.MIN_VALUE);

    public ZonePresence {
        java.util.Objects.requireNonNull(zones, "zones");
        java.util.Objects.requireNonNull(enteredAtMillis, "enteredAtMillis");
        if (zones.length != enteredAtMillis.length) {
            throw new IllegalArgumentException("zones and enteredAtMillis differ in length: " + zones.length
                    + " and " + enteredAtMillis.length);
        }
    }

    /** True before the vessel's first geographic fix. */
    public boolean neverSeen() {
        return changedAtMillis == Long.MIN_VALUE;
    }

    public int size() {
        return zones.length;
    }

    /** Index of the zone with this id, or -1. */
    public int indexOf(String zoneId) {
        for (int i = 0; i < zones.length; i++) {
            if (zones[i].id().equals(zoneId)) {
                return i;
            }
        }
        return -1;
    }

    /** Ids of the zones the vessel is in, in entry order (for tests and the REST API). */
    public String[] zoneIds() {
        String[] ids = new String[zones.length];
        for (int i = 0; i < zones.length; i++) {
            ids[i] = zones[i].id();
        }
        return ids;
    }

    /** The same zones, seen again at {@code millis} (only used to mark the first fix). */
    ZonePresence seenAt(long millis) {
        return new ZonePresence(zones.length == 0 ? NO_ZONES : zones, enteredAtMillis, millis);
    }

    static ZonePresence of(Zone[] zones, long[] enteredAtMillis, long changedAtMillis) {
        return zones.length == 0 ? new ZonePresence(NO_ZONES, NO_TIMES, changedAtMillis)
                : new ZonePresence(zones, enteredAtMillis, changedAtMillis);
    }

    /**
     * Checkpoint form: the last change (about 6 bytes), the number of zones, and per zone its id and its
     * entry time relative to the last change: 7 bytes, plus per zone its id's length and about 5. Zones go
     * by id, never geometry (see {@link StateOut#writeZone}).
     */
    static void write(ZonePresence p, StateOut out) throws IOException {
        out.writeTimeMillis(p.changedAtMillis, Long.MIN_VALUE);
        out.writeVarInt(p.zones.length);
        for (int i = 0; i < p.zones.length; i++) {
            out.writeShortString(p.zones[i].id());
            out.writeTimeMillis(p.enteredAtMillis[i], p.changedAtMillis);
        }
    }

    /**
     * Reads what {@link #write} wrote, resolving zones against the zones loaded now. A zone that no
     * longer exists is dropped, as if the vessel had never been in it: no ZONE_EXIT will come for it
     * (there is nothing to exit). If the limit per vessel shrank, the zones entered first are kept.
     */
    static ZonePresence read(StateIn in, int maxZones) throws IOException {
        long changed = in.readTimeMillis(Long.MIN_VALUE);
        int n = in.readCount(ZoneSettings.MAX_ZONES_LIMIT);
        Zone[] zones = new Zone[n];
        long[] times = new long[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            String id = in.readRequiredString();
            long entered = in.readTimeMillis(changed);
            Zone zone = in.zone(id);
            if (zone != null && kept < maxZones) {
                zones[kept] = zone;
                times[kept++] = entered;
            }
        }
        if (kept == 0 && changed == Long.MIN_VALUE) {
            return INITIAL;
        }
        return of(Arrays.copyOf(zones, kept), Arrays.copyOf(times, kept), changed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZonePresence other
                && changedAtMillis == other.changedAtMillis
                && Arrays.equals(zoneIds(), other.zoneIds())
                && Arrays.equals(enteredAtMillis, other.enteredAtMillis);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(zoneIds()) + Arrays.hashCode(enteredAtMillis) + Long.hashCode(changedAtMillis);
    }

    @Override
    public String toString() {
        return "ZonePresence[zones=" + Arrays.toString(zoneIds()) + ", enteredAtMillis="
                + Arrays.toString(enteredAtMillis) + ", changedAtMillis=" + changedAtMillis + "]";
    }
}
