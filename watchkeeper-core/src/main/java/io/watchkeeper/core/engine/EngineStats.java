package io.watchkeeper.core.engine;

/**
 * A point-in-time view of the engine's counters, for logs, status and metrics.
 *
 * @param submitted    fixes accepted by {@link Engine#submit}
 * @param processed    fixes fully handled by workers
 * @param queueDepth   fixes waiting in all worker queues
 * @param vessels      vessels tracked (registry size over all partitions)
 * @param backpressureWaits times a producer found a queue full and waited
 * @param sinkFailures fixes whose events a sink refused with an exception
 */
public record EngineStats(long submitted, long processed, long queueDepth, long vessels, long backpressureWaits,
                          long sinkFailures) {
}
