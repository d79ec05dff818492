package io.watchkeeper.server.output.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-03-31T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void deletesWhatIsOlderThanTheRetentionBeforeNow() {
        InMemoryEventStore store = new InMemoryEventStore();
        store.append(List.of(
                TestEvents.event("old", NOW.minus(Duration.ofDays(31))),
                TestEvents.event("edge", NOW.minus(Duration.ofDays(30))),
                TestEvents.event("new", NOW.minus(Duration.ofDays(1)))));
        Retention retention = new Retention(store, Duration.ofDays(30), CLOCK);

        assertThat(retention.runOnce()).isEqualTo(1);
        assertThat(store.lastCutoff()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(store.events()).extracting(e -> e.eventId()).containsExactly("edge", "new");
        assertThat(retention.deleted()).isEqualTo(1);
    }

    @Test
    void zeroKeepsEverythingForever() {
        InMemoryEventStore store = new InMemoryEventStore();
        store.append(List.of(TestEvents.event("ancient", Instant.parse("1990-01-01T00:00:00Z"))));
        Retention retention = new Retention(store, Duration.ZERO, CLOCK);

        assertThat(retention.enabled()).isFalse();
        assertThat(retention.runOnce()).isZero();
        assertThat(store.count()).isEqualTo(1);
        assertThatThrownBy(() -> new Retention(store, Duration.ofDays(-1), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scheduledRunsStartAtOnceAndSurviveAFailingRun() throws Exception {
        CountDownLatch twoRuns = new CountDownLatch(2);
        InMemoryEventStore store = new InMemoryEventStore() {
            @Override
            public synchronized int deleteOlderThan(Instant cutoff) {
                twoRuns.countDown();
                if (twoRuns.getCount() == 1) {
                    throw new EventStoreException("database is down (test)");
                }
                return super.deleteOlderThan(cutoff);
            }
        };
        Retention retention = new Retention(store, Duration.ofDays(30), CLOCK);
        ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1);
        try {
            retention.schedule(scheduler, Duration.ofMillis(10));
            assertThat(twoRuns.await(10, TimeUnit.SECONDS)).as("a second run after a failing first").isTrue();
            assertThat(retention.failedRuns()).isEqualTo(1);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
