/**
 * Prometheus metrics for {@code GET /metrics}: {@link io.watchkeeper.server.metrics.WatchkeeperMetrics}
 * owns the Micrometer registry, binds the JVM, and counts messages per topic root, dead letters per reason,
 * events per type, the engine and the MQTT clients. Whatever already keeps a counter is read at scrape time;
 * the rest costs a {@link java.util.concurrent.atomic.LongAdder} increment on the hot path.
 * {@link io.watchkeeper.server.metrics.EventTimeWatermark} is the engine fix tap behind the event-time lag.
 * Every series is listed in {@code docs/metrics.md}.
 */
package io.watchkeeper.server.metrics;
