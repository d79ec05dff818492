package io.watchkeeper.kafka.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the topics Watchkeeper writes to when they do not exist yet; existing ones are left as they
 * are (their partition count is the operator's decision, and cannot shrink).
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    /**
     * A created topic's partitions get their leaders a moment later; a producer that writes before then
     * retries, and under load one was seen to give up after its delivery timeout. Waits until every
     * partition has a leader.
     */
    private static void awaitLeaders(Admin admin, Set<String> topics) throws ExecutionException,
            TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Map<String, TopicDescription> described;
            try {
                described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                described = Map.of();
            }
            boolean ready = described.size() == topics.size() && described.values().stream()
                    .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topics " + topics + " have partitions without a leader after 30 s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * A leader named in the metadata may not serve its partition yet. A produce request that comes then is
     * refused as retriable; if a later request of the same idempotent producer lands first, the refused
     * one can never be written and expires (KAFKA-15591). That lost 1,188 records now and then in the
     * tests. Listing every partition's end offset is answered by the leader itself, so once it succeeds
     * for all of them, every leader serves its partition (the admin client retries until then).
     */
    private static void awaitServing(Admin admin, Set<String> topics) throws ExecutionException,
            TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            for (TopicPartitionInfo p : d.partitions()) {
                ends.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
            }
        }
        admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS);
    }

    /**
     * @param partitions partitions per topic for topics created here
     * @throws java.io.IOException if Kafka does not answer within 30 s or refuses
     */
    public static void ensure(String bootstrap, Set<String> topics, int partitions, short replication)
            throws java.io.IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String t : topics) {
                if (!existing.contains(t)) {
                    missing.add(new NewTopic(t, partitions, replication));
                }
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e; // another instance creating it at the same moment is fine
                    }
                }
            }
            awaitLeaders(admin, topics);
            awaitServing(admin, topics);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new java.io.IOException("cannot set up Kafka topics " + topics + " at " + bootstrap + ": "
                    + cause.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted while setting up Kafka topics", e);
        }
    }
}
