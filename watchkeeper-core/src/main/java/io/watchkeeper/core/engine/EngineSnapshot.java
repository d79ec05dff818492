package io.watchkeeper.core.engine;

import io.watchkeeper.core.fix.VesselId;
import java.util.List;
import java.util.Objects;

/**
 * Everything the engine knows at a barrier: each vessel's detector states and ordering marks, each
 * source's watermark, and the pair detectors' state as bytes. Taken by {@link Engine#barrier} and
 * given back to {@link Engine#start(EngineConfig, DetectionSetup, io.watchkeeper.core.event.EventSink,
 * io.watchkeeper.core.deadletter.DeadLetterSink, java.time.Clock, EngineSnapshot)} after a restart;
 * {@link SnapshotCodec} turns it into bytes and back.
 *
 * <p>The per-vessel states are the detectors' own immutable records, copied by reference at the
 * barrier, so encoding can happen on another thread while the engine goes on.
 *
 * @param wallMillis     wall-clock time of the barrier
 * @param partitions     how many partitions (workers) the engine had
 * @param detectorNames  names of the per-vessel detectors, in the order of each vessel's states
 * @param vessels        every vessel the engine knew
 * @param sites          each partition's watermark and sweep schedule per source
 * @param pairs          the pair stage's clock and each pair detector's state
 * @param input          what the inputs held at the cut (part of a message, static data), in their own
 *                       format; the engine only carries it, so that one file holds one consistent cut
 */
public record EngineSnapshot(long wallMillis, int partitions, List<String> detectorNames, List<VesselRecord> vessels,
                             List<SiteMark> sites, PairState pairs, byte[] input) {

    private static final byte[] NO_INPUT = new byte[0];

    public EngineSnapshot {
        detectorNames = List.copyOf(detectorNames);
        vessels = List.copyOf(vessels);
        sites = List.copyOf(sites);
        Objects.requireNonNull(pairs, "pairs");
        Objects.requireNonNull(input, "input");
    }

    public EngineSnapshot(long wallMillis, int partitions, List<String> detectorNames, List<VesselRecord> vessels,
                          List<SiteMark> sites, PairState pairs) {
        this(wallMillis, partitions, detectorNames, vessels, sites, pairs, NO_INPUT);
    }

    /** This snapshot with the inputs' state added (a copy of {@code state}). */
    public EngineSnapshot withInput(byte[] state) {
        return new EngineSnapshot(wallMillis, partitions, detectorNames, vessels, sites, pairs, state.clone());
    }

    /** The inputs' state (a copy). */
    @Override
    public byte[] input() {
        return input.clone();
    }

    /**
     * One vessel.
     *
     * @param site             the source it was last heard from
     * @param lastMillis       event time of its last accepted fix (epoch ms)
     * @param lastNanos        sub-millisecond part of that time
     * @param lastPositionBits hash of the last accepted position, to recognise a redelivery
     * @param states           one state per detector in {@link EngineSnapshot#detectorNames()} order
     */
    public record VesselRecord(VesselId vessel, String site, long lastMillis, int lastNanos, long lastPositionBits,
                               Object[] states) {
    }

    /**
     * Where one partition stood for one source: its latest event time there, and the event time at
     * which its next timer sweep is due ({@code Long.MIN_VALUE}: at the next fix). The wall time the
     * watermark advanced at is not kept: downtime is not event time, so a restored engine's wall-clock
     * fallback counts from its start, and no timer fires because the engine was down.
     */
    public record SiteMark(String site, int partition, long eventMillis, long nextSweepMillis) {
    }

    /**
     * The pair stage.
     *
     * @param watermarkMillis furthest event time it has seen
     * @param nextSweepMillis event time of its next timer sweep
     * @param names           pair detector names
     * @param states          each pair detector's state, as written by its {@code writeState}
     */
    public record PairState(long watermarkMillis, long nextSweepMillis, List<String> names, List<byte[]> states) {

        public static final PairState NONE = new PairState(Long.MIN_VALUE, Long.MIN_VALUE, List.of(), List.of());

        public PairState {
            names = List.copyOf(names);
            states = List.copyOf(states);
        }
    }
}
