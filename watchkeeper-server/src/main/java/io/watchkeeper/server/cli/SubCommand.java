package io.watchkeeper.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.DeliveryHandler;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.server.config.BrokerChoice;
import io.watchkeeper.server.config.Durations;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.annotations.Nullable;
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
                    + "the next run with that ID, if it starts within the session expiry (-x).")
    boolean durable;

    /**
     * One hour unless -x: the most the embedded broker grants an observer with logins on, so what is asked
     * for is what is kept; mosquitto_sub's own default (never expire) would let forgotten sessions pile up.
     */
    static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofHours(1);
    /** MQTT 5's largest session expiry short of "never", which Watchkeeper's client does not ask for. */
    private static final long MAX_SESSION_EXPIRY_SECONDS = 0xFFFF_FFFEL;

    @Option(names = {"-x", "--session-expiry"}, paramLabel = "SECONDS",
            description = "With -c: how long the broker keeps the session while away, in seconds as mosquitto_sub -x, "
                    + "or a duration such as 30m or 2d (default 1h).")
    @Nullable String sessionExpiry;

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
        Duration expiry = sessionExpiry();
        // a monitor announces nothing (no will, no STATUS/), so that a user of the observer role, who may not
        // publish at all, can run it
        ClientSettings settings = brokerOptions.settings(choice).withPresence(false).withSessionExpiry(expiry);
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
                while (!enough.await(100, TimeUnit.MILLISECONDS) && !shutdown.poll()) {
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

    /** The -x value; usage errors for -x without -c and for what is not a duration of 0 s..4294967294 s. */
    Duration sessionExpiry() {
        if (sessionExpiry == null) {
            return DEFAULT_SESSION_EXPIRY;
        }
        if (!durable) {
            throw mosquitto.usage("-x sets how long a durable session lasts; give -c too");
        }
        String text = sessionExpiry.strip();
        Duration d;
        try {
            d = text.matches("\\d{1,10}") ? Duration.ofSeconds(Long.parseLong(text)) : Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw mosquitto.usage("-x: " + e.getMessage() + ", or whole seconds");
        }
        if (d.getSeconds() > MAX_SESSION_EXPIRY_SECONDS) {
            throw mosquitto.usage("-x must be at most " + MAX_SESSION_EXPIRY_SECONDS + " seconds (MQTT's limit)");
        }
        return d;
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
