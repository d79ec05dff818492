package io.watchkeeper.server.output.store;

import static io.watchkeeper.server.output.store.TestEvents.T0;
import static io.watchkeeper.server.output.store.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.mqtt.wire.EventJson;
import io.watchkeeper.server.output.store.TestDatabases.Backend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link JdbcEventStore} against a real SQLite file under {@code target/} and a real PostgreSQL started for
 * this class (see {@link PostgresCluster}); every test runs on both, each on a fresh database.
 */
class JdbcEventStoreIT {

    private static final TestDatabases DATABASES = new TestDatabases(Path.of("target", "store-it"));
    private static final Clock CLOCK = Clock.systemUTC();

    @AfterAll
    static void stopPostgres() throws Exception {
        DATABASES.close();
    }

    private static List<String> ids(EventPage page) {
        return page.events().stream().map(StoredEvent::eventId).toList();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void storesEachEventWithItsColumnsAndTheExactWireJson(Backend backend) throws Exception {
        Event e = event("e1", "PORT1", "3", "STATETRANSITION", Instant.parse("2026-03-01T12:00:00.123456789Z"));
        try (JdbcEventStore store = JdbcEventStore.open(DATABASES.freshUrl(backend))) {
            store.append(List.of(e));

            StoredEvent s = store.query(EventQuery.all()).events().get(0);
            assertThat(s).isEqualTo(new StoredEvent("e1", "STATETRANSITION", "PORT1", "PORT1/3", "boat", "moving",
                    "resting", Instant.parse("2026-03-01T12:00:00.123456Z"),
                    Instant.parse("2026-03-01T12:00:00.130456Z"),
                    new String(new EventJson().encode(e), StandardCharsets.UTF_8)));
            assertThat(s.json()).contains("\"boat_id\":3", "\"eventId\":\"e1\"");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eachFilterNarrowsTheResult(Backend backend) throws Exception {
        try (JdbcEventStore store = JdbcEventStore.open(DATABASES.freshUrl(backend))) {
            store.append(List.of(
                    event("a", "PORT1", "1", "STATETRANSITION", T0),
                    event("b", "PORT1", "2", "PORT_ARRIVAL", T0.plusSeconds(10)),
                    event("c", "PORT2", "1", "STATETRANSITION", T0.plusSeconds(20)),
                    event("d", "PORT1", "1", "GAP_START", T0.plusSeconds(30))));

            assertThat(ids(store.query(EventQuery.all()))).containsExactly("a", "b", "c", "d");
            assertThat(ids(store.query(EventQuery.all().withVesselKey("PORT1/1")))).containsExactly("a", "d");
            assertThat(ids(store.query(EventQuery.all().withType("STATETRANSITION")))).containsExactly("a", "c");
            assertThat(ids(store.query(EventQuery.all().withSite("PORT1")))).containsExactly("a", "b", "d");
            assertThat(ids(store.query(EventQuery.all().withSince(T0.plusSeconds(10))))).containsExactly("b", "c", "d");
            assertThat(ids(store.query(EventQuery.all().withUntil(T0.plusSeconds(20))))).containsExactly("a", "b");
            assertThat(ids(store.query(EventQuery.all().withSite("PORT1").withType("STATETRANSITION")
                    .withSince(T0).withUntil(T0.plusSeconds(31))))).containsExactly("a");
            assertThat(ids(store.query(EventQuery.all().withVesselKey("PORT9/9")))).isEmpty();
            assertThat(ids(store.query(EventQuery.all().withOrder(EventQuery.Order.NEWEST_FIRST))))
                    .containsExactly("d", "c", "b", "a");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void pagesCoverEveryEventOnceEvenWhenTimestampsAreEqual(Backend backend) throws Exception {
        List<Event> events = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            for (int i = 0; i < 7; i++) { // 7 events share each timestamp: pages split them
                String id = "id-" + t + "-" + (char) ('a' + i);
                events.add(event(id, T0.plusSeconds(t)));
                expected.add(id);
            }
        }
        java.util.Collections.shuffle(events, new java.util.Random(1));
        try (JdbcEventStore store = JdbcEventStore.open(DATABASES.freshUrl(backend))) {
            store.append(events);

            assertThat(readAllPages(store, EventQuery.all().withLimit(3))).containsExactlyElementsOf(expected);
            List<String> newestFirst = readAllPages(store,
                    EventQuery.all().withLimit(4).withOrder(EventQuery.Order.NEWEST_FIRST));
            List<String> reversed = new ArrayList<>(expected);
            java.util.Collections.reverse(reversed);
            assertThat(newestFirst).containsExactlyElementsOf(reversed);
            EventPage exact = store.query(EventQuery.all().withLimit(35));
            assertThat(exact.events()).hasSize(35);
            assertThat(exact.nextCursor()).as("no further page").isEmpty();
        }
    }

    private static List<String> readAllPages(EventStore store, EventQuery first) {
        List<String> all = new ArrayList<>();
        EventQuery q = first;
        for (int pages = 0; pages < 100; pages++) {
            EventPage page = store.query(q);
            all.addAll(ids(page));
            assertThat(page.events().size()).isLessThanOrEqualTo(q.limit());
            Optional<String> next = page.nextCursor();
            if (next.isEmpty()) {
                return all;
            }
            q = q.withCursor(next.get());
        }
        throw new AssertionError("pagination did not end");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void duplicatesAreIgnoredWithinABatchAndAcrossBatches(Backend backend) throws Exception {
        try (JdbcEventStore store = JdbcEventStore.open(DATABASES.freshUrl(backend))) {
            store.append(List.of(event("x", T0), event("y", T0), event("x", T0)));
            store.append(List.of(event("y", T0), event("z", T0.plusSeconds(1))));

            assertThat(store.count()).isEqualTo(3);
            assertThat(ids(store.query(EventQuery.all()))).containsExactly("x", "y", "z");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void reopeningTheSameDatabaseKeepsTheHistory(Backend backend) throws Exception {
        String url = DATABASES.freshUrl(backend);
        try (JdbcEventStore store = JdbcEventStore.open(url)) {
            store.append(List.of(event("before-restart", T0)));
        }
        try (JdbcEventStore store = JdbcEventStore.open(url)) {
            store.append(List.of(event("after-restart", T0.plusSeconds(1))));
            assertThat(ids(store.query(EventQuery.all()))).containsExactly("before-restart", "after-restart");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void migrationsRunOnceAndANewerDatabaseIsRefused(Backend backend) throws Exception {
        String url = DATABASES.freshUrl(backend);
        JdbcEventStore.open(url).close();
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(Migrations.currentVersion(c)).isEqualTo(2);
            assertThat(Migrations.bundled().apply(c, CLOCK)).as("nothing left to apply").isZero();

            List<Migrations.Migration> three = new java.util.ArrayList<>(Migrations.bundled().list());
            three.add(new Migrations.Migration(3, "vessel_names", "CREATE TABLE vessel_names (vessel_key TEXT);"));
            Migrations withV3 = new Migrations(three);
            assertThat(withV3.apply(c, CLOCK)).isEqualTo(1);
            assertThat(withV3.apply(c, CLOCK)).isZero();
            assertThat(Migrations.currentVersion(c)).isEqualTo(3);
        }
        assertThatThrownBy(() -> JdbcEventStore.open(url))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("schema is version 3, newer than this Watchkeeper knows (2)");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFailingMigrationLeavesNoTrace(Backend backend) throws Exception {
        String url = DATABASES.freshUrl(backend);
        JdbcEventStore.open(url).close();
        List<Migrations.Migration> withBroken = new java.util.ArrayList<>(Migrations.bundled().list());
        withBroken.add(new Migrations.Migration(3, "broken", "CREATE TABLE half_done (a INT);\nTHIS IS NOT SQL;"));
        Migrations broken = new Migrations(withBroken);
        try (Connection c = DriverManager.getConnection(url)) {
            assertThatThrownBy(() -> broken.apply(c, CLOCK)).hasMessageContaining("V3__broken failed and was rolled back");
            assertThat(Migrations.currentVersion(c)).isEqualTo(2);
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM half_done")).as("DDL rolled back too")
                        .isInstanceOf(java.sql.SQLException.class);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void retentionDeletesOnlyOlderEvents(Backend backend) throws Exception {
        try (JdbcEventStore store = JdbcEventStore.open(DATABASES.freshUrl(backend))) {
            store.append(List.of(event("old", T0.minus(Duration.ofDays(31))),
                    event("cutoff", T0.minus(Duration.ofDays(30))), event("new", T0)));
            Retention retention = new Retention(store, Duration.ofDays(30), Clock.fixed(T0, java.time.ZoneOffset.UTC));

            assertThat(retention.runOnce()).isEqualTo(1);
            assertThat(ids(store.query(EventQuery.all()))).containsExactly("cutoff", "new");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theBatchingSinkStoresEverythingFromConcurrentProducers(Backend backend) throws Exception {
        int producers = 4;
        int perProducer = 10_000;
        try (JdbcEventStore store = JdbcEventStore.open(DATABASES.freshUrl(backend))) {
            long start = System.nanoTime();
            try (BatchingEventSink sink = BatchingEventSink.start(store, BatchingEventSink.Settings.defaults())) {
                ExecutorService pool = Executors.newFixedThreadPool(producers);
                List<Future<?>> done = new ArrayList<>();
                for (int p = 0; p < producers; p++) {
                    int producer = p;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perProducer; i++) {
                            sink.accept(event("p" + producer + "-" + i, "PORT1", String.valueOf(producer),
                                    "STATETRANSITION", T0.plusMillis(i)));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get(120, TimeUnit.SECONDS);
                }
                pool.shutdown();
                // close() drains: no flush() before it, on purpose
                sink.close();
                long micros = (System.nanoTime() - start) / 1_000;
                BatchingEventSink.Stats stats = sink.stats();
                System.out.printf("%s: %d events through BatchingEventSink in %d batches, %.0f events/s "
                                + "(dropped %d)%n", backend, stats.appended(), stats.batches(),
                        stats.appended() * 1e6 / micros, stats.dropped());
                assertThat(stats.unstored()).isZero();
            }
            assertThat(store.count()).isEqualTo((long) producers * perProducer);
            assertThat(store.query(EventQuery.all().withVesselKey("PORT1/2").withLimit(1)
                    .withOrder(EventQuery.Order.NEWEST_FIRST)).events().get(0).eventId()).isEqualTo("p2-9999");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void directBatchedAppendThroughput(Backend backend) throws Exception {
        int total = 20_000;
        int batchSize = 500;
        try (JdbcEventStore store = JdbcEventStore.open(DATABASES.freshUrl(backend))) {
            long start = System.nanoTime();
            for (int b = 0; b < total / batchSize; b++) {
                List<Event> batch = new ArrayList<>(batchSize);
                for (int i = 0; i < batchSize; i++) {
                    batch.add(event("t-" + b + "-" + i, T0.plusMillis(b * (long) batchSize + i)));
                }
                store.append(batch);
            }
            long micros = (System.nanoTime() - start) / 1_000;
            System.out.printf("%s: %d events appended in batches of %d, %.0f events/s%n", backend, total, batchSize,
                    total * 1e6 / micros);
            assertThat(store.count()).isEqualTo(total);
        }
    }

    @org.junit.jupiter.api.Test
    void postgresRestartingUnderTheSinkLosesNothing() throws Exception {
        PostgresCluster cluster = DATABASES.postgres();
        try (JdbcEventStore store = JdbcEventStore.open(cluster.createDatabase());
             BatchingEventSink sink = BatchingEventSink.start(store, BatchingEventSink.Settings.defaults()
                     .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500)))) {
            for (int i = 0; i < 1_000; i++) {
                sink.accept(event("before-" + i, T0.plusMillis(i)));
            }
            sink.flush();
            cluster.stopServer();
            for (int i = 0; i < 1_000; i++) {
                sink.accept(event("during-" + i, T0.plusSeconds(10).plusMillis(i)));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> sink.stats().failures() > 0);
            cluster.startAgain();
            sink.flush();

            assertThat(store.count()).isEqualTo(2_000);
            assertThat(sink.stats().appended()).isEqualTo(2_000);
        }
    }

    @org.junit.jupiter.api.Test
    void sqlitePagesThroughAVesselsEventsByIndexWithoutSorting() throws Exception {
        String url = DATABASES.freshUrl(Backend.SQLITE);
        JdbcEventStore.open(url).close();
        for (EventQuery.Order order : EventQuery.Order.values()) {
            QuerySql sql = QuerySql.of(EventQuery.all().withVesselKey("PORT1/1").withOrder(order)
                    .withCursor(new PageCursor(5, "x").encode()));
            StringBuilder plan = new StringBuilder();
            try (Connection c = DriverManager.getConnection(url);
                 java.sql.PreparedStatement p = c.prepareStatement("EXPLAIN QUERY PLAN " + sql.text())) {
                for (int i = 0; i < sql.parameters().size(); i++) {
                    p.setObject(i + 1, sql.parameters().get(i));
                }
                try (java.sql.ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        plan.append(r.getString("detail")).append('\n');
                    }
                }
            }
            assertThat(plan.toString()).as(order.toString()).contains("USING INDEX events_vessel_time")
                    .contains("event_time_us").doesNotContain("TEMP B-TREE");
        }
    }
}
