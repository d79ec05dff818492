package io.watchkeeper.core.detect.zone;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ZONE_ENTER and ZONE_EXIT for every zone of the reported kinds, with distance hysteresis.
 *
 * <ul>
 *   <li>A vessel enters a zone when a fix is within {@link ZoneSettings#enterMetres()} of it (0: inside).</li>
 *   <li>It leaves when a fix is farther than {@link ZoneSettings#exitMetres()}, or when the fix has no
 *       hit for the zone at all: the zone set's margin must be at least the exit distance, so "no hit"
 *       means "farther than the margin".</li>
 *   <li>A vessel can be in several zones at once (a berth in a port in a pilot area). Within one fix,
 *       exits come first, in the order the zones were entered, then entries in the order of
 *       {@link DetectorContext#zones()} (inside first, then by distance), so the output is deterministic;
 *       with {@code exitMetres = 0}, crossing the shared edge of two adjacent zones gives EXIT of the one,
 *       then ENTER of the other, at the same fix.</li>
 *   <li>A fix without lat/lon changes nothing; a fix older than the state's last change is ignored.</li>
 *   <li>A vessel that falls silent stays in its zones: no exit is invented; its next fix decides.</li>
 * </ul>
 *
 * <p>Events use {@link Event#at} with the zone id as key, so two zones at one fix get distinct ids.
 * Details: {@code zoneId}, {@code zoneName}, {@code zoneKind} (wire name, e.g. {@code berth}); ZONE_ENTER
 * adds {@code firstSeenInside} (true if this was the vessel's first geographic fix, so the real entry was
 * earlier); ZONE_EXIT adds {@code durationSeconds} since the entry.
 *
 * <p>Why this is not a {@link io.watchkeeper.core.fsm.Machine}: its "state" is a set of independent
 * per-zone presences, each with its own outside/inside and entry time, and one fix changes several of
 * them at once. A machine takes at most one fix transition per fix, so publishes at most one event,
 * and its from/to are the vessel's one state. On the six real recordings of the byte-identity test,
 * 134 of the 1,250 fixes that cause zone events cause two to five (302 of 1,418 ZONE_ENTER/ZONE_EXIT
 * events; e.g. a first fix inside a berth, its terminal and its port): as one machine whose data is the
 * presence set, those fixes would lose events. One machine per zone would need a state per vessel and
 * zone, for zone sets of thousands (WPI). A library transition that publishes one event per element
 * of its reading (each with its own key, from and to) would let this be a machine.
 */
public final class ZoneDetector implements Detector<ZonePresence> {

    /** Name of the machine, in events. */
    public static final String NAME = "zone";
    public static final String ZONE_ENTER = "ZONE_ENTER";
    public static final String ZONE_EXIT = "ZONE_EXIT";
    public static final String OUTSIDE = "outside";
    public static final String INSIDE = "inside";

    private final ZoneSettings settings;
    /** {@link ZoneSettings#kinds()} by ordinal: one array read per hit on the hot path. */
    private final boolean[] reported;

    public ZoneDetector() {
        this(ZoneSettings.DEFAULTS);
    }

    public ZoneDetector(ZoneSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reported = new boolean[ZoneKind.values().length];
        for (ZoneKind kind : settings.kinds()) {
            reported[kind.ordinal()] = true;
        }
    }

    public ZoneSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ZonePresence initial(VesselId vessel) {
        return ZonePresence.INITIAL;
    }

    @Override
    public StateCodec<ZonePresence> codec() {
        return new StateCodec<>() {
            @Override
            public void write(ZonePresence state, StateOut out) throws IOException {
            ZonePresence.write(state, out);
            }

            @Override
            public ZonePresence read(StateIn in, VesselId vessel) throws IOException {
            return ZonePresence.read(in, settings.maxZonesPerVessel());
            }
        };
    }

    @Override
    public Step<ZonePresence> step(ZonePresence state, Fix fix, DetectorContext ctx) {
        if (!fix.isGeo()) {
            return Step.quiet(state);
        }
        long millis = fix.time().toEpochMilli();
        if (millis < state.changedAtMillis()) {
            return Step.quiet(state);
        }
        List<ZoneHit> hits = ctx.zones();
        int exits = countExits(state, hits);
        int enters = countEnters(state, hits, exits);
        if (exits == 0 && enters == 0) {
            return Step.quiet(state.neverSeen() ? state.seenAt(millis) : state);
        }
        return change(state, hits, fix, millis, ctx);
    }

    /** Builds the next state and the events; only reached when something changes. */
    private Step<ZonePresence> change(ZonePresence state, List<ZoneHit> hits, Fix fix, long millis,
                                      DetectorContext ctx) {
        List<Event> events = new ArrayList<>(2);
        Zone[] zones = new Zone[settings.maxZonesPerVessel()];
        long[] times = new long[zones.length];
        int n = 0;
        for (int i = 0; i < state.size(); i++) {
            Zone zone = state.zones()[i];
            if (exits(zone, hits)) {
                long seconds = (millis - state.enteredAtMillis()[i]) / 1000;
                events.add(event(ZONE_EXIT, INSIDE, OUTSIDE, zone, fix, ctx,
                        Map.of("zoneId", zone.id(), "zoneName", zone.name(), "zoneKind", zone.kind().wireName(),
                                "durationSeconds", seconds)));
            } else {
                zones[n] = zone;
                times[n++] = state.enteredAtMillis()[i];
            }
        }
        for (int i = 0; i < hits.size() && n < zones.length; i++) {
            Zone zone = hits.get(i).zone();
            if (enters(hits.get(i)) && state.indexOf(zone.id()) < 0 && !containsId(zones, n, zone.id())) {
                zones[n] = zone;
                times[n++] = millis;
                events.add(event(ZONE_ENTER, OUTSIDE, INSIDE, zone, fix, ctx,
                        Map.of("zoneId", zone.id(), "zoneName", zone.name(), "zoneKind", zone.kind().wireName(),
                                "firstSeenInside", state.neverSeen())));
            }
        }
        ZonePresence next = ZonePresence.of(java.util.Arrays.copyOf(zones, n), java.util.Arrays.copyOf(times, n),
                millis);
        return new Step<>(next, events);
    }

    private int countExits(ZonePresence state, List<ZoneHit> hits) {
        int exits = 0;
        for (int i = 0; i < state.size(); i++) {
            if (exits(state.zones()[i], hits)) {
                exits++;
            }
        }
        return exits;
    }

    /** Entries possible now: new zones close enough, as far as free slots allow. */
    private int countEnters(ZonePresence state, List<ZoneHit> hits, int exits) {
        int free = settings.maxZonesPerVessel() - state.size() + exits;
        int enters = 0;
        for (int i = 0; i < hits.size() && enters < free; i++) {
            if (enters(hits.get(i)) && state.indexOf(hits.get(i).zone().id()) < 0) {
                enters++;
            }
        }
        return enters;
    }

    private boolean enters(ZoneHit hit) {
        return hit.distanceMetres() <= settings.enterMetres() && reported[hit.zone().kind().ordinal()];
    }

    /** No hit for the zone means it is beyond the zone set's margin, which is at least exitMetres. */
    private boolean exits(Zone zone, List<ZoneHit> hits) {
        for (int i = 0; i < hits.size(); i++) {
            ZoneHit hit = hits.get(i);
            if (hit.zone().id().equals(zone.id())) {
                return hit.distanceMetres() > settings.exitMetres();
            }
        }
        return true;
    }

    /** A zone listed twice in one answer (two sources with one id) is entered once. */
    private static boolean containsId(Zone[] zones, int n, String id) {
        for (int i = 0; i < n; i++) {
            if (zones[i].id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static Event event(String type, String from, String to, Zone zone, Fix fix, DetectorContext ctx,
                               Map<String, Object> details) {
        return Event.at(type, NAME, from, to, fix, fix.time(), ctx.wallClock(), details, zone.id());
    }
}
