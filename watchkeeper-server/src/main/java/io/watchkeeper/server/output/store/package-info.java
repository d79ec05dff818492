/**
 * The event store: every detected event, persisted so that a REST API can page through the history.
 *
 * <p>{@link io.watchkeeper.server.output.store.EventStore} is the concept; {@link io.watchkeeper.server.output.store.JdbcEventStore}
 * implements it with plain JDBC for both an embedded SQLite file (the default, {@code ./data/events.db}) and
 * PostgreSQL (given a JDBC URL), on one schema created by {@link io.watchkeeper.server.output.store.Migrations} from
 * {@code db/migration/V<n>__<name>.sql}. Each event keeps the exact JSON that MQTT consumers received.
 *
 * <p>The engine never waits for the database: {@link io.watchkeeper.server.output.store.BatchingEventSink} queues
 * events (dropping and counting them when the bounded queue is full) and one writer thread appends them in
 * batches, retrying a failing database until it recovers and leaving out, row by row, what it refuses. {@link io.watchkeeper.server.output.store.Retention}
 * deletes events older than a configured age.
 */
package io.watchkeeper.server.output.store;
