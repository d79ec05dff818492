package io.watchkeeper.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.DeliveryHandler;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.server.config.BrokerChoice;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A friendlier mosquitto_sub: JSON payloads are pretty-printed under their topic. */
@Command(name = "sub",
        description = {"Subscribes (QoS 1) and prints every message, like mosquitto_sub.",
                "Each message is its topic, then the payload, pretty-printed when it is JSON;",
                "with -v, one line each: the topic, a space, the payload as received.",
                "Example: watchkeeper sub -h localhost -t 'EVENT/#'",
                "Like mosquitto_sub it registers no will and publishes nothing, so the broker's observer role suffices."})
final class SubCommand implements Callable<Integer> {

    /**
     * Built on first use, not when the class loads: picocli instantiates every subcommand at start-up,
     * and an ObjectMapper costs about 0.1 s there (measured on {@code decode} of a one-line file).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Option(names = {"-t", "--topic"}, required = true, paramLabel = "FILTER", description = "Topic filter; repeat for several (e.g. 'EVENT/#').")
    List<String> topics;

    @Option(names = {"-C", "--count"}, paramLabel = "N", defaultValue = "0", description = "Exit after N messages (default: run until Ctrl-C).")
    long count;

    @Option(names = {"-v", "--compact"},
            description = "One line per message: topic, a space, the payload as received (as mosquitto_sub -v).")
    boolean compact;

    @Option(names = {"-c", "--durable"},
            description = "Durable session, as mosquitto_sub -c (needs -i ID): what is published while it is away comes on "
                    + "the next run with that ID, if it starts within 5 minutes (the session expiry).")
    boolean durable;

    @Mixin
    BrokerOptions brokerOptions;

    @Mixin
    MosquittoOptions mosquitto;

    @Override
    public Integer call() throws Exception {
        mosquitto.applyTo(brokerOptions);
        String defaultClientId = "watchkeeper-sub-" + ProcessHandle.current().pid();
        BrokerChoice choice = brokerOptions.choice(defaultClientId);
        if (durable && choice.clientId().contains(defaultClientId)) {
            // as mosquitto_sub: a session is found again by its client id, and the default one is new on every run
            throw mosquitto.usage("-c needs a client id that stays the same between runs: -i ID");
        }
        // a monitor announces nothing (no will, no STATUS/), so that a user of the observer role, who may not
        // publish at all, can run it
        ClientSettings settings = brokerOptions.settings(choice).withPresence(false);
        PrintStream out = System.out;
        AtomicLong seen = new AtomicLong();
        CountDownLatch enough = new CountDownLatch(1);
        Shutdown shutdown = new Shutdown("sub", Shutdown.CLIENT_BUDGET);
        try (Subscriber subscriber = connect(settings, (topic, payload, ack) -> {
            if (count > 0 && seen.get() >= count) {
                return; // not acknowledged: a durable session keeps it for the next run
            }
            out.println(compact ? topic + " " + new String(payload, StandardCharsets.UTF_8) : pretty(topic, payload));
            out.flush();
            ack.acknowledge();
            if (count > 0 && seen.incrementAndGet() >= count) {
                enough.countDown();
            }
        })) {
            System.err.printf("watchkeeper sub: %s on %s (Ctrl-C to stop)%n", String.join(", ", topics),
                    choice.describe());
            if (count > 0) {
                while (!enough.await(100, java.util.concurrent.TimeUnit.MILLISECONDS) && !shutdown.poll()) {
                    // waiting for N messages or Ctrl-C
                }
            } else {
                shutdown.await(null);
            }
            subscriber.stopReconnecting(); // stopping: nothing more is printed from a broker that came back
            shutdown.closing("disconnecting from the broker", "its clean disconnect");
        } finally {
            shutdown.done();
        }
        return 0;
    }

    private Subscriber connect(ClientSettings settings, DeliveryHandler printer) {
        return durable ? Subscriber.connectDurable(settings, topics, printer)
                // this connect acknowledges each message itself, once the printer returns
                : Subscriber.connect(settings, topics, (topic, payload) -> printer.onMessage(topic, payload, () -> { }));
    }

    static String pretty(String topic, byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node != null && node.isContainerNode()) {
                return "── " + topic + "\n" + Json.MAPPER.writeValueAsString(node);
            }
        } catch (IOException notJson) {
            // printed as text below
        }
        return "── " + topic + "\n" + text;
    }
}
