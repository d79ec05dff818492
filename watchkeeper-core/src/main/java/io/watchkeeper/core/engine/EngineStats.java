package io.watchkeeper.core.engine;

/**
 * A point-in-time view of the engine's counters, for logs, status and metrics.
 *
 * @param submitted    fixes accepted by {@link Engine#submit}
 * @param processed    fixes fully handled by workers (skipped ones included)
 * @param queueDepth   fixes waiting in all worker queues (the pair stage's included)
 * @param vessels      vessels tracked (registry size over all partitions)
 * @param backpressureWaits times a producer found a queue full and waited
 * @param sinkFailures fixes whose events a sink refused with an exception
 * @param outOfOrder   fixes skipped because they were older than their vessel's last one
 * @param duplicates   fixes skipped because they repeated their vessel's last time and position
 * @param timersFired  detector timers that fired on event-time sweeps
 * @param pairs        pairs of vessels the pair detectors are watching
 * @param evicted      vessels forgotten after a silence longer than {@link StateLimits#evictAfter}
 */
public record EngineStats(long submitted, long processed, long queueDepth, long vessels, long backpressureWaits,
                          long sinkFailures, long outOfOrder, long duplicates, long timersFired, long pairs, long evicted) {
}
