package io.watchkeeper.kafka.streams;

import io.watchkeeper.core.fix.VesselId;

/**
 * One vessel in a detection partition: its detector states and what keeps its fixes in order (the
 * in-process engine's slot, with its source by name). Mutable, owned by the task's thread.
 */
final class VesselSlot {

    final VesselId vessel;
    /** One state per detector, in the detectors' order. */
    final Object[] states;
    /** The source (site) it was last heard from. */
    String site;
    /** Event time of the last accepted fix, epoch ms; MIN_VALUE before the first. */
    long lastMillis = Long.MIN_VALUE;
    /** Nanosecond part of that time, so that sub-millisecond timestamps still order. */
    int lastNanos;
    /** A hash of the last accepted position, to tell a redelivery from a second report. */
    long lastPositionBits;

    VesselSlot(VesselId vessel, Object[] states, String site) {
        this.vessel = vessel;
        this.states = states;
        this.site = site;
    }
}
