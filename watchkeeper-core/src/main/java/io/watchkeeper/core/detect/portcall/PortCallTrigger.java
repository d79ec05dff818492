package io.watchkeeper.core.detect.portcall;

/** What the port-call detector tells its machine; it decides them from zones, speed and time. */
public enum PortCallTrigger {
    /** Within the entry distance of a port, anchorage or berth. */
    ARRIVE,
    /** A stop lasted the stop duration and is classified as anchored. */
    ANCHOR,
    /** A stop lasted the stop duration and is classified as berthed. */
    BERTH,
    /** Faster than the move speed after a confirmed stop. */
    MOVE,
    /** Farther than the exit distance from every port, anchorage and berth. */
    DEPART
}
