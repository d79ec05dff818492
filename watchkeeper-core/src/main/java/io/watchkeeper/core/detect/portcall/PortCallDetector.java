package io.watchkeeper.core.detect.portcall;

import static io.watchkeeper.core.detect.portcall.PortCallState.AT_ANCHOR;
import static io.watchkeeper.core.detect.portcall.PortCallState.AT_SEA;
import static io.watchkeeper.core.detect.portcall.PortCallState.BERTHED;
import static io.watchkeeper.core.detect.portcall.PortCallState.IN_PORT;
import static io.watchkeeper.core.detect.portcall.PortCallState.UNBERTHED;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.fsm.Timer;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * Port calls after Global Fishing Watch's port-visit model (entry, stop, gap, exit; see
 * {@link PortCallSettings#DEFAULTS} for the thresholds and their sources).
 *
 * <pre>
 * AT_SEA --ARRIVE--> IN_PORT --ANCHOR--> AT_ANCHOR --MOVE--> IN_PORT (not berthed yet) | UNBERTHED
 *                    IN_PORT --BERTH---> BERTHED   --MOVE--> UNBERTHED --ANCHOR/BERTH--> ...
 * any state in port --DEPART--> AT_SEA
 * </pre>
 *
 * <ul>
 *   <li><b>Arrival</b>: a fix within {@code entryMetres} of a PORT, ANCHORAGE or BERTH zone. The call
 *       belongs to the nearest PORT zone in range, else the nearest ANCHORAGE (GFW labels anchorages with
 *       their port's name), else the nearest BERTH; a call that began at an anchorage or berth moves to the
 *       first PORT zone it comes within {@code entryMetres} of (no event; later events name the port).
 *       A vessel whose first fix is already in range arrives at that fix with {@code firstSeenInPort:
 *       true}: its real arrival was earlier and the call's duration is a lower bound.</li>
 *   <li><b>Departure</b>: a fix farther than {@code exitMetres} from every PORT, ANCHORAGE and BERTH zone
 *       (not only those of the call: like GFW's visits, a vessel that moves between ports whose bands
 *       overlap stays in one call). The 3 km / 4 km band absorbs jitter at the boundary.</li>
 *   <li><b>Stops</b>: in port, a stop begins at the first fix below {@code stopBelowKnots} (or, with
 *       status at anchor or moored, at or below {@code anchoredSwingKnots}) and ends at a fix above
 *       {@code moveAboveKnots} that is not such a swinging ship. A stop that lasts {@code stopDuration} (RTEC's "anchored or
 *       moored") is confirmed as AT_ANCHOR or BERTHED by {@link StopBasis}: zone geometry first, then the
 *       AIS navigational status, then whether the vessel is inside a PORT zone. Neither zones nor status
 *       alone start a confirmation, since status is often stale. The confirmation is due at stop start
 *       plus {@code stopDuration}, whether a later fix or the engine's timer sweep
 *       ({@link #wakeAtMillis}/{@link #onTime}) finds it, so live and replay give the same event, and a
 *       vessel that stops and falls silent is still confirmed on time. The AT_ANCHOR/BERTHED period is
 *       counted from the stop's start. With GFW anchorage points alone (no PORT polygon, no BERTH zone)
 *       and no navigational status, every stop is AT_ANCHOR: such a zone set cannot tell a quay from an
 *       anchorage.</li>
 *   <li><b>Gaps and silence</b>: nothing is invented. An in-port AIS gap of 4 h or more (GFW's PORT GAP)
 *       does not end the call, as in GFW's visits; the next fix decides. A vessel that goes silent in port
 *       stays in its call. If the next fix is already beyond the exit distance, the departure (and the end
 *       of an open anchor or berth period) is at that fix, so durations that span a gap are upper bounds.</li>
 *   <li>A fix without lat/lon, or without speed over ground (NaN), changes no stop; a fix older than the
 *       state's last change is ignored.</li>
 * </ul>
 *
 * <p>The zone set's margin must be at least {@link PortCallSettings#requiredMarginMetres()} (4 km by
 * default): a fix with no PORT, ANCHORAGE or BERTH hit is read as farther than the exit distance.
 *
 * <p>Events ({@link Event#at}, key = the call's port zone id) and their details:
 * <ul>
 *   <li>PORT_ARRIVAL: portZoneId, portName, portZoneKind, distanceMetres, firstSeenInPort;</li>
 *   <li>AT_ANCHOR, BERTHED: portZoneId, portName, portZoneKind, basis ({@link StopBasis#wireName()}),
 *       stopStartedAt (ISO-8601); BERTHED adds waitingSeconds (time at anchor before the first berthing);
 *       the event time is the due time, the cause the fix where the stop began;</li>
 *   <li>UNANCHORED: ..., anchorSeconds of that period; UNBERTHED: ..., berthSeconds of that period;</li>
 *   <li>PORT_DEPARTURE: portZoneId, portName, portZoneKind, durationSeconds (arrival to departure),
 *       waitingSeconds, anchorSeconds, berthSeconds (totals of the call), firstSeenInPort.</li>
 * </ul>
 *
 * <p>The call is a machine of the state-machine library ({@link #machine()}): {@link #read} decides what a
 * fix means (arrive, move, depart, or only new data), declared transitions publish, and the stop
 * confirmation is a timed transition due at stop start plus {@code stopDuration}. A fix that changes
 * nothing is ignored by the machine, so a quiet vessel's place stays the same object.
 *
 * <p>Why this class wraps its machine instead of extending it: the library publishes fix transitions with
 * {@link Event#transition} (no key) and timed ones with the latest fix as cause, while port-call events
 * always had the port zone id as key in their id and, for AT_ANCHOR/BERTHED, the fix where the stop
 * began as cause. {@link #keyed} keeps that fix as the place's latest fix (so the library's timer takes
 * it as cause, and a checkpoint holds one fix, not two) and keys each event again, so ids are unchanged.
 * A library option to key an event and to name a timed transition's cause would remove the wrapper.
 */
public final class PortCallDetector implements Detector<Place<PortCall>> {

    /** Name of the machine, in events. */
    public static final String NAME = "portcall";

    public static final String PORT_ARRIVAL = "PORT_ARRIVAL";
    public static final String AT_ANCHOR_EVENT = "AT_ANCHOR";
    public static final String BERTHED_EVENT = "BERTHED";
    public static final String UNANCHORED = "UNANCHORED";
    public static final String UNBERTHED_EVENT = "UNBERTHED";
    public static final String PORT_DEPARTURE = "PORT_DEPARTURE";

    /** What a fix does to the call, decided from zones and speed; the machine decides the state. */
    enum Move { NONE, ARRIVE, MOVE, DEPART }

    /**
     * What one geographic fix means to the call.
     *
     * @param move    the transition it asks for
     * @param berthed the vessel has berthed in this call (an AT_ANCHOR vessel that moves is then UNBERTHED)
     * @param next    the call's data after the fix
     * @param details the details of the event the move publishes (empty for {@link Move#NONE})
     */
    record Reading(Move move, boolean berthed, PortCall next, Map<String, Object> details) {

        boolean arrives() {
            return move == Move.ARRIVE;
        }

        boolean moves() {
            return move == Move.MOVE;
        }

        boolean departs() {
            return move == Move.DEPART;
        }
    }

    /** The states by index; {@code values()} would copy the array on every call. */
    private static final PortCallState[] STATES = PortCallState.values();
    private static final List<String> STOPPING = List.of(IN_PORT.wireName(), UNBERTHED.wireName());
    private static final List<String> IN_A_CALL = List.of(IN_PORT.wireName(), AT_ANCHOR.wireName(),
            BERTHED.wireName(), UNBERTHED.wireName());

    private final PortCallSettings settings;
    private final Machine<PortCall, Reading> machine;

    public PortCallDetector() {
        this(PortCallSettings.DEFAULTS);
    }

    public PortCallDetector(PortCallSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.machine = definition(settings);
    }

    private static Machine<PortCall, Reading> definition(PortCallSettings settings) {
        Machine.Details<PortCall, Reading> fromReading = (before, cause, r) -> Objects.requireNonNull(r).details();
        return Machine.<PortCall, Reading>named(NAME).states(PortCallState.class).initial(AT_SEA, PortCall.INITIAL)
                .read((at, fix, ctx) -> read(settings, at, fix, ctx.zones()))
                .update((call, r) -> r.next())
                .on(AT_SEA, IN_PORT).when("arrives", Reading::arrives).publish(PORT_ARRIVAL, fromReading)
                .on(STOPPING, AT_ANCHOR.wireName()).after(stopConfirmed(settings, true))
                .then((call, r) -> call.confirmed(due(settings, call))).publish(AT_ANCHOR_EVENT, PortCallDetector::confirmation)
                .on(STOPPING, BERTHED.wireName()).after(stopConfirmed(settings, false))
                .then((call, r) -> call.confirmed(due(settings, call))).publish(BERTHED_EVENT, PortCallDetector::confirmation)
                .on(AT_ANCHOR, IN_PORT).when("moves", Reading::moves).unless("has berthed", Reading::berthed)
                .publish(UNANCHORED, fromReading)
                .on(AT_ANCHOR, UNBERTHED).when("moves", Reading::moves).when("has berthed", Reading::berthed)
                .publish(UNANCHORED, fromReading)
                .on(BERTHED, UNBERTHED).when("moves", Reading::moves).publish(UNBERTHED_EVENT, fromReading)
                .on(IN_A_CALL, AT_SEA.wireName()).when("departs", Reading::departs).publish(PORT_DEPARTURE, fromReading)
                .build();
    }

    /** The definition the vessels run, for {@code watchkeeper machines} and the dashboard. */
    public Machine<PortCall, ?> machine() {
        return machine;
    }

    /** Where the vessel is in its call, in a place of this detector. */
    public static PortCallState stateOf(Place<PortCall> at) {
        return STATES[at.state()];
    }

    public PortCallSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Place<PortCall> initial(VesselId vessel) {
        return machine.initial(vessel);
    }

    /**
     * Checkpoint form: the state, its entry time, then the call; not the latest
     * fix the machine keeps for its timer, since a confirmation's cause is the stop's own fix, which the
     * call holds: 40 bytes less per vessel. A state and a call that contradict each other (in port
     * without a port, or at sea with one) are refused.
     */
    @Override
    public StateCodec<Place<PortCall>> codec() {
        return new StateCodec<>() {
            @Override
            public void write(Place<PortCall> at, StateOut out) throws IOException {
                out.writeVarInt(at.state());
                out.writeTimeMillis(at.enteredAtMillis(), Long.MIN_VALUE);
                PortCall.write(at.data(), out);
            }

            @Override
            public Place<PortCall> read(StateIn in, VesselId vessel) throws IOException {
                int index = in.readVarInt();
                if (index < 0 || index >= STATES.length) {
                    throw new IOException("corrupt checkpoint: port call state " + index);
                }
                long entered = in.readTimeMillis(Long.MIN_VALUE);
                PortCall call = PortCall.read(in, vessel);
                PortCallState state = STATES[index];
                if (state.inPort() != (call.portId() != null)) {
                    throw new IOException("corrupt checkpoint: port call state " + state.wireName() + " with port "
                            + call.portId());
                }
                boolean timed = call.stopping() && (state == IN_PORT || state == UNBERTHED);
                Place<PortCall> at = new Place<>(index, entered, timed ? due(settings, call) : NO_TIMER,
                        call.stopFix(), call); // the latest fix a live place keeps, see keyed()
                return at.equals(machine.initial(vessel)) ? machine.initial(vessel) : at;
            }
        };
    }

    @Override
    public Step<Place<PortCall>> step(Place<PortCall> at, Fix fix, DetectorContext ctx) {
        return keyed(at, machine.step(at, fix, ctx));
    }

    /** {@link #step} without a {@link Step} per fix: the engine's path. */
    @Override
    public Place<PortCall> advance(Place<PortCall> at, Fix fix, DetectorContext ctx, List<Event> events) {
        int first = events.size();
        Place<PortCall> next = withStopFix(machine.advance(at, fix, ctx, events));
        for (int i = first; i < events.size(); i++) {
            events.set(i, rekeyed(at, next, events.get(i)));
        }
        return next;
    }

    @Override
    public long wakeAtMillis(Place<PortCall> at) {
        return machine.wakeAtMillis(at);
    }

    @Override
    public Step<Place<PortCall>> onTime(Place<PortCall> at, VesselId vessel, long nowMillis, DetectorContext ctx) {
        return keyed(at, machine.onTime(at, vessel, nowMillis, ctx));
    }

    /**
     * The step as port calls have always given it. The place keeps as latest fix the fix where the
     * current stop began (none between stops): it is the cause of the stop's confirmation, and the only fix
     * a checkpoint needs. The events are keyed by the call's port zone id (after the fix, or before it for
     * a departure and for a confirmation), so that two calls' events at one fix have distinct ids.
     */
    private static Step<Place<PortCall>> keyed(Place<PortCall> before, Step<Place<PortCall>> step) {
        Place<PortCall> next = withStopFix(step.state());
        if (step.events().isEmpty()) {
            return next == step.state() ? step : Step.quiet(next);
        }
        List<Event> out = new ArrayList<>(step.events().size());
        for (Event e : step.events()) {
            out.add(rekeyed(before, next, e));
        }
        return new Step<>(next, out);
    }

    /** The place as port calls keep it: the latest fix is the fix where the current stop began. */
    private static Place<PortCall> withStopFix(Place<PortCall> at) {
        Fix stopFix = at.data().stopFix();
        return at.lastFix() == stopFix ? at
                : new Place<>(at.state(), at.enteredAtMillis(), at.dueAtMillis(), stopFix, at.data());
    }

    /** The event keyed by its call's port zone id (before the fix for a departure or a confirmation). */
    private static Event rekeyed(Place<PortCall> before, Place<PortCall> next, Event e) {
        boolean confirmation = e.type().equals(AT_ANCHOR_EVENT) || e.type().equals(BERTHED_EVENT);
        PortCall call = confirmation || next.data().portId() == null ? before.data() : next.data();
        return Event.at(e.type(), NAME, e.from(), e.to(), e.cause(), e.time(), e.detectedAt(), e.details(),
                Objects.requireNonNull(call.portId(), "portId"));
    }

    /** A stop that will be classified as anchored (or not) is confirmed at its start plus the stop duration. */
    private static Timer<PortCall> stopConfirmed(PortCallSettings settings, boolean anchored) {
        return (entered, last, call) -> {
            return call.stopping() && Objects.requireNonNull(call.stopBasis()).anchored() == anchored
                    ? due(settings, call) : NO_TIMER;
        };
    }

    private static long due(PortCallSettings settings, PortCall call) {
        return Timer.plus(call.stopStartMillis(), settings.stopMillis());
    }

    private static Map<String, Object> confirmation(Place<PortCall> before, Fix cause, @Nullable Reading r) {
        PortCall call = before.data();
        StopBasis basis = Objects.requireNonNull(call.stopBasis(), "stopBasis");
        String stopStartedAt = Instant.ofEpochMilli(call.stopStartMillis()).toString();
        return basis.anchored()
                ? Map.of("portZoneId", call.portId(), "portName", call.portName(), "portZoneKind", kindName(call),
                        "basis", basis.wireName(), "stopStartedAt", stopStartedAt)
                : Map.of("portZoneId", call.portId(), "portName", call.portName(), "portZoneKind", kindName(call),
                        "basis", basis.wireName(), "stopStartedAt", stopStartedAt,
                        "waitingSeconds", call.waitingMillis() / 1000);
    }

    /** Null (the machine ignores the fix) without lat/lon, for a fix older than the last change, or if nothing changes. */
    private static @Nullable Reading read(PortCallSettings settings, Place<PortCall> at, Fix fix, List<ZoneHit> hits) {
        if (!fix.isGeo()) {
            return null;
        }
        long millis = fix.time().toEpochMilli();
        PortCall call = at.data();
        if (millis < call.changedAtMillis()) {
            return null;
        }
        PortCallState state = stateOf(at);
        Reading r = state.inPort() ? inPort(settings, state, call, fix, millis, hits) : atSea(settings, call, fix, millis, hits);
        return r == null || r.move() == Move.NONE && r.next() == call ? null : r; // null: nothing changes
    }

    private static @Nullable Reading atSea(PortCallSettings settings, PortCall call, Fix fix, long millis, List<ZoneHit> hits) {
        ZoneHit port = callZone(hits, settings.entryMetres());
        if (port == null) {
            return call.neverSeen() ? quiet(call.seenAt(millis)) : null;
        }
        Zone zone = port.zone();
        PortCall next = PortCall.arrived(zone.id(), zone.name(), zone.kind(), millis, call.neverSeen());
        if (settings.stops(fix)) {
            next = next.withStop(millis, fix, StopBasis.of(hits, fix), millis);
        }
        return new Reading(Move.ARRIVE, false, next, Map.of("portZoneId", zone.id(), "portName", zone.name(),
                "portZoneKind", zone.kind().wireName(), "distanceMetres", Math.round(port.distanceMetres()),
                "firstSeenInPort", call.neverSeen()));
    }

    private static @Nullable Reading inPort(PortCallSettings settings, PortCallState state, PortCall arrived, Fix fix,
                                  long millis, List<ZoneHit> hits) {
        if (!anyCallZoneWithin(hits, settings.exitMetres())) {
            return depart(state, arrived, millis);
        }
        PortCall call = arrived.portKind() != ZoneKind.PORT ? withPortZoneIfNear(settings, arrived, hits, millis) : arrived;
        if (Double.isNaN(fix.sogKnots())) {
            return quietUnlessSame(arrived, call);
        }
        if (state == AT_ANCHOR || state == BERTHED) {
            return settings.moves(fix) ? move(state, call, millis) : quietUnlessSame(arrived, call);
        }
        if (!call.stopping()) {
            return settings.stops(fix) ? quiet(call.withStop(millis, fix, StopBasis.of(hits, fix), millis)) : quietUnlessSame(arrived, call);
        }
        if (settings.moves(fix)) {
            return quiet(call.withoutStop(millis));
        }
        StopBasis basis = StopBasis.of(hits, fix); // still stopped: the latest zones and status decide
        return basis == call.stopBasis() ? quietUnlessSame(arrived, call)
                : quiet(call.withStop(call.stopStartMillis(), Objects.requireNonNull(call.stopFix()), basis, millis));
    }

    /** Null when the call is the one the vessel had: the fix changes nothing, and allocates nothing. */
    private static @Nullable Reading quietUnlessSame(PortCall before, PortCall call) {
        return call == before ? null : quiet(call);
    }

    /** A fix that changes the call's data but not its state; nothing changing at all is null. */
    private static Reading quiet(PortCall next) {
        return new Reading(Move.NONE, false, next, Map.of());
    }

    /**
     * A call that began at an anchorage or berth belongs to the first PORT zone it comes within the
     * entry distance of (an anchorage lies off its port): later events name the port.
     */
    private static PortCall withPortZoneIfNear(PortCallSettings settings, PortCall call, List<ZoneHit> hits, long millis) {
        for (int i = 0; i < hits.size(); i++) {
            ZoneHit hit = hits.get(i);
            if (hit.zone().kind() == ZoneKind.PORT && hit.distanceMetres() <= settings.entryMetres()) {
                return call.withPort(hit.zone().id(), hit.zone().name(), ZoneKind.PORT, millis);
            }
        }
        return call;
    }

    private static Reading move(PortCallState state, PortCall call, long millis) {
        boolean anchor = state == AT_ANCHOR;
        Map<String, Object> details = Map.of("portZoneId", call.portId(), "portName", call.portName(),
                "portZoneKind", kindName(call), anchor ? "anchorSeconds" : "berthSeconds",
                call.periodMillis(state, millis) / 1000);
        return new Reading(Move.MOVE, call.hasBerthed(state), call.periodEnded(state, millis), details);
    }

    private static Reading depart(PortCallState state, PortCall call, long millis) {
        PortCall closed = call.periodEnded(state, millis); // an open anchor or berth period ends here
        Map<String, Object> details = Map.of("portZoneId", call.portId(), "portName", call.portName(),
                "portZoneKind", kindName(call), "durationSeconds", (millis - call.callStartMillis()) / 1000,
                "waitingSeconds", closed.waitingMillis() / 1000, "anchorSeconds", closed.anchorMillis() / 1000,
                "berthSeconds", closed.berthMillis() / 1000, "firstSeenInPort", call.firstSeenInPort());
        return new Reading(Move.DEPART, false, PortCall.atSea(millis), details);
    }

    private static String kindName(PortCall call) {
        return call.portKind() == null ? "" : call.portKind().wireName();
    }

    /** The zone a new call belongs to: nearest PORT in range, else ANCHORAGE, else BERTH; null if none. */
    static @Nullable ZoneHit callZone(List<ZoneHit> hits, double withinMetres) {
        ZoneHit anchorage = null;
        ZoneHit berth = null;
        for (int i = 0; i < hits.size(); i++) {
            ZoneHit hit = hits.get(i);
            if (hit.distanceMetres() > withinMetres) {
                continue;
            }
            ZoneKind kind = hit.zone().kind();
            if (kind == ZoneKind.PORT) {
                return hit; // hits are inside first, then nearest first
            }
            if (kind == ZoneKind.ANCHORAGE && anchorage == null) {
                anchorage = hit;
            } else if (kind == ZoneKind.BERTH && berth == null) {
                berth = hit;
            }
        }
        return anchorage != null ? anchorage : berth;
    }

    private static boolean anyCallZoneWithin(List<ZoneHit> hits, double metres) {
        for (int i = 0; i < hits.size(); i++) {
            ZoneHit hit = hits.get(i);
            ZoneKind kind = hit.zone().kind();
            if (hit.distanceMetres() <= metres
                    && (kind == ZoneKind.PORT || kind == ZoneKind.ANCHORAGE || kind == ZoneKind.BERTH)) {
                return true;
            }
        }
        return false;
    }
}
