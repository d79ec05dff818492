package io.watchkeeper.core.engine;

/**
 * One vessel in a partition: its detector states and what the partition needs to keep its fixes in
 * order. Mutable, owned by the partition's thread.
 */
final class VesselSlot {

    /** One state per detector, in the detectors' order. */
    final Object[] states;
    /** Watermark index of the source it was last heard from. */
    int source;
    /** Watermark index of the station whose quota counts it: the one it was first heard from. */
    int home;
    /** Event time of the last accepted fix, epoch ms; MIN_VALUE before the first. */
    long lastMillis = Long.MIN_VALUE;
    /** Nanosecond part of that time, so that sub-millisecond timestamps still order. */
    int lastNanos;
    /** A hash of the last accepted position, to tell a redelivery from a second report. */
    long lastPositionBits;

    VesselSlot(Object[] states) {
        this.states = states;
    }
}
