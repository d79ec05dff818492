package io.watchkeeper.core.detect.portcall;

import java.util.Locale;

/** Where a vessel is in a port call. */
public enum PortCallState {
    /** Not in any port: farther than the exit distance from every port, anchorage and berth. */
    AT_SEA,
    /** Arrived, not yet berthed (moving in port, or after weighing anchor before berthing). */
    IN_PORT,
    /** Stopped for the stop duration, classified as anchored. */
    AT_ANCHOR,
    /** Stopped for the stop duration, classified as berthed (moored). */
    BERTHED,
    /** Moving in port again after having berthed in this call. */
    UNBERTHED;

    /** As on the wire ({@code body.from}/{@code body.to}): {@code at_anchor}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True in the states of a call (all but AT_SEA). */
    public boolean inPort() {
        return this != AT_SEA;
    }
}
