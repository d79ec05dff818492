package io.watchkeeper.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Writers as the engine runs them (each vessel on one thread; events of any vessel from any thread) against
 * a reader that checks every snapshot is consistent: a track in time order, spaced, each point's latitude
 * matching its time as the writers made it (a torn read would show), in order and bounded.
 */
class LiveViewConcurrencyTest {

    static final Instant T0 = LiveViewTest.T0;
    static final int WRITERS = 4;
    static final int VESSELS_PER_WRITER = 8;
    static final int FIXES = 20_000;

    @Test
    void concurrentWritersAndAReaderSeeConsistentSnapshots() throws Exception {
        LiveView live = new LiveView(new VesselRegistry());
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < FIXES; i++) {
                        for (int v = 0; v < VESSELS_PER_WRITER; v++) {
                            String id = "v" + writer + "-" + v;
                            Instant t = T0.plusSeconds(i * 4L);
                            live.onFix(LiveViewTest.fix(id, t, latAt(t), -1));
                            if (i % 100 == 0) {
                                // a pair event about another writer's vessel, as a pair detector sends them
                                String other = "v" + ((writer + 1) % WRITERS) + "-" + v;
                                live.accept(LiveViewTest.event(other, "pair" + writer, "a", "b" + i, t));
                            }
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "writer-" + w));
        }
        Thread reader = new Thread(() -> {
            try {
                start.await();
                while (!done.get()) {
                    for (VesselSnapshot s : live.vessels()) {
                        VesselDetail d = live.vessel(s.id()).orElseThrow();
                        check(d);
                    }
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        }, "reader");
        threads.forEach(Thread::start);
        reader.start();
        start.countDown();
        for (Thread t : threads) {
            t.join(60_000);
        }
        done.set(true);
        reader.join(60_000);

        assertThat(failures).isEmpty();
        assertThat(live.vessels()).hasSize(WRITERS * VESSELS_PER_WRITER);
        for (VesselSnapshot s : live.vessels()) {
            VesselDetail d = live.vessel(s.id()).orElseThrow();
            check(d);
            assertThat(d.track()).hasSize(TrackRing.CAPACITY);
            assertThat(s.time()).isEqualTo(T0.plusSeconds((FIXES - 1) * 4L));
            assertThat(d.events()).hasSize(LiveView.EVENTS_PER_VESSEL);
        }
    }

    /** Latitude encodes the time, so a torn read (a time from one write, a latitude from another) shows. */
    static double latAt(Instant t) {
        return 50 + (t.getEpochSecond() - T0.getEpochSecond()) % 10_000 * 1e-4;
    }

    private static void check(VesselDetail d) {
        List<TrackPoint> track = d.track();
        assertThat(track.size()).isLessThanOrEqualTo(TrackRing.CAPACITY);
        for (int i = 0; i < track.size(); i++) {
            TrackPoint p = track.get(i);
            assertThat(p.lat()).isCloseTo(latAt(p.time()), org.assertj.core.data.Offset.offset(1e-4));
            if (i > 0) {
                assertThat(Duration.between(track.get(i - 1).time(), p.time())).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
            }
        }
        List<Event> events = d.events();
        assertThat(events.size()).isLessThanOrEqualTo(LiveView.EVENTS_PER_VESSEL);
        for (Event e : events) {
            assertThat(e.vessel().key()).isEqualTo(d.vessel().id());
        }
    }
}
