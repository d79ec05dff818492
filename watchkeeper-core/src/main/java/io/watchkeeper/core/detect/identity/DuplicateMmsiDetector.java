package io.watchkeeper.core.detect.identity;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.fsm.Timer;
import io.watchkeeper.core.geo.Geo;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * One MMSI in two places at once ({@value #DUPLICATE_MMSI}): its fixes alternate between two tracks
 * further apart than one vessel could travel between them. Two transmitters share the MMSI (a copied
 * or default MMSI, or one of them spoofing the other), as Global Fishing Watch finds when a vessel's
 * track segments overlap in time (treniformis, {@code SPOOFING_MMSI}).
 *
 * <p>Each fix that the vessel could not have reached from the previous one ({@link PositionJumpDetector}'s
 * test, with the ship limit) is a jump. The machine keeps where the vessel was before the last jump: the
 * other track. A jump that lands back within reach of the other track is a switch between tracks; a
 * jump anywhere else starts the count again. {@link Settings#minSwitches} switches within
 * {@link Settings#window} publish: with the default 3, the second track must be seen twice, consistent
 * with itself, with a return to the first in between. A single bad fix (out and back: two switches) or
 * a vessel that jumps once and goes on from there is a {@code POSITION_JUMP} only.
 *
 * <p>States {@code single} and {@code duplicate}; {@code duplicate} returns to {@code single} silently
 * once the other track has not been heard for {@link Settings#window}, so a later episode is reported
 * again.
 *
 * <p>What it can see: the engine keys an AIS vessel by its MMSI alone, whatever station heard it, so
 * two transmitters heard by different stations are one vessel here. The engine drops a fix older than
 * the vessel's last one, and one at the same time and position: two transmitters whose reports arrive
 * out of order lose some fixes to that, but every fix that arrives in time order is seen. A duplicate
 * whose two tracks are within reach of each other (two ships in the same port) cannot be told from one
 * ship, and with more than two transmitters only two tracks are followed.
 */
public final class DuplicateMmsiDetector extends Machine<DuplicateMmsiDetector.Tracks, DuplicateMmsiDetector.Tracks> {

    public static final String NAME = "duplicate-mmsi";
    public static final String DUPLICATE_MMSI = "DUPLICATE_MMSI";

    private static final String SINGLE = "single";
    private static final String DUPLICATE = "duplicate";

    /**
     * Thresholds.
     *
     * @param maxKnots          a move faster than this (and longer than minDistanceMetres) is a jump
     * @param minDistanceMetres a move this short is never a jump (GNSS noise)
     * @param minSwitches       jumps between the same two tracks that make a duplicate (>= 2)
     * @param window            they must fall within this time of the first; also how long the other
     *                          track may be silent before the duplicate is over
     */
    public record Settings(double maxKnots, double minDistanceMetres, int minSwitches, Duration window) {

        /**
         * 50 kn and 1852 m: {@link PositionJumpDetector.Settings#DEFAULTS}, whose sources apply here
         * (the ship limit: a SAR aircraft or a high-speed craft whose MMSI is shared is flagged from its
         * jumps, not from its type). 3 switches: the fewest that show the second track twice, which a
         * single bad fix (two switches) never does. 1 h: an engineering default, many times the 2-10 s
         * reporting interval of a class A ship under way (ITU-R M.1371-5), so two transmitters heard in
         * turn always fall within it, while unrelated glitches hours apart do not add up.
         */
        public static final Settings DEFAULTS = new Settings(50.0, 1852.0, 3, Duration.ofHours(1));

        public Settings {
            if (!(maxKnots > 0) || Double.isInfinite(maxKnots)) {
                throw new IllegalArgumentException("maxKnots must be a finite number > 0, was " + maxKnots);
            }
            if (!(minDistanceMetres >= 0) || Double.isInfinite(minDistanceMetres)) {
                throw new IllegalArgumentException("minDistanceMetres must be a finite number >= 0, was "
                        + minDistanceMetres);
            }
            if (minSwitches < 2) {
                throw new IllegalArgumentException("minSwitches must be >= 2 (away and back), was " + minSwitches);
            }
            Objects.requireNonNull(window, "window");
            if (window.toMillis() < 1_000) {
                throw new IllegalArgumentException("window must be at least 1 s, was " + window);
            }
        }
    }

    /**
     * The other track and the count of switches: the machine's data, replaced only on a jump.
     *
     * @param otherLat     latitude of the last fix of the other track, NaN if none
     * @param otherLon     its longitude
     * @param otherMillis  its event time, or Long.MIN_VALUE
     * @param switches     jumps between the two tracks so far (0: no other track)
     * @param sinceMillis  event time of the first of them
     */
    public record Tracks(double otherLat, double otherLon, long otherMillis, int switches, long sinceMillis) {

        public static final Tracks NONE = new Tracks(Double.NaN, Double.NaN, Long.MIN_VALUE, 0, Long.MIN_VALUE);

        static final StateCodec<Tracks> CODEC = new StateCodec<>() {
            @Override
            public void write(Tracks t, StateOut out) throws IOException {
                out.writeVarInt(t.switches);
                if (t.switches > 0) {
                    out.writeDouble(t.otherLat);
                    out.writeDouble(t.otherLon);
                    out.writeTimeMillis(t.otherMillis, Long.MIN_VALUE);
                    out.writeTimeMillis(t.sinceMillis, t.otherMillis);
                }
            }

            @Override
            public Tracks read(StateIn in, VesselId vessel) throws IOException {
                int switches = in.readCount(Integer.MAX_VALUE);
                if (switches == 0) {
                    return NONE;
                }
                double lat = in.readDouble();
                double lon = in.readDouble();
                long other = in.readTimeMillis(Long.MIN_VALUE);
                return new Tracks(lat, lon, other, switches, in.readTimeMillis(other));
            }
        };
    }

    private final Settings settings;

    public DuplicateMmsiDetector() {
        this(Settings.DEFAULTS);
    }

    public DuplicateMmsiDetector(Settings settings) {
        super(definition(Objects.requireNonNull(settings, "settings")));
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    private static Machine<Tracks, Tracks> definition(Settings settings) {
        long windowMillis = settings.window().toMillis();
        return Machine.<Tracks, Tracks>named(NAME).states(SINGLE, DUPLICATE).initial(SINGLE, Tracks.NONE)
                .keepLastFix().codec(Tracks.CODEC)
                .read((at, fix, ctx) -> read(settings, at, fix))
                .update((data, next) -> next)
                .on(SINGLE, DUPLICATE).when("switched between two tracks minSwitches times within window",
                        t -> t.switches() >= settings.minSwitches())
                .publish(DUPLICATE_MMSI, DuplicateMmsiDetector::details)
                .on(DUPLICATE, SINGLE).after((entered, last, t) -> Timer.plus(t.otherMillis(), windowMillis))
                .then((t, r) -> Tracks.NONE)
                .build();
    }

    /** The tracks after this fix (the same object unless it jumped), or null for a fix without a position. */
    private static @Nullable Tracks read(Settings settings, Place<Tracks> at, Fix fix) {
        if (!Reach.hasPosition(fix)) {
            return null;
        }
        Tracks tracks = at.data();
        Fix prev = at.lastFix();
        if (prev == null || Reach.possible(prev, fix, settings.minDistanceMetres(), settings.maxKnots())) {
            return tracks;
        }
        long t = fix.time().toEpochMilli();
        long window = settings.window().toMillis();
        boolean backToOther = tracks.switches() > 0 && t - tracks.sinceMillis() <= window
                && Reach.possible(tracks.otherLat(), tracks.otherLon(), tracks.otherMillis(), fix.lat(), fix.lon(), t,
                        settings.minDistanceMetres(), settings.maxKnots());
        long prevMillis = prev.time().toEpochMilli();
        return backToOther
                ? new Tracks(prev.lat(), prev.lon(), prevMillis, tracks.switches() + 1, tracks.sinceMillis())
                : new Tracks(prev.lat(), prev.lon(), prevMillis, 1, t);
    }

    private static Map<String, Object> details(Place<Tracks> before, Fix fix, @Nullable Tracks after) {
        Tracks t = Objects.requireNonNull(after, "published on a fix");
        Map<String, Object> d = new HashMap<>();
        d.put("lat", fix.lat());
        d.put("lon", fix.lon());
        d.put("otherLat", t.otherLat());
        d.put("otherLon", t.otherLon());
        d.put("otherTime", java.time.Instant.ofEpochMilli(t.otherMillis()).toString());
        d.put("distanceMetres", Math.round(Geo.haversineMetres(fix.lat(), fix.lon(), t.otherLat(), t.otherLon())));
        d.put("switches", t.switches());
        d.put("seconds", (fix.time().toEpochMilli() - t.sinceMillis()) / 1000.0);
        return d;
    }
}
