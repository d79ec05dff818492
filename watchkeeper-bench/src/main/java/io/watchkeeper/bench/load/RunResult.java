package io.watchkeeper.bench.load;

import org.jetbrains.annotations.Nullable;

/**
 * One measured run against one broker.
 *
 * @param target          which broker ({@code embedded}, {@code mosquitto} or the external address)
 * @param mode            raw pass-through or end to end
 * @param sent            publishes the broker acknowledged
 * @param failedPublishes publishes that failed (never silent)
 * @param expected        what must arrive: events (end to end) or the messages sent (raw)
 * @param received        distinct expected items that arrived: an event counts only if the message that
 *                        should cause it (station and {@code position.ts}) caused it with the expected state
 * @param duplicates      extra copies of items that had already arrived (same {@code body.eventId})
 * @param unexpected      distinct events the original rule does not produce for this stream (for example
 *                        from a redelivered position processed twice)
 * @param foreign         arrivals that were not ours (other stations, unparseable)
 * @param publishSeconds  first publish to last acknowledgement
 * @param completeSeconds first publish to the last distinct arrival (NaN if nothing arrived)
 * @param latency         send → arrival of each distinct item (DATA→EVENT, or DATA→DATA when raw)
 * @param engine          the in-process detector's counters after the run, or null
 * @param brokerDropped   messages the broker says it dropped during the run, or -1 if it does not say
 * @param overflow        arrivals beyond the collector's capacity (not analysed; a flood of duplicates)
 * @param reconnects      reconnects of the bench's own clients (publishers, subscriber); the detector's are not visible
 * @param jvmCpuSeconds   CPU time of this JVM from the start of publishing until everything arrived
 *                        (includes the embedded broker when it is the target)
 * @param brokerCpuSeconds CPU time of a broker process started here over the same span, or NaN
 * @param cpuWindowSeconds wall time of that span
 */
public record RunResult(
        String target,
        LoadRun.Mode mode,
        long sent,
        long failedPublishes,
        long expected,
        long received,
        long duplicates,
        long unexpected,
        long foreign,
        double publishSeconds,
        double completeSeconds,
        LatencyStats latency,
        @Nullable String engine,
        long brokerDropped,
        long overflow,
        long reconnects,
        double jvmCpuSeconds,
        double brokerCpuSeconds,
        double cpuWindowSeconds) {

    /** Share of the machine's cores busy (this JVM plus a broker process) from the start of publishing to completion. */
    public double cpuShare() {
        double cpu = jvmCpuSeconds + (Double.isNaN(brokerCpuSeconds) ? 0 : brokerCpuSeconds);
        return cpuWindowSeconds > 0 ? cpu / (cpuWindowSeconds * Runtime.getRuntime().availableProcessors()) : Double.NaN;
    }

    public long lost() {
        return Math.max(0, expected - received);
    }

    /** Messages per second the broker accepted from the publishers. */
    public double inputRate() {
        return publishSeconds > 0 ? sent / publishSeconds : Double.NaN;
    }

    /**
     * Positions per second all the way through: sent / (first publish → last distinct arrival). For a raw
     * run this is the broker's pass-through rate (messages received per second).
     */
    public double throughput() {
        if (!(completeSeconds > 0)) {
            return Double.NaN;
        }
        return (mode == LoadRun.Mode.RAW ? received : sent) / completeSeconds;
    }

    /**
     * CPU microseconds per position sent: this JVM (stations, detector and measuring subscriber when they
     * run in it) plus the broker process when it is a separate one, over the publish-to-complete window.
     */
    public double cpuMicrosPerPosition() {
        double cpu = jvmCpuSeconds + (Double.isNaN(brokerCpuSeconds) ? 0 : brokerCpuSeconds);
        return sent > 0 ? cpu * 1e6 / sent : Double.NaN;
    }
}
