package io.watchkeeper.kafka.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.ProgressBar;
import io.watchkeeper.core.deadletter.DeadLetterCounter;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.kafka.cli.KafkaMain;
import io.watchkeeper.kafka.dev.KafkaDevBroker;
import io.watchkeeper.kafka.log.TopicSetup;
import io.watchkeeper.kafka.streams.KafkaTopics;
import io.watchkeeper.kafka.streams.RecordingLoader;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.replay.Recording;
import io.watchkeeper.server.replay.Replay;
import io.watchkeeper.server.config.WatchkeeperConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jetbrains.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code watchkeeper bench kafka}: the Kafka engine end to end on this machine. A development broker,
 * N {@code detect --engine kafka} instances as child JVMs, M positions (the Danish recording, looped on
 * in time) loaded into the input topic, and the events read back {@code read_committed} and checked
 * against the same positions through the in-process engine, which is also timed for the ratio.
 */
@Command(name = "kafka", mixinStandardHelpOptions = true,
        description = {"Measures the Kafka engine end to end: N instances, M positions, optionally kill -9 of one",
                "mid-stream; prints sent, expected/received/lost/duplicate events, throughput (positions/s from the",
                "first position loaded to the last event out), per instance, failover seconds and the in-process",
                "engine's throughput on the same positions. Pair detectors are off on both sides."},
        footer = {"", "Example:", "  watchkeeper bench kafka --instances 2 --messages 100000 --kill-one-at 50000 --json"})
public final class KafkaBenchCommand implements Callable<Integer> {

    @Option(names = "--instances", paramLabel = "N", defaultValue = "2", description = "Engine instances (default 2).")
    int instances;

    @Option(names = "--messages", paramLabel = "M", defaultValue = "100000", description = "Positions (default 100000).")
    int messages;

    @Option(names = "--kill-one-at", paramLabel = "K",
            description = "kill -9 one instance once the events of about the first K positions are out.")
    @Nullable Integer killAt;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "4", description = "Partitions per topic (default 4).")
    int partitions;

    @Option(names = "--session-timeout", paramLabel = "SECONDS", defaultValue = "6",
            description = "The instances' session timeout: failover waits for it (default 6).")
    int sessionTimeout;

    @Option(names = "--recording", paramLabel = "FILE", defaultValue = "data/dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz",
            description = "Positions to loop (default: the Danish recording).")
    Path recordingFile;

    @Option(names = "--guarantee", paramLabel = "G", defaultValue = "exactly_once_v2",
            description = "The instances' processing guarantee: exactly_once_v2 (default) or at_least_once.")
    String guarantee;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Stream threads per instance (default 1).")
    int threads;

    @Option(names = "--streams-property", paramLabel = "KEY=VALUE",
            description = "Passed to each instance's detect --streams-property (repeatable), to compare settings.")
    Map<String, String> streamsProperties = new LinkedHashMap<>();

    @Option(names = "--instance-jvm-option", paramLabel = "OPTION",
            description = "A JVM option for each instance (repeatable), e.g. -XX:StartFlightRecording=filename=i.jfr")
    List<String> instanceJvmOptions = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object only.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (instances < 1 || messages < 1 || partitions < 1) {
            throw new IllegalArgumentException("--instances, --messages and --partitions must be at least 1");
        }
        if (killAt != null && instances < 2) {
            throw new IllegalArgumentException("--kill-one-at needs at least 2 instances, so that one survives");
        }
        DetectorSuite all = DetectorSuite.from(WatchkeeperConfig.DEFAULTS, List.of(), null);
        DetectorSuite suite = all.withoutPairs();
        VesselRegistry registry = new VesselRegistry();
        Recording base = Recording.read(recordingFile.toString(), "bench", registry, new DeadLetterCounter(d -> { }),
                FramerSettings.defaults(), ProgressBar.disabled(), Clock.systemUTC(), suite.maxAhead());
        Recording recording = new Recording(Looped.fixes(base.fixes(), messages), base.format());

        Set<String> expected = new HashSet<>();
        long t = System.nanoTime();
        Replay.run(recording, suite, registry, e -> expected.add(e.eventId()), new DeadLetterCounter(d -> { }));
        double inProcess = messages / ((System.nanoTime() - t) / 1e9);
        log("in-process: %,d positions, %,d events, %,.0f positions/s", messages, expected.size(), inProcess);

        Path dir = Files.createTempDirectory("wk-bench-kafka");
        List<Process> running = new ArrayList<>();
        try (KafkaDevBroker kafka = KafkaDevBroker.start(dir.resolve("kafka"), 0);
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
            KafkaTopics topics = KafkaTopics.prefixed("bench");
            TopicSetup.ensure(kafka.bootstrap(), topics.all(), partitions, (short) 1);
            for (int i = 0; i < instances; i++) {
                running.add(instance(kafka.bootstrap(), dir, i));
            }
            Group group = new Group(admin, "bench");
            group.awaitMembers(instances * threads, Duration.ofSeconds(120)); // one member per stream thread
            log("Kafka at %s, %d instance(s) running", kafka.bootstrap(), instances);

            long start = System.nanoTime();
            RecordingLoader.load(recording, registry, "bench", kafka.bootstrap(), topics.input());
            log("loaded %,d positions in %.1f s", messages, (System.nanoTime() - start) / 1e9);
            Result r = read(kafka.bootstrap(), topics.events(), expected, running, group, start);
            print(r, expected.size(), inProcess);
        } finally {
            for (Process p : running) {
                p.destroy();
            }
            for (Process p : running) {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        return 0;
    }

    private record Result(int received, int distinct, int lost, double seconds, @Nullable Double failoverSeconds) {
    }

    private Result read(String bootstrap, String topic, Set<String> expected, List<Process> running, Group group,
                        long start) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        Double failover = null;
        long last = System.nanoTime();
        long killThreshold = killAt == null ? Long.MAX_VALUE : (long) expected.size() * killAt / messages;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "bench-reader", "auto.offset.reset", "earliest", "isolation.level", "read_committed",
                "enable.auto.commit", false), new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long idleLimit = TimeUnit.SECONDS.toNanos(60);
            while (distinct.size() < expected.size() && System.nanoTime() - last < idleLimit) {
                for (ConsumerRecord<String, byte[]> rec : c.poll(Duration.ofMillis(100))) {
                    String id = mapper.readTree(rec.value()).path("body").path("eventId").asText();
                    ids.add(id);
                    distinct.add(id);
                    last = System.nanoTime();
                }
                if (failover == null && ids.size() >= killThreshold) {
                    long killedAt = System.nanoTime();
                    running.get(0).destroyForcibly(); // SIGKILL
                    log("killed instance 0 (pid %d) after %,d events", running.get(0).pid(), ids.size());
                    failover = group.awaitOwners((instances - 1) * threads, 2 * partitions, Duration.ofSeconds(120), killedAt);
                    log("the survivors own every partition %.1f s after the kill", failover);
                }
            }
        }
        Set<String> lost = new HashSet<>(expected);
        lost.removeAll(distinct);
        return new Result(ids.size(), distinct.size(), lost.size(), (last - start) / 1e9, failover);
    }

    private void print(Result r, int expected, double inProcess) throws Exception {
        double throughput = messages / r.seconds();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instances", instances);
        out.put("partitions", partitions);
        out.put("sent", messages);
        out.put("expectedEvents", expected);
        out.put("receivedEvents", r.received());
        out.put("lostEvents", r.lost());
        out.put("duplicateEvents", r.received() - r.distinct());
        out.put("throughput", Math.round(throughput));
        out.put("perInstanceThroughput", Math.round(throughput / instances));
        out.put("failoverSeconds", r.failoverSeconds() == null ? null : Math.round(r.failoverSeconds() * 10) / 10.0);
        out.put("inProcessThroughput", Math.round(inProcess));
        out.put("ratio", Math.round(throughput / instances / inProcess * 1000) / 1000.0);
        out.put("guarantee", guarantee);
        out.put("threads", threads);
        out.put("streamsProperties", streamsProperties);
        out.put("cores", Runtime.getRuntime().availableProcessors());
        System.out.println(new ObjectMapper().writeValueAsString(out));
    }

    private Process instance(String bootstrap, Path dir, int i) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        cmd.addAll(instanceJvmOptions);
        cmd.addAll(List.of("-Dlogback.configurationFile=watchkeeper-kafka-logback.xml", "-cp",
                System.getProperty("java.class.path"), KafkaMain.class.getName(), "detect", "--engine", "kafka",
                "--kafka", bootstrap, "--topic-prefix", "bench", "--application-id", "bench", "--session-timeout",
                String.valueOf(sessionTimeout), "--state-dir", dir.resolve("state-" + i).toString(),
                "--guarantee", guarantee, "--threads", String.valueOf(threads)));
        streamsProperties.forEach((k, v) -> cmd.add("--streams-property=" + k + "=" + v));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("instance-" + i + ".log")
                .toFile()).start();
    }

    private void log(String format, Object... args) {
        if (!json) {
            System.err.printf("bench kafka: " + format + "%n", args);
        }
    }

    /** The instances' consumer group, as the coordinator sees it. */
    private record Group(Admin admin, String id) {

        List<MemberDescription> members() throws Exception {
            try {
                return List.copyOf(admin.describeConsumerGroups(List.of(id)).all().get(10, TimeUnit.SECONDS).get(id)
                        .members());
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
                    return List.of();
                }
                throw e;
            }
        }

        void awaitMembers(int n, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                List<MemberDescription> m = members();
                if (m.size() == n && m.stream().noneMatch(x -> x.assignment().topicPartitions().isEmpty())) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new java.io.IOException(n + " members (instances × threads) did not all join within " + timeout.toSeconds() + " s");
        }

        /** Seconds from {@code since} until {@code n} members own all {@code partitions} source partitions. */
        double awaitOwners(int n, int partitions, Duration timeout, long since) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                List<MemberDescription> m = members();
                int owned = m.stream().mapToInt(x -> x.assignment().topicPartitions().size()).sum();
                if (m.size() == n && owned >= partitions) {
                    return (System.nanoTime() - since) / 1e9;
                }
                Thread.sleep(100);
            }
            throw new java.io.IOException("the survivors did not own every partition within " + timeout.toSeconds() + " s");
        }
    }
}
