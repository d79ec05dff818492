package io.watchkeeper.core.detect.portcall;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.IOException;
import org.jetbrains.annotations.Nullable;

/**
 * Per-vessel data of the {@link PortCallDetector}'s machine besides its state ({@link PortCallState}, kept
 * by the machine's place): a few primitives and references to objects that exist anyway (the zone set's
 * id and name strings, the fix where the current stop began).
 *
 * @param portId           id of the zone the call belongs to (null at sea)
 * @param portName         its name (null at sea)
 * @param portKind         its kind: PORT, else ANCHORAGE, else BERTH (null at sea)
 * @param callStartMillis  event time of PORT_ARRIVAL ({@link #NONE} at sea)
 * @param firstSeenInPort  the call began at the vessel's first fix, so the real arrival was earlier
 * @param stopStartMillis  event time the current unconfirmed stop began, or {@link #NONE}
 * @param stopFix          the fix where it began: the cause of the confirmation event (null if none)
 * @param stopBasis        how the stop will be classified if it lasts (null if none)
 * @param phaseStartMillis start of the current AT_ANCHOR or BERTHED period (the stop's start)
 * @param waitingMillis    time at anchor in this call before the first berthing
 * @param anchorMillis     time at anchor in this call, closed periods only
 * @param berthMillis      time berthed in this call, closed periods only
 * @param changedAtMillis  event time of the last change ({@link #NONE} before the first geographic fix);
 *                         older fixes are ignored, so that a late fix never gives a negative duration
 */
public record PortCall(@Nullable String portId, @Nullable String portName,
                       @Nullable ZoneKind portKind, long callStartMillis, boolean firstSeenInPort,
                       long stopStartMillis, @Nullable Fix stopFix, @Nullable StopBasis stopBasis,
                       long phaseStartMillis, long waitingMillis, long anchorMillis, long berthMillis,
                       long changedAtMillis) {

    /** "No such time". */
    public static final long NONE = Long.MIN_VALUE;

    /** A vessel never seen: at sea. */
    public static final PortCall INITIAL = atSea(NONE);

    public PortCall {
        if ((portId == null) != (portName == null) || (portId == null) != (portKind == null)) {
            throw new IllegalArgumentException("portId, portName and portKind are set together");
        }
        if ((stopStartMillis == NONE) != (stopFix == null) || (stopFix == null) != (stopBasis == null)) {
            throw new IllegalArgumentException("stopStartMillis, stopFix and stopBasis are set together");
        }
    }

    /** At sea, last changed at {@code millis}. */
    static PortCall atSea(long millis) {
        return new PortCall(null, null, null, NONE, false, NONE, null, null, NONE, 0, 0, 0,
                millis);
    }

    /** A new call at {@code port}, arrived at {@code millis}. */
    static PortCall arrived(String portId, String portName, ZoneKind portKind, long millis, boolean firstSeen) {
        return new PortCall(portId, portName, portKind, millis, firstSeen, NONE, null, null,
                NONE, 0, 0, 0, millis);
    }

    private static final int HAS_PORT = 1;
    private static final int FIRST_SEEN = 2;
    private static final int HAS_STOP = 4;

    /**
     * Checkpoint form, after the machine's state (see {@link PortCallDetector#codec()}): flags (1 byte), the last change in full (6), the other times relative
     * to it and the three totals as varints (1 to 4 bytes each); in port also the port's id, name and
     * kind, and while a stop is timed its fix (without vessel) and basis. About 12 bytes at sea, 40 in
     * port, 85 while stopping. Enums by ordinal (see {@link StateOut#writeEnum}).
     */
    static void write(PortCall c, StateOut out) throws IOException {
        out.writeByte((c.portId != null ? HAS_PORT : 0) | (c.firstSeenInPort ? FIRST_SEEN : 0)
                | (c.stopFix != null ? HAS_STOP : 0));
        out.writeTimeMillis(c.changedAtMillis, NONE);
        if (c.portId != null) {
            out.writeShortString(c.portId);
            out.writeShortString(c.portName);
            out.writeEnum(c.portKind);
        }
        out.writeTimeMillis(c.callStartMillis, c.changedAtMillis);
        out.writeTimeMillis(c.phaseStartMillis, c.changedAtMillis);
        out.writeVarLong(c.waitingMillis);
        out.writeVarLong(c.anchorMillis);
        out.writeVarLong(c.berthMillis);
        if (c.stopFix != null) {
            out.writeTimeMillis(c.stopStartMillis, c.changedAtMillis);
            out.writeFixOf(c.stopFix);
            out.writeEnum(c.stopBasis);
        }
    }

    /**
     * Reads what {@link #write} wrote. Unlike a zone presence, a call whose port zone is gone is kept:
     * the call ends by distance from every port zone, and its departure still names the port it was.
     * When the zone is still loaded, its own id and name strings are used, as a live call would.
     */
    static PortCall read(StateIn in, VesselId vessel) throws IOException {
        int flags = in.readByte();
        if ((flags & ~(HAS_PORT | FIRST_SEEN | HAS_STOP)) != 0) {
            throw new IOException("corrupt checkpoint: port call flags " + flags);
        }
        long changed = in.readTimeMillis(NONE);
        String portId = null;
        String portName = null;
        ZoneKind portKind = null;
        if ((flags & HAS_PORT) != 0) {
            portId = in.readRequiredString();
            portName = in.readRequiredString();
            portKind = in.readRequiredEnum(ZoneKind.values());
            Zone zone = in.zone(portId);
            if (zone != null) {
                portId = zone.id();
                portName = zone.name().equals(portName) ? zone.name() : portName;
            }
        }
        long callStart = in.readTimeMillis(changed);
        long phaseStart = in.readTimeMillis(changed);
        long waiting = in.readVarLong();
        long anchor = in.readVarLong();
        long berth = in.readVarLong();
        long stopStart = NONE;
        Fix stopFix = null;
        StopBasis basis = null;
        if ((flags & HAS_STOP) != 0) {
            stopStart = in.readTimeMillis(changed);
            stopFix = in.readFixOf(vessel);
            basis = in.readRequiredEnum(StopBasis.values());
        }
        try {
            PortCall c = new PortCall(portId, portName, portKind, callStart, (flags & FIRST_SEEN) != 0,
                    stopStart, stopFix, basis, phaseStart, waiting, anchor, berth, changed);
            return c.equals(INITIAL) ? INITIAL : c;
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt checkpoint: " + e.getMessage(), e);
        }
    }

    /** True before the vessel's first geographic fix. */
    public boolean neverSeen() {
        return changedAtMillis == NONE;
    }

    /** True while a stop is being timed (not yet AT_ANCHOR or BERTHED). */
    public boolean stopping() {
        return stopStartMillis != NONE;
    }

    /** True once the vessel, now in {@code state}, has berthed in this call (a berth period lasts at least the stop duration). */
    public boolean hasBerthed(PortCallState state) {
        return berthMillis > 0 || state == PortCallState.BERTHED;
    }

    PortCall seenAt(long millis) {
        return new PortCall(portId, portName, portKind, callStartMillis, firstSeenInPort, stopStartMillis,
                stopFix, stopBasis, phaseStartMillis, waitingMillis, anchorMillis, berthMillis, millis);
    }

    PortCall withPort(String id, String name, ZoneKind kind, long millis) {
        return new PortCall(id, name, kind, callStartMillis, firstSeenInPort, stopStartMillis, stopFix,
                stopBasis, phaseStartMillis, waitingMillis, anchorMillis, berthMillis, millis);
    }

    PortCall withStop(long startMillis, Fix fix, StopBasis basis, long millis) {
        return new PortCall(portId, portName, portKind, callStartMillis, firstSeenInPort, startMillis, fix,
                basis, phaseStartMillis, waitingMillis, anchorMillis, berthMillis, millis);
    }

    PortCall withoutStop(long millis) {
        return new PortCall(portId, portName, portKind, callStartMillis, firstSeenInPort, NONE, null, null,
                phaseStartMillis, waitingMillis, anchorMillis, berthMillis, millis);
    }

    /** The stop is confirmed: the AT_ANCHOR or BERTHED period began with the stop. */
    PortCall confirmed(long millis) {
        return new PortCall(portId, portName, portKind, callStartMillis, firstSeenInPort, NONE, null, null,
                stopStartMillis, waitingMillis, anchorMillis, berthMillis, millis);
    }

    /** The AT_ANCHOR or BERTHED period the vessel is in ({@code state}) ends at {@code millis}. */
    PortCall periodEnded(PortCallState state, long millis) {
        long period = periodMillis(state, millis);
        boolean anchor = state == PortCallState.AT_ANCHOR;
        boolean berth = state == PortCallState.BERTHED;
        return new PortCall(portId, portName, portKind, callStartMillis, firstSeenInPort, NONE, null, null,
                NONE, waitingMillis + (anchor && !hasBerthed(state) ? period : 0), anchorMillis + (anchor ? period : 0),
                berthMillis + (berth ? period : 0), millis);
    }

    /** Length of the current AT_ANCHOR or BERTHED period at {@code millis}; 0 in other states. */
    long periodMillis(PortCallState state, long millis) {
        boolean inPeriod = state == PortCallState.AT_ANCHOR || state == PortCallState.BERTHED;
        return inPeriod ? Math.max(0, millis - phaseStartMillis) : 0;
    }
}
