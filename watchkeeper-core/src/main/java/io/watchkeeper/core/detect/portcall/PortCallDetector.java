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
import io.watchkeeper.core.fsm.legacy.Outcome;
import io.watchkeeper.core.fsm.legacy.StateMachine;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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
 */
public final class PortCallDetector implements Detector<PortCall> {

    /** Name of the machine, in events. */
    public static final String NAME = "portcall";

    public static final String PORT_ARRIVAL = "PORT_ARRIVAL";
    public static final String AT_ANCHOR_EVENT = "AT_ANCHOR";
    public static final String BERTHED_EVENT = "BERTHED";
    public static final String UNANCHORED = "UNANCHORED";
    public static final String UNBERTHED_EVENT = "UNBERTHED";
    public static final String PORT_DEPARTURE = "PORT_DEPARTURE";

    /** The one definition shared by every vessel; the detector decides the triggers, the machine the moves. */
    public static final StateMachine<PortCallState, PortCallTrigger, PortCall> MACHINE =
            StateMachine.<PortCallState, PortCallTrigger, PortCall>builder(NAME, PortCallState.class,
                            PortCallTrigger.class)
                    .initial(AT_SEA)
                    .ignoreInvalidTriggers(true)
                    .transition(PortCallTrigger.ARRIVE, AT_SEA, IN_PORT).add()
                    .transition(PortCallTrigger.ANCHOR, EnumSet.of(IN_PORT, UNBERTHED), AT_ANCHOR).add()
                    .transition(PortCallTrigger.BERTH, EnumSet.of(IN_PORT, UNBERTHED), BERTHED).add()
                    .transition(PortCallTrigger.MOVE, AT_ANCHOR, IN_PORT)
                    .unless("has berthed", PortCall::hasBerthed).add()
                    .transition(PortCallTrigger.MOVE, AT_ANCHOR, UNBERTHED)
                    .when("has berthed", PortCall::hasBerthed).add()
                    .transition(PortCallTrigger.MOVE, BERTHED, UNBERTHED).add()
                    .transition(PortCallTrigger.DEPART, EnumSet.complementOf(EnumSet.of(AT_SEA)), AT_SEA).add()
                    .build();

    private final PortCallSettings settings;

    public PortCallDetector() {
        this(PortCallSettings.DEFAULTS);
    }

    public PortCallDetector(PortCallSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PortCallSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PortCall initial(VesselId vessel) {
        return PortCall.INITIAL;
    }

    @Override
    public StateCodec<PortCall> codec() {
        return new StateCodec<>() {
            @Override
            public void write(PortCall state, StateOut out) throws IOException {
            PortCall.write(state, out);
            }

            @Override
            public PortCall read(StateIn in, VesselId vessel) throws IOException {
            return PortCall.read(in, vessel);
            }
        };
    }

    @Override
    public Step<PortCall> step(PortCall call, Fix fix, DetectorContext ctx) {
        if (!fix.isGeo()) {
            return Step.quiet(call);
        }
        long millis = fix.time().toEpochMilli();
        if (millis < call.changedAtMillis()) {
            return Step.quiet(call);
        }
        Step<PortCall> confirmation = null;
        PortCall current = call;
        if (current.stopping() && millis >= dueMillis(current)) {
            confirmation = confirm(current, ctx); // the same event the timer sweep would have given
            current = confirmation.state();
        }
        Step<PortCall> step = current.state().inPort() ? inPort(current, fix, millis, ctx)
                : atSea(current, fix, millis, ctx);
        if (confirmation == null || confirmation.events().isEmpty()) {
            return step;
        }
        List<Event> events = new ArrayList<>(confirmation.events());
        events.addAll(step.events());
        return new Step<>(step.state(), events);
    }

    @Override
    public long wakeAtMillis(PortCall call) {
        return call.stopping() ? dueMillis(call) : NO_TIMER;
    }

    @Override
    public Step<PortCall> onTime(PortCall call, VesselId vessel, long nowMillis, DetectorContext ctx) {
        if (call.stopping() && nowMillis >= dueMillis(call)) {
            return confirm(call, ctx);
        }
        return Step.quiet(call);
    }

    private Step<PortCall> atSea(PortCall call, Fix fix, long millis, DetectorContext ctx) {
        List<ZoneHit> hits = ctx.zones();
        ZoneHit port = callZone(hits, settings.entryMetres());
        if (port == null) {
            return Step.quiet(call.neverSeen() ? call.seenAt(millis) : call);
        }
        Outcome<PortCallState, PortCallTrigger> outcome = MACHINE.fire(call.state(), PortCallTrigger.ARRIVE, call);
        Zone zone = port.zone();
        PortCall next = PortCall.arrived(zone.id(), zone.name(), zone.kind(), millis, call.neverSeen());
        if (settings.stops(fix)) {
            next = next.withStop(millis, fix, StopBasis.of(hits, fix), millis);
        }
        Map<String, Object> details = Map.of("portZoneId", zone.id(), "portName", zone.name(),
                "portZoneKind", zone.kind().wireName(), "distanceMetres", Math.round(port.distanceMetres()),
                "firstSeenInPort", call.neverSeen());
        return Step.of(next, event(PORT_ARRIVAL, call.state(), outcome.state(), fix, millis, ctx, details,
                zone.id()));
    }

    private Step<PortCall> inPort(PortCall arrived, Fix fix, long millis, DetectorContext ctx) {
        PortCall call = arrived;
        List<ZoneHit> hits = ctx.zones();
        if (!anyCallZoneWithin(hits, settings.exitMetres())) {
            return depart(call, fix, millis, ctx);
        }
        if (call.portKind() != ZoneKind.PORT) {
            call = withPortZoneIfNear(call, hits, millis);
        }
        double knots = fix.sogKnots();
        if (Double.isNaN(knots)) {
            return Step.quiet(call);
        }
        if (call.state() == AT_ANCHOR || call.state() == BERTHED) {
            return settings.moves(fix) ? move(call, fix, millis, ctx) : Step.quiet(call);
        }
        if (!call.stopping()) {
            return settings.stops(fix)
                    ? Step.quiet(call.withStop(millis, fix, StopBasis.of(hits, fix), millis)) : Step.quiet(call);
        }
        if (settings.moves(fix)) {
            return Step.quiet(call.withoutStop(millis));
        }
        StopBasis basis = StopBasis.of(hits, fix); // still stopped: the latest zones and status decide
        return basis == call.stopBasis() ? Step.quiet(call)
                : Step.quiet(call.withStop(call.stopStartMillis(), call.stopFix(), basis, millis));
    }

    /**
     * A call that began at an anchorage or berth belongs to the first PORT zone it comes within the
     * entry distance of (an anchorage lies off its port): later events name the port.
     */
    private PortCall withPortZoneIfNear(PortCall call, List<ZoneHit> hits, long millis) {
        for (int i = 0; i < hits.size(); i++) {
            ZoneHit hit = hits.get(i);
            if (hit.zone().kind() == ZoneKind.PORT && hit.distanceMetres() <= settings.entryMetres()) {
                return call.withPort(hit.zone().id(), hit.zone().name(), ZoneKind.PORT, millis);
            }
        }
        return call;
    }

    private Step<PortCall> confirm(PortCall call, DetectorContext ctx) {
        long due = dueMillis(call);
        StopBasis basis = Objects.requireNonNull(call.stopBasis(), "stopBasis");
        Fix cause = Objects.requireNonNull(call.stopFix(), "stopFix");
        PortCallTrigger trigger = basis.anchored() ? PortCallTrigger.ANCHOR : PortCallTrigger.BERTH;
        Outcome<PortCallState, PortCallTrigger> outcome = MACHINE.fire(call.state(), trigger, call);
        if (!outcome.changed()) {
            return Step.quiet(call.withoutStop(due)); // unreachable: only IN_PORT and UNBERTHED time stops
        }
        PortCall next = call.confirmed(outcome.state(), due);
        Map<String, Object> details = basis.anchored()
                ? Map.of("portZoneId", call.portId(), "portName", call.portName(),
                        "portZoneKind", kindName(call), "basis", basis.wireName(),
                        "stopStartedAt", Instant.ofEpochMilli(call.stopStartMillis()).toString())
                : Map.of("portZoneId", call.portId(), "portName", call.portName(),
                        "portZoneKind", kindName(call), "basis", basis.wireName(),
                        "stopStartedAt", Instant.ofEpochMilli(call.stopStartMillis()).toString(),
                        "waitingSeconds", call.waitingMillis() / 1000);
        String type = basis.anchored() ? AT_ANCHOR_EVENT : BERTHED_EVENT;
        return Step.of(next, event(type, call.state(), outcome.state(), cause, due, ctx, details, call.portId()));
    }

    private Step<PortCall> move(PortCall call, Fix fix, long millis, DetectorContext ctx) {
        Outcome<PortCallState, PortCallTrigger> outcome = MACHINE.fire(call.state(), PortCallTrigger.MOVE, call);
        boolean anchor = call.state() == AT_ANCHOR;
        Map<String, Object> details = Map.of("portZoneId", call.portId(), "portName", call.portName(),
                "portZoneKind", kindName(call), anchor ? "anchorSeconds" : "berthSeconds",
                call.periodMillis(millis) / 1000);
        PortCall next = call.periodEnded(outcome.state(), millis);
        return Step.of(next, event(anchor ? UNANCHORED : UNBERTHED_EVENT, call.state(), outcome.state(), fix,
                millis, ctx, details, call.portId()));
    }

    private Step<PortCall> depart(PortCall call, Fix fix, long millis, DetectorContext ctx) {
        Outcome<PortCallState, PortCallTrigger> outcome = MACHINE.fire(call.state(), PortCallTrigger.DEPART, call);
        PortCall closed = call.periodEnded(AT_SEA, millis); // an open anchor or berth period ends here
        Map<String, Object> details = Map.of("portZoneId", call.portId(), "portName", call.portName(),
                "portZoneKind", kindName(call), "durationSeconds", (millis - call.callStartMillis()) / 1000,
                "waitingSeconds", closed.waitingMillis() / 1000, "anchorSeconds", closed.anchorMillis() / 1000,
                "berthSeconds", closed.berthMillis() / 1000, "firstSeenInPort", call.firstSeenInPort());
        return Step.of(PortCall.atSea(millis), event(PORT_DEPARTURE, call.state(), outcome.state(), fix, millis,
                ctx, details, call.portId()));
    }

    private long dueMillis(PortCall call) {
        return call.stopStartMillis() + settings.stopMillis();
    }

    private static Event event(String type, PortCallState from, PortCallState to, Fix cause, long millis,
                               DetectorContext ctx, Map<String, Object> details, @Nullable String key) {
        Instant time = millis == cause.time().toEpochMilli() ? cause.time() : Instant.ofEpochMilli(millis);
        return Event.at(type, NAME, from.wireName(), to.wireName(), cause, time, ctx.wallClock(), details,
                key == null ? "" : key);
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
