package io.watchkeeper.core.detect.identity;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.vessel.VesselInfo;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * A fix the vessel cannot have reached from its previous one: more than {@link Settings#minDistanceMetres}
 * away and faster than its type allows ({@value #POSITION_JUMP}). A GNSS fault, a spoofed position, or
 * a second transmitter using the same MMSI ({@link DuplicateMmsiDetector} tells that apart).
 *
 * <p>The limit is {@link Settings#shipMaxKnots} unless the vessel is known to be faster: a search-and-rescue
 * aircraft (MMSI {@code 111MIDxxx}, ITU-R M.585-9) gets {@link Settings#aircraftMaxKnots}; high-speed craft
 * and wing-in-ground craft (AIS ship types 40-49 and 20-29, from the vessel's static data) get
 * {@link Settings#fastCraftMaxKnots}. The static data is looked up only for a move over the ship limit.
 *
 * <p>A machine of two states, {@code steady} and {@code jumped}. The first jump publishes and enters
 * {@code jumped}; further jumps within {@link Settings#quiet} of the last one publish nothing, so a
 * single bad fix (out and back: two jumps) is one event and two transmitters alternating are one event,
 * not one per fix. The vessel returns to {@code steady} on the first possible move after a quiet
 * period. Each fix is compared with the previous fix with a valid position, which the place keeps.
 * Planar fixes and fixes without a valid lat/lon are ignored.
 */
public final class PositionJumpDetector extends Machine<PositionJumpDetector.None, PositionJumpDetector.Move> {

    public static final String NAME = "position-jump";
    public static final String POSITION_JUMP = "POSITION_JUMP";

    private static final String STEADY = "steady";
    private static final String JUMPED = "jumped";

    /**
     * Thresholds.
     *
     * @param shipMaxKnots      fastest a ship is taken to go
     * @param fastCraftMaxKnots fastest for high-speed and wing-in-ground craft (ship types 40-49, 20-29)
     * @param aircraftMaxKnots  fastest for a search-and-rescue aircraft (MMSI 111MIDxxx)
     * @param minDistanceMetres a move this short is never a jump, whatever the time (GNSS noise)
     * @param quiet             after a jump, further jumps within this time of the last are not published
     */
    public record Settings(double shipMaxKnots, double fastCraftMaxKnots, double aircraftMaxKnots,
                           double minDistanceMetres, Duration quiet) {

        /**
         * 50 kn for ships: above the service speed of any displacement ship, and the order of the
         * speed-plausibility bounds of the AIS spoofing literature (Banyś, Gucma and Fowdur, "Assessment
         * of possible misidentification of AIS transponders within AIS data due to bit inversions of MMSI",
         * Naše more 71(1), 2024, speed-based plausibility of track points). 100 kn for high-speed and WIG
         * craft: just under the top of the SOG field of AIS position reports, 102.2 kn (ITU-R M.1371-5,
         * message 1), so nothing a surface craft reports is a jump. 1022 kn for SAR aircraft: the top of
         * message 9's SOG field (ITU-R M.1371-5). 1852 m (1 nm): GNSS noise and the spread of positions
         * one ship reports through different receivers stay far below it, and at 50 kn a ship needs 72 s
         * to cover it, more than its longest class A reporting interval under way (ITU-R M.1371-5: 10 s
         * at 0-14 kn). 30 min quiet: an engineering default, long enough to cover the back-and-forth of
         * a bad fix and the alternation of two transmitters, short enough to report an unrelated later jump.
         */
        public static final Settings DEFAULTS = new Settings(50.0, 100.0, 1022.0, 1852.0, Duration.ofMinutes(30));

        public Settings {
            positive(shipMaxKnots, "shipMaxKnots");
            positive(fastCraftMaxKnots, "fastCraftMaxKnots");
            positive(aircraftMaxKnots, "aircraftMaxKnots");
            if (fastCraftMaxKnots < shipMaxKnots || aircraftMaxKnots < shipMaxKnots) {
                throw new IllegalArgumentException("fastCraftMaxKnots and aircraftMaxKnots must be >= shipMaxKnots ("
                        + shipMaxKnots + "), were " + fastCraftMaxKnots + " and " + aircraftMaxKnots);
            }
            if (!(minDistanceMetres >= 0) || Double.isInfinite(minDistanceMetres)) {
                throw new IllegalArgumentException("minDistanceMetres must be a finite number >= 0, was "
                        + minDistanceMetres);
            }
            Objects.requireNonNull(quiet, "quiet");
            if (quiet.isNegative()) {
                throw new IllegalArgumentException("quiet must be >= 0, was " + quiet);
            }
        }

        private static void positive(double v, String name) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " must be a finite number > 0, was " + v);
            }
        }
    }

    /** The machine keeps no data of its own: the previous fix and the time of the last jump are the place's. */
    public record None() {
        public static final None NONE = new None();

        /** Checkpoint form: nothing. */
        static final StateCodec<None> CODEC = new StateCodec<>() {
            @Override
            public void write(None data, StateOut out) {
            }

            @Override
            public None read(StateIn in, VesselId vessel) {
                return NONE;
            }
        };
    }

    /**
     * What a fix means here: a possible move (shared constants, no allocation), or a jump with its numbers.
     *
     * @param jump      whether the move was impossible
     * @param quietOver whether {@link Settings#quiet} has passed since the state was entered
     */
    record Move(boolean jump, boolean quietOver, double metres, long millis, double limitKnots) {

        static final Move POSSIBLE_QUIET = new Move(false, true, 0, 0, 0);
        static final Move POSSIBLE_RECENT = new Move(false, false, 0, 0, 0);
    }

    private final Settings settings;

    public PositionJumpDetector() {
        this(Settings.DEFAULTS);
    }

    public PositionJumpDetector(Settings settings) {
        super(definition(Objects.requireNonNull(settings, "settings")));
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    private static Machine<None, Move> definition(Settings settings) {
        return Machine.<None, Move>named(NAME).states(STEADY, JUMPED).initial(STEADY, None.NONE)
                .keepLastFix().codec(None.CODEC)
                .read((at, fix, ctx) -> read(settings, at, fix, ctx))
                .on(STEADY, JUMPED).when("impossible move", Move::jump)
                .publish(POSITION_JUMP, PositionJumpDetector::details)
                .on(JUMPED, JUMPED).when("impossible move", Move::jump).when("quiet period over", Move::quietOver)
                .publish(POSITION_JUMP, PositionJumpDetector::details)
                .on(JUMPED, JUMPED).when("impossible move", Move::jump)
                .on(JUMPED, STEADY).unless("impossible move", Move::jump).when("quiet period over", Move::quietOver)
                .build();
    }

    /** The move from the previous fix, or null for a fix without a valid position (kept out of the place). */
    private static @Nullable Move read(Settings settings, Place<None> at, Fix fix, DetectorContext ctx) {
        if (!Reach.hasPosition(fix)) {
            return null;
        }
        long t = fix.time().toEpochMilli();
        boolean quietOver = t - at.enteredAtMillis() >= settings.quiet().toMillis() || at.enteredAtMillis() == Long.MIN_VALUE;
        Move possible = quietOver ? Move.POSSIBLE_QUIET : Move.POSSIBLE_RECENT;
        Fix prev = at.lastFix();
        if (prev == null || Reach.possible(prev, fix, settings.minDistanceMetres(), settings.shipMaxKnots())) {
            return possible;
        }
        long prevMillis = prev.time().toEpochMilli();
        double limit = limitKnots(settings, fix.vessel(), ctx);
        if (limit > settings.shipMaxKnots() && Reach.possible(prev.lat(), prev.lon(), prevMillis, fix.lat(), fix.lon(),
                t, settings.minDistanceMetres(), limit)) {
            return possible;
        }
        double metres = Geo.haversineMetres(prev.lat(), prev.lon(), fix.lat(), fix.lon());
        return new Move(true, quietOver, metres, t - prevMillis, limit);
    }

    /** The speed limit of this vessel: by MMSI for SAR aircraft, by static ship type for fast craft. */
    static double limitKnots(Settings settings, VesselId vessel, DetectorContext ctx) {
        if (vessel.scope().isEmpty() && vessel.id().length() == 9 && vessel.id().startsWith("111")) {
            return settings.aircraftMaxKnots();
        }
        VesselInfo info = ctx.vesselInfo(vessel);
        if (info != null && (info.shipType() / 10 == 4 || info.shipType() / 10 == 2)) {
            return settings.fastCraftMaxKnots();
        }
        return settings.shipMaxKnots();
    }

    private static Map<String, Object> details(Place<None> before, Fix fix, @Nullable Move move) {
        Fix from = Objects.requireNonNull(before.lastFix(), "a jump has a previous fix");
        Move m = Objects.requireNonNull(move, "a jump is a fix");
        Map<String, Object> d = new HashMap<>();
        d.put("fromLat", from.lat());
        d.put("fromLon", from.lon());
        d.put("fromTime", from.time().toString());
        d.put("toLat", fix.lat());
        d.put("toLon", fix.lon());
        d.put("distanceMetres", Math.round(m.metres()));
        d.put("seconds", m.millis() / 1000.0);
        if (m.millis() > 0) {
            d.put("impliedKnots", Reach.oneDecimal(Reach.impliedKnots(m.metres(), m.millis())));
        }
        d.put("limitKnots", m.limitKnots());
        return d;
    }
}
