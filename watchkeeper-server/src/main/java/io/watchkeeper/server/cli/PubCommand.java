package io.watchkeeper.server.cli;

import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.server.config.BrokerChoice;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A publisher, like mosquitto_pub: one message, or one message per line of stdin. */
@Command(name = "pub",
        description = {"Publishes -m MSG, or each line of stdin with -l, and exits once the broker acknowledged all.",
                "Example: echo '{\"boat_id\": 1, \"position\": {\"ts\": 1, \"x\": 0, \"y\": 0, \"port_id\": \"P\"}}' | watchkeeper pub -t DATA/P -l"})
final class PubCommand implements Callable<Integer> {

    @Option(names = {"-t", "--topic"}, required = true, paramLabel = "TOPIC", description = "Topic to publish on.")
    String topic;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = {"-m", "--message"}, paramLabel = "MSG", description = "The message.")
        String message;

        @Option(names = {"-l", "--lines"}, description = "Read stdin; publish each line as a message (empty lines skipped).")
        boolean lines;
    }

    @Option(names = {"-q", "--qos"}, paramLabel = "0|1|2", defaultValue = "1", description = "QoS (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = {"-r", "--retain"}, description = "Retain the message(s).")
    boolean retain;

    @Mixin
    BrokerOptions brokerOptions;

    @Mixin
    MosquittoOptions mosquitto;

    @Override
    public Integer call() throws Exception {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("--qos must be 0, 1 or 2, was " + qos);
        }
        mosquitto.applyTo(brokerOptions);
        BrokerChoice choice = brokerOptions.choice("watchkeeper-pub-" + ProcessHandle.current().pid());
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        long n = 0;
        try (Publisher publisher = Publisher.connect(brokerOptions.settings(choice))) {
            if (source.message != null) {
                pending.add(publisher.publish(topic, source.message.getBytes(StandardCharsets.UTF_8), qos, retain));
                n++;
            } else {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isEmpty()) {
                        pending.add(publisher.publish(topic, line.getBytes(StandardCharsets.UTF_8), qos, retain));
                        n++;
                    }
                    if (pending.size() >= 4096) {
                        awaitAll(pending, topic);
                    }
                }
            }
            awaitAll(pending, topic);
        }
        if (source.lines) {
            System.err.printf("watchkeeper pub: %d message(s) to %s on %s%n", n, topic, choice.describe());
        }
        return 0;
    }

    /** Waits for the broker's acknowledgements; a refusal (a retained DATA/ message of a station) is one line. */
    private static void awaitAll(List<CompletableFuture<Void>> pending, String topic) throws Exception {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("the broker refused a message on " + topic + " (" + Main.oneLine(e.getCause())
                    + "): the user's role may not publish it there, or not retained (docs/security.md)", e);
        }
        pending.clear();
    }
}
