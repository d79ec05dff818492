package io.watchkeeper.server.output.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.event.Event;
import java.sql.SQLDataException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchingEventSinkTest {

    private static final BatchingEventSink.Settings FAST = BatchingEventSink.Settings.defaults()
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));

    @Test
    void concurrentProducersLoseNothingAndEachProducersOrderIsKept() throws Exception {
        InMemoryEventStore store = new InMemoryEventStore();
        int producers = 4;
        int perProducer = 10_000;
        // the default queue (65,536) holds the whole burst: nothing is dropped while there is room
        try (BatchingEventSink sink = BatchingEventSink.start(store, FAST)) {
            ExecutorService pool = Executors.newFixedThreadPool(producers);
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        sink.accept(TestEvents.event(producer + "-" + i, TestEvents.T0.plusMillis(i)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            sink.flush();

            assertThat(store.count()).isEqualTo((long) producers * perProducer);
            BatchingEventSink.Stats stats = sink.stats();
            assertThat(stats.accepted()).isEqualTo(producers * perProducer);
            assertThat(stats.dropped()).isZero();
            assertThat(stats.appended()).isEqualTo(producers * perProducer);
            assertThat(stats.queueDepth()).isZero();
            assertThat(store.batchSizes()).allSatisfy(n -> assertThat(n).isBetween(1, FAST.maxBatch()));
        }
        int[] next = new int[producers];
        for (Event e : store.events()) {
            String[] parts = e.eventId().split("-");
            int producer = Integer.parseInt(parts[0]);
            assertThat(Integer.parseInt(parts[1])).as("order of producer %d", producer).isEqualTo(next[producer]++);
        }
    }

    @Test
    void closeDrainsWhatIsQueued() {
        InMemoryEventStore store = new InMemoryEventStore();
        BatchingEventSink sink = BatchingEventSink.start(store, FAST);
        for (int i = 0; i < 5_000; i++) {
            sink.accept(TestEvents.event("e" + i, TestEvents.T0));
        }
        sink.close();

        assertThat(store.count()).isEqualTo(5_000);
        assertThat(sink.stats().unstored()).isZero();
        assertThat(store.closed()).as("the sink does not own the store").isFalse();
        assertThatThrownBy(() -> sink.accept(TestEvents.event("late", TestEvents.T0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aFailingStoreIsRetriedUntilItRecoversAndNothingIsLost() {
        InMemoryEventStore store = new InMemoryEventStore();
        store.failNext(5);
        try (BatchingEventSink sink = BatchingEventSink.start(store, FAST)) {
            for (int i = 0; i < 1_000; i++) {
                sink.accept(TestEvents.event("e" + i, TestEvents.T0));
            }
            sink.flush();

            assertThat(store.count()).isEqualTo(1_000);
            assertThat(sink.stats().failures()).isEqualTo(5);
            assertThat(sink.stats().appended()).isEqualTo(1_000);
        }
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingTheProducer() throws Exception {
        BlockingStore store = new BlockingStore();
        try (BatchingEventSink sink = BatchingEventSink.start(store, FAST.withCapacity(2).withMaxBatch(1))) {
            sink.accept(TestEvents.event("taken-by-writer", TestEvents.T0));
            assertThat(store.entered.await(10, TimeUnit.SECONDS)).isTrue();
            sink.accept(TestEvents.event("queued-1", TestEvents.T0));
            sink.accept(TestEvents.event("queued-2", TestEvents.T0));
            assertThat(sink.stats().dropped()).isZero();

            // the writer is stuck and the queue full: accept returns at once, the event is counted as dropped
            sink.accept(TestEvents.event("no-room", TestEvents.T0));
            assertThat(sink.stats().dropped()).isEqualTo(1);

            store.release.countDown();
            sink.flush();
            assertThat(store.inner.events()).extracting(Event::eventId)
                    .containsExactly("taken-by-writer", "queued-1", "queued-2");
            assertThat(sink.stats().accepted()).isEqualTo(3);
        }
    }

    @Test
    void aRefusedRowIsLeftOutAndTheRestOfItsBatchIsStored() {
        InMemoryEventStore inner = new InMemoryEventStore();
        EventStore refusing = new RefusingStore(inner, "bad");
        try (BatchingEventSink sink = BatchingEventSink.start(refusing, FAST.withMaxBatch(100))) {
            for (String id : List.of("a", "b", "bad", "c", "d")) {
                sink.accept(TestEvents.event(id, TestEvents.T0));
            }
            sink.flush();
            sink.accept(TestEvents.event("after", TestEvents.T0));
            sink.flush();
            assertThat(inner.events()).extracting(Event::eventId).containsExactly("a", "b", "c", "d", "after");
            assertThat(sink.stats().rejected()).isEqualTo(1);
            assertThat(sink.stats().failures()).as("a refusal is not retried").isZero();
        }
    }

    @Test
    void flushWaitsForEverythingAcceptedBeforeIt() {
        InMemoryEventStore store = new InMemoryEventStore();
        try (BatchingEventSink sink = BatchingEventSink.start(store, FAST.withMaxBatch(7))) {
            Set<String> ids = new HashSet<>();
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 13; i++) {
                    String id = round + "-" + i;
                    ids.add(id);
                    sink.accept(TestEvents.event(id, TestEvents.T0));
                }
                sink.flush();
                assertThat(store.count()).isEqualTo(ids.size());
            }
        }
    }

    @Test
    void closeGivesUpOnADeadStoreAfterItsTimeoutAndCountsWhatWasNotStored() {
        InMemoryEventStore store = new InMemoryEventStore();
        store.failNext(Integer.MAX_VALUE);
        BatchingEventSink sink = BatchingEventSink.start(store,
                FAST.withCloseTimeout(Duration.ofMillis(200)));
        for (int i = 0; i < 10; i++) {
            sink.accept(TestEvents.event("e" + i, TestEvents.T0));
        }
        sink.close();

        assertThat(sink.stats().unstored()).isEqualTo(10);
        assertThat(sink.stats().failures()).isPositive();
        assertThat(store.count()).isZero();
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> BatchingEventSink.Settings.defaults().withCapacity(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchingEventSink.Settings.defaults().withBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** An in-memory store whose appends a test intercepts; everything else goes to {@link #inner}. */
    private abstract static class InterceptedStore implements EventStore {
        final InMemoryEventStore inner;

        InterceptedStore(InMemoryEventStore inner) {
            this.inner = inner;
        }

        @Override
        public EventPage query(EventQuery query) {
            return inner.query(query);
        }

        @Override
        public long count() {
            return inner.count();
        }

        @Override
        public int deleteOlderThan(Instant cutoff) {
            return inner.deleteOlderThan(cutoff);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /** Refuses, as a database refuses a value it cannot store, every batch holding the event {@code badId}. */
    private static final class RefusingStore extends InterceptedStore {
        private final String badId;

        RefusingStore(InMemoryEventStore inner, String badId) {
            super(inner);
            this.badId = badId;
        }

        @Override
        public void append(List<Event> batch) {
            if (batch.stream().anyMatch(e -> e.eventId().equals(badId))) {
                throw EventStoreException.refusal("cannot append " + batch.size() + " events: refused " + badId,
                        new SQLDataException("invalid byte sequence", "22021"));
            }
            inner.append(batch);
        }
    }

    /** Holds the first append until released, so the queue behind it can be filled. */
    private static final class BlockingStore extends InterceptedStore {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        BlockingStore() {
            super(new InMemoryEventStore());
        }

        @Override
        public void append(List<Event> batch) {
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            inner.append(batch);
        }
    }
}
