package io.watchkeeper.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.kafka.cli.KafkaMain;
import io.watchkeeper.kafka.dev.KafkaDevBroker;
import io.watchkeeper.kafka.log.TopicSetup;
import io.watchkeeper.kafka.testing.InlineBaseline;
import io.watchkeeper.kafka.testing.SharedKafka;
import io.watchkeeper.kafka.testing.TopicReader;
import io.watchkeeper.server.replay.Recording;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of {@code detect --engine kafka} (child JVMs, as a user runs them) share the Danish
 * recording; one is killed with SIGKILL while a backlog waits. The survivor takes over every partition,
 * and the events topic, read {@code read_committed}, holds exactly the inline replay's events: none
 * lost, none twice.
 */
@ExtendWith(SharedKafka.class)
class FailoverIT {

    private static final int PARTITIONS = 3;
    private static final int SESSION_TIMEOUT_SECONDS = 6;

    @TempDir
    Path dir;

    @Test
    void killNineOfOneOfTwoLosesNothingAndDuplicatesNothing(KafkaDevBroker kafka) throws Exception {
        InlineBaseline base = InlineBaseline.read("dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz");
        Recording recording = base.recording();
        VesselRegistry registry = base.registry();
        String site = base.site();
        Set<String> inline = new HashSet<>();
        base.replay(e -> inline.add(e.eventId()));

        KafkaTopics topics = KafkaTopics.prefixed("failover");
        TopicSetup.ensure(kafka.bootstrap(), topics.all(), PARTITIONS, (short) 1);
        Process a = instance(kafka, "a");
        Process b = instance(kafka, "b");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
            awaitMembers(admin, 2, Duration.ofSeconds(90));
            int half = recording.fixes().size() / 2;
            RecordingLoader.load(new Recording(recording.fixes().subList(0, half), recording.format()), registry, site,
                    kafka.bootstrap(), topics.input());
            // mid-stream: events are coming out of the first half
            TopicReader.readUntil(kafka.bootstrap(), topics.events(), Duration.ofSeconds(60), r -> r.size() > 100);
            RecordingLoader.load(new Recording(recording.fixes().subList(half, recording.fixes().size()),
                    recording.format()), new VesselRegistry(), site, kafka.bootstrap(), topics.input());
            long killedAt = System.nanoTime();
            a.destroyForcibly(); // SIGKILL
            double takeover = awaitSoleOwner(admin, 2 * PARTITIONS, Duration.ofSeconds(60), killedAt);

            long[] reached = {0};
            List<ConsumerRecord<String, byte[]>> got = TopicReader.readUntil(kafka.bootstrap(), topics.events(),
                    Duration.ofSeconds(120), r -> {
                        if (r.size() < inline.size()) {
                            return false;
                        }
                        reached[0] = reached[0] == 0 ? System.nanoTime() : reached[0];
                        return System.nanoTime() - reached[0] > 3_000_000_000L;
                    });
            ObjectMapper json = new ObjectMapper();
            List<String> ids = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : got) {
                ids.add(json.readTree(r.value()).path("body").path("eventId").asText());
            }
            Set<String> distinct = new HashSet<>(ids);
            Set<String> lost = new HashSet<>(inline);
            lost.removeAll(distinct);
            System.out.printf("failover: takeover %.1f s; %d events expected, %d read_committed, %d lost, %d duplicate%n",
                    takeover, inline.size(), ids.size(), lost.size(), ids.size() - distinct.size());
            assertThat(lost).as("lost events").isEmpty();
            assertThat(ids.size() - distinct.size()).as("duplicate events").isZero();
            assertThat(distinct).isEqualTo(inline);
            assertThat(takeover).as("seconds until the survivor owned every partition").isLessThanOrEqualTo(15.0);
        } finally {
            a.destroyForcibly();
            b.destroy(); // SIGTERM: Ctrl-C's path
            assertThat(b.waitFor(45, TimeUnit.SECONDS)).as("the survivor stops on SIGTERM").isTrue();
        }
    }

    private Process instance(KafkaDevBroker kafka, String name) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), KafkaMain.class.getName(), "detect", "--engine", "kafka",
                "--kafka", kafka.bootstrap(), "--topic-prefix", "failover", "--application-id", "failover",
                "--partitions", String.valueOf(PARTITIONS), "--session-timeout", String.valueOf(SESSION_TIMEOUT_SECONDS),
                "--state-dir", dir.resolve("state-" + name).toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
    }

    /** The group as the coordinator sees it; empty before its first member joined. */
    private static List<MemberDescription> members(Admin admin) throws Exception {
        try {
            ConsumerGroupDescription g = admin.describeConsumerGroups(List.of("failover")).all()
                    .get(10, TimeUnit.SECONDS).get("failover");
            return List.copyOf(g.members());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of();
            }
            throw e;
        }
    }

    private static void awaitMembers(Admin admin, int members, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<MemberDescription> now = members(admin);
            if (now.size() == members && now.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the group never had " + members + " members with partitions: " + members(admin));
    }

    /** Seconds from {@code since} until one member owns all {@code partitions} source partitions. */
    private static double awaitSoleOwner(Admin admin, int partitions, Duration timeout, long since) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<MemberDescription> now = members(admin);
            if (now.size() == 1) {
                MemberDescription m = now.get(0);
                if (m.assignment().topicPartitions().size() >= partitions) {
                    return (System.nanoTime() - since) / 1e9;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no sole owner of every partition within " + timeout + ": " + members(admin));
    }
}
