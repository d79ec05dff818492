package io.watchkeeper.bench.load;

import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.mqtt.client.BrokerAddress;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.topic.Topics;
import io.watchkeeper.mqtt.wire.FixDecoder;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.server.app.DetectorService;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.durable.Checkpointer;
import io.watchkeeper.server.durable.Durability;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One measurement: a burst published on {@code DATA/<station>} by one pipelined {@link Publisher} per
 * station, collected by one {@link Subscriber} on {@code EVENT/#} (end to end, through a detector) or
 * on {@code DATA/#} (raw: the broker alone).
 *
 * <p>Order of a run: start the detector (when asked), subscribe, connect the publishers, release all
 * station threads at once, wait for every acknowledgement, wait until every expected item has arrived
 * or {@code timeout} has passed since publishing ended, wait a short grace for late duplicates, close
 * everything, then parse and count on this thread.
 */
public final class LoadRun {

    /** What is measured. */
    public enum Mode {
        /** publisher → broker → subscriber on {@code DATA/#}, no engine */
        RAW,
        /** publisher → broker → detector → broker → subscriber on {@code EVENT/#} */
        E2E
    }

    /**
     * How to run.
     *
     * @param mode              raw or end to end
     * @param qos               QoS of the DATA publishes (the detector always uses 1)
     * @param ratePerSecond     overall paced rate, or 0 for a burst (as fast as the broker accepts)
     * @param timeout           how long to wait for missing arrivals after publishing ended
     * @param publisherInFlight {@link ClientSettings#maxInFlight()} of each station's publisher
     * @param receiveMaximum    {@link ClientSettings#receiveMaximum()} of every subscriber (ours and the detector's)
     * @param startEngine       start a {@link DetectorService} in this JVM (end to end only)
     * @param engine            its engine layout
     * @param detectorInFlight  {@link ClientSettings#maxInFlight()} of the detector's event publisher
     * @param durability        how the in-process detector acknowledges input and keeps state
     * @param killEngineAt      if above 0, the detector runs as a child JVM and is killed with SIGKILL once this
     *                          many messages have been published, then started again on its state
     */
    public record Options(Mode mode, int qos, double ratePerSecond, Duration timeout, int publisherInFlight,
                          int receiveMaximum, boolean startEngine, EngineConfig engine, int detectorInFlight,
                          Durability durability, long killEngineAt) {

        public Options {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(durability, "durability");
            if (qos < 0 || qos > 2) {
                throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
            }
            if (ratePerSecond < 0 || Double.isNaN(ratePerSecond) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("rate must be 0 (burst) or a positive number, was " + ratePerSecond);
            }
        }

        public Options withMode(Mode m) {
            return new Options(m, qos, ratePerSecond, timeout, publisherInFlight, receiveMaximum, startEngine, engine,
                    detectorInFlight, durability, killEngineAt);
        }
    }

    private static final long GRACE_MILLIS = 250;
    private static final long PUBLISH_BUDGET_SECONDS = 600;

    private final String target;
    private final BrokerAddress address;
    private final Burst burst;
    private final long expected;
    private final Options options;
    private final MicroClock clock;
    private final String tag;

    /**
     * @param expected events the burst must produce (end to end); ignored for raw runs, where every
     *                 message is expected
     * @param tag      makes client ids unique to this run (stations carry their own ids in the burst)
     */
    public LoadRun(String target, BrokerAddress address, Burst burst, long expected, Options options, MicroClock clock,
                   String tag) {
        this.target = Objects.requireNonNull(target, "target");
        this.address = Objects.requireNonNull(address, "address");
        this.burst = Objects.requireNonNull(burst, "burst");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tag = Objects.requireNonNull(tag, "tag");
        this.expected = options.mode() == Mode.RAW ? burst.messages() : expected;
    }

    /** Runs it; setup failures (cannot connect, ...) throw, everything measured is in the result. */
    public RunResult run(long brokerDroppedBefore, BrokerTarget broker) {
        List<AutoCloseable> opened = new ArrayList<>();
        DetectorService detector = null;
        EngineProcess child = null;
        java.nio.file.Path stateDir = null;
        // Room for a redelivery storm: duplicates beyond this are counted as overflow, not analysed.
        Arrivals arrivals = new Arrivals(clock, (int) Math.min(Integer.MAX_VALUE - 8, 8 * expected + 10_000));
        Station[] stations = new Station[burst.stations().size()];
        String engineStats = null;
        try {
            if (options.mode() == Mode.E2E && options.startEngine() && options.killEngineAt() > 0) {
                child = EngineProcess.start(address, tag + "-detect", options.engine().workers());
                opened.add(child);
            } else if (options.mode() == Mode.E2E && options.startEngine()) {
                Durability durability = options.durability();
                if (durability.stateDir() != null) {
                    stateDir = TempFolders.create("wkb-state-");
                    durability = Durability.stateIn(stateDir).withCheckpointEvery(durability.checkpointEvery())
                            .withLog(durability.log());
                }
                detector = DetectorService.start(ClientSettings.of(address, tag + "-detect")
                                .withMaxInFlight(options.detectorInFlight())
                                .withReceiveMaximum(options.receiveMaximum()),
                        new DetectorService.Options(options.engine(), FixDecoder.DEFAULT_MAX_PAYLOAD_BYTES,
                                DetectorSuite.defaults(SpeedProfile.DEFAULT), FramerSettings.defaults(), null)
                                .withDurability(durability), Clock.systemUTC());
                opened.add(detector);
            }
            String filter = options.mode() == Mode.E2E ? Topics.eventFilter() : Topics.dataFilter();
            // Inline: arrivals are recorded and acknowledged on the network thread, so that the measuring
            // subscriber itself keeps up with a broker that allows only 20 unacknowledged messages.
            Subscriber subscriber = Subscriber.connectInline(
                    ClientSettings.of(address, tag + "-sub").withReceiveMaximum(options.receiveMaximum()),
                    List.of(filter), false, (topic, payload, ack) -> {
                        arrivals.onMessage(topic, payload);
                        ack.acknowledge();
                    });
            opened.add(subscriber);
            for (int i = 0; i < stations.length; i++) {
                Burst.Station s = burst.stations().get(i);
                Publisher p = Publisher.connect(ClientSettings.of(address, tag + "-pub" + (i + 1))
                        .withMaxInFlight(options.publisherInFlight()));
                opened.add(p);
                stations[i] = new Station(s, i, stations.length, p);
            }
            if (child != null) {
                killer = new Killer(child, options.killEngineAt());
            }

            long cpuWindowStart = System.nanoTime();
            long jvmCpuStart = CpuTime.jvmNanos();
            long brokerCpuStart = CpuTime.processNanos(broker.pid());
            publishAll(stations);
            long publishEndMicros = awaitAcks(stations);
            Counts counts = awaitArrivals(stations, arrivals, broker.pid());
            double jvmCpu = (counts.cpuEndJvm - jvmCpuStart) / 1e9;
            double brokerCpu = brokerCpuStart < 0 || counts.cpuEndBroker < 0 ? Double.NaN
                    : (counts.cpuEndBroker - brokerCpuStart) / 1e9;
            long reconnects = 0;
            for (AutoCloseable c : opened) {
                if (c instanceof Publisher p) {
                    reconnects += p.reconnects();
                } else if (c instanceof Subscriber s) {
                    reconnects += s.reconnects();
                }
            }

            if (detector != null) {
                engineStats = detector.engineStats() + ", deadLetters=" + detector.deadLetters().total();
                engineStats += String.format(java.util.Locale.ROOT, "; input log: %,d appended, %,d held",
                        detector.input().receiver().appended(), detector.input().receiver().heldTotal());
                Checkpointer checkpoints = detector.input().checkpointer();
                if (checkpoints != null) {
                    engineStats += String.format(java.util.Locale.ROOT,
                            "; %d checkpoints, last %d ms, %,d bytes, %d failed", checkpoints.checkpoints(),
                            checkpoints.lastCheckpointMillis(), checkpoints.lastCheckpointBytes(),
                            checkpoints.failures());
                }
            }
            if (child != null) {
                killer.awaitDone();
                engineStats = "child JVM " + child.dir() + ": " + (child.fault().isEmpty()
                        ? "never killed (fewer messages than --kill-engine-at)" : child.fault());
            }
            long sent = 0;
            long failed = 0;
            long firstMicros = Long.MAX_VALUE;
            for (Station st : stations) {
                sent += st.acked.get();
                failed += st.failed.get();
                firstMicros = Math.min(firstMicros, st.firstMicros);
            }
            double publishSeconds = (publishEndMicros - firstMicros) / 1e6;
            double completeSeconds = counts.lastMicros > 0 ? (counts.lastMicros - firstMicros) / 1e6 : Double.NaN;
            long dropped = broker.droppedMessages() < 0 ? -1 : broker.droppedMessages() - brokerDroppedBefore;
            return new RunResult(target, options.mode(), sent, failed, expected, counts.unique, counts.duplicates,
                    counts.unexpected, counts.foreign, publishSeconds, completeSeconds, counts.latency, engineStats, dropped,
                    arrivals.overflow(), reconnects, jvmCpu, brokerCpu, (counts.cpuEndNanos - cpuWindowStart) / 1e9);
        } finally {
            java.util.Collections.reverse(opened);
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("bench: while closing: " + e.getMessage());
                }
            }
            if (stateDir != null) {
                TempFolders.delete(stateDir);
            }
        }
    }

    /**
     * Kills the child engine once {@code at} messages have been published (over all stations), on a
     * thread of its own so that no station waits for the restart; the broker holds what arrives meanwhile.
     */
    private static final class Killer {
        private final EngineProcess engine;
        private final long at;
        private final AtomicLong published = new AtomicLong();
        private final CountDownLatch done = new CountDownLatch(1);

        Killer(EngineProcess engine, long at) {
            this.engine = engine;
            this.at = at;
        }

        void published() {
            if (published.incrementAndGet() == at) {
                Thread t = new Thread(() -> {
                    try {
                        engine.killAndRestart(at);
                    } finally {
                        done.countDown();
                    }
                }, "wkb-engine-killer");
                t.start();
            }
        }

        void awaitDone() {
            if (published.get() < at) {
                return;
            }
            try {
                done.await(3, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private volatile @org.jetbrains.annotations.Nullable Killer killer;

    /** Starts one thread per station, releases them together, waits until they have sent everything. */
    private void publishAll(Station[] stations) {
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[stations.length];
        for (int i = 0; i < stations.length; i++) {
            Station st = stations[i];
            threads[i] = new Thread(() -> {
                try {
                    go.await();
                    st.publish();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "wkb-station-" + (i + 1));
            threads[i].start();
        }
        long start = System.nanoTime();
        for (Station st : stations) {
            st.startNanos = start;
        }
        go.countDown();
        long deadline = start + TimeUnit.SECONDS.toNanos(PUBLISH_BUDGET_SECONDS);
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (t.isAlive()) {
                    t.interrupt(); // a blocked publish gives up and counts as failed
                    t.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /** Waits for the broker's acknowledgement of every publish; returns when the last one came. */
    private long awaitAcks(Station[] stations) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        for (Station st : stations) {
            while (st.acked.get() + st.failed.get() < st.issued && System.nanoTime() < deadline) {
                LockSupport.parkNanos(200_000L);
            }
        }
        long last = 0;
        for (Station st : stations) {
            last = Math.max(last, st.lastAckMicros);
        }
        return last;
    }

    private static final class Counts {
        long unique;
        long duplicates;
        long unexpected;
        long foreign;
        long lastMicros;
        long cpuEndJvm;
        long cpuEndBroker;
        long cpuEndNanos;
        LatencyStats latency = LatencyStats.NONE;
    }

    /** Waits until every expected item arrived (or the timeout), then counts and measures them. */
    private Counts awaitArrivals(Station[] stations, Arrivals arrivals, long brokerPid) {
        Set<String> ours = new HashSet<>();
        for (Burst.Station s : burst.stations()) {
            ours.add(s.id());
        }
        // What must arrive, keyed by the message that causes it: station and its (unique) position.ts.
        Map<String, Byte> wanted = new HashMap<>();
        for (Station st : stations) {
            byte[] outcome = options.mode() == Mode.E2E ? ExpectedEvents.outcomes(st.data) : null;
            for (int i = 0; i < st.sentMicros.length; i++) {
                byte o = outcome == null ? ExpectedEvents.NONE : outcome[i];
                if (outcome == null || o != ExpectedEvents.NONE) {
                    wanted.put(st.data.id() + '|' + st.sentMicros[i], o);
                }
            }
        }
        ArrivalParser parser = new ArrivalParser();
        Set<String> seen = new HashSet<>((int) Math.min(1 << 29, expected * 2 + 16));
        long[] latencies = new long[(int) Math.min(Integer.MAX_VALUE - 8, expected + 1)];
        int latencyCount = 0;
        Counts c = new Counts();
        long deadline = System.nanoTime() + options.timeout().toNanos();
        long graceEnd = Long.MAX_VALUE;
        int parsed = 0;
        while (true) {
            int n = arrivals.count();
            // Parse only once enough has arrived to possibly be complete: keeps this thread off the CPU
            // while the measurement runs.
            boolean mayBeComplete = n - c.foreign - c.duplicates >= expected;
            long now = System.nanoTime();
            if (graceEnd == Long.MAX_VALUE && (mayBeComplete || now > deadline)) {
                // CPU up to here, before this thread parses: parsing is the bench's cost, not the system's.
                c.cpuEndNanos = now;
                c.cpuEndJvm = CpuTime.jvmNanos();
                c.cpuEndBroker = CpuTime.processNanos(brokerPid);
            }
            if (mayBeComplete || now > deadline || graceEnd != Long.MAX_VALUE) {
                for (; parsed < n; parsed++) {
                    byte[] payload = arrivals.payload(parsed);
                    ArrivalParser.Parsed p = options.mode() == Mode.E2E ? parser.event(payload) : parser.data(payload);
                    if (p == null || !ours.contains(p.station())) {
                        c.foreign++;
                        continue;
                    }
                    if (!seen.add(p.key())) {
                        c.duplicates++;
                        continue;
                    }
                    Byte want = wanted.remove(p.station() + '|' + p.sentMicros());
                    if (want == null || want != p.state()) {
                        c.unexpected++;
                        if (want != null) {
                            wanted.put(p.station() + '|' + p.sentMicros(), want); // still missing
                        }
                        continue;
                    }
                    c.unique++;
                    long arrived = arrivals.arrivedMicros(parsed);
                    c.lastMicros = Math.max(c.lastMicros, arrived);
                    if (latencyCount < latencies.length) {
                        latencies[latencyCount++] = arrived - p.sentMicros();
                    }
                }
            }
            if (graceEnd != Long.MAX_VALUE) {
                if (now > graceEnd) {
                    break;
                }
            } else if (c.unique >= expected || now > deadline) {
                graceEnd = now + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
            }
            LockSupport.parkNanos(2_000_000L);
        }
        c.latency = LatencyStats.of(latencies, latencyCount);
        return c;
    }

    /** One station's publishing thread and its counters. */
    private final class Station {
        final Burst.Station data;
        final int index;
        final int stationCount;
        final Publisher publisher;
        final String topic;
        final AtomicLong acked = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile long lastAckMicros;
        volatile long firstMicros = Long.MAX_VALUE;
        volatile long issued = Long.MAX_VALUE;
        volatile long startNanos;
        /** position.ts of each message as sent; written by the station thread, read after it ended */
        final long[] sentMicros;

        Station(Burst.Station data, int index, int stationCount, Publisher publisher) {
            this.data = data;
            this.index = index;
            this.stationCount = stationCount;
            this.publisher = publisher;
            this.topic = Topics.data(data.id());
            this.sentMicros = new long[data.size()];
        }

        void publish() {
            double rate = options.ratePerSecond();
            long last = 0;
            int n = data.size();
            int i = 0;
            try {
                for (; i < n; i++) {
                    if (rate > 0) {
                        // station k sends message j at (j * S + k) / R: the stations interleave evenly
                        long due = startNanos + (long) (((double) i * stationCount + index) * 1e9 / rate);
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    long ts = clock.nowMicros();
                    if (ts <= last) {
                        ts = last + 1; // strictly increasing per station: (station, ts) identifies a message
                    }
                    last = ts;
                    if (i == 0) {
                        firstMicros = ts;
                    }
                    sentMicros[i] = ts;
                    Killer k = killer;
                    if (k != null) {
                        k.published();
                    }
                    publisher.publish(topic, data.payload(i, ts), options.qos(), false).whenComplete((ok, error) -> {
                        if (error == null) {
                            acked.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                        lastAckMicros = clock.nowMicros();
                    });
                    if (Thread.currentThread().isInterrupted()) {
                        i++;
                        break;
                    }
                }
            } catch (RuntimeException e) {
                System.err.println("bench: station " + data.id() + " stopped publishing: " + e.getMessage());
            } finally {
                issued = i;
            }
        }
    }

    /** A run tag for client ids and station ids: short, unique enough, a valid topic level. */
    public static String newTag(String prefix) {
        return prefix + Long.toString(System.currentTimeMillis() % 46_656_000L, 36);
    }
}
