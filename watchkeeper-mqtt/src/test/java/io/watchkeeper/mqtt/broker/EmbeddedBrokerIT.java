package io.watchkeeper.mqtt.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.testing.RawMqtt;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Starts the real embedded HiveMQ CE and checks that each safe default in {@link HiveMqConfig} takes effect
 * (a misspelt element would only log a warning and keep HiveMQ's default).
 */
class EmbeddedBrokerIT {

    /** Shared by the tests that only look at a running default broker: HiveMQ CE takes ~4 s to stop. */
    private static EmbeddedBroker broker;
    /** What HiveMQ said about its configuration while the shared broker started. */
    private static final List<String> startupLog = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startDefaultBroker() {
        List<Logger> watched = List.of(
                (Logger) LoggerFactory.getLogger("com.hivemq.statistics.UsageStatisticsConfigImpl"),
                (Logger) LoggerFactory.getLogger("com.hivemq.configuration.service.impl.MqttConfigurationServiceImpl"),
                (Logger) LoggerFactory.getLogger("com.hivemq.HiveMQServer"));
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                startupLog.add(event.getFormattedMessage().strip());
            }
        };
        capture.start();
        for (Logger logger : watched) {
            logger.setLevel(Level.DEBUG);
            logger.setAdditive(false);
            logger.addAppender(capture);
        }
        try {
            broker = EmbeddedBroker.builder().port(0).build().start();
        } finally {
            for (Logger logger : watched) {
                logger.detachAppender(capture);
                logger.setLevel(null);
                logger.setAdditive(true);
            }
        }
    }

    @Test
    void hiveMqReportsEverySafeDefaultAsApplied() {
        // HiveMQ's own account of the config it loaded: the one way to see usage statistics are off.
        assertThat(startupLog).contains(
                "Setting anonymous usage statistics enabled to false",
                "Starting with in-memory persistence mode.",
                "Setting the number of max queued messages  per client to 1000000 entries",
                "Setting queued messages strategy for each client to DISCARD",
                "Setting the server receive maximum to 65535");
    }

    @Test
    void tenMegabytePublishIsRefusedAndTheBrokerAndOtherClientsGoOn() throws Exception {
        Queue<String> received = new ConcurrentLinkedQueue<>();
        try (Subscriber engine = Subscriber.connect(
                ClientSettings.of(broker.address(), "big-engine"), List.of("DATA/#"),
                (topic, payload) -> received.add(topic + " " + payload.length))) {
            Mqtt5BlockingClient flooder = rawClient(broker, "big-station");
            Mqtt5ConnAck connAck = flooder.connect();
            assertThat(connAck.getRestrictions().getMaximumPacketSize()).isEqualTo(EmbeddedBroker.DEFAULT_MAX_PACKET_BYTES);
            // the HiveMQ client refuses locally what the broker announced it would refuse: a raw socket sends it anyway
            assertThat(RawMqtt.publishAndSeeClosed(broker.port(), "big-raw", "DATA/BIG", 10 * 1024 * 1024))
                    .as("the broker closes the connection").isTrue();
            assertThat(broker.isRunning()).isTrue();
            assertThat(engine.isConnected()).isTrue();
            flooder.publishWith().topic("DATA/SMALL").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[100]).send();
            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("DATA/SMALL 100"));
            assertThat(received).containsExactly("DATA/SMALL 100");
            flooder.disconnect();
        }
    }

    @Test
    void theBrokerSendsOurClientNothingOverItsMaximumPacketSize() throws Exception {
        Queue<Integer> sizes = new ConcurrentLinkedQueue<>();
        long droppedBefore = broker.droppedMessages();
        try (Subscriber small = Subscriber.connect(ClientSettings.of(broker.address(), "small-client")
                .withMaximumPacketSize(4096), List.of("SIZE/#"), (topic, payload) -> sizes.add(payload.length))) {
            Mqtt5BlockingClient publisher = rawClient(broker, "size-publisher");
            publisher.connect();
            publisher.publishWith().topic("SIZE/big").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[10_000]).send();
            publisher.publishWith().topic("SIZE/small").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[100]).send();
            await().atMost(Duration.ofSeconds(10)).until(() -> sizes.contains(100));
            // the 10 kB message was not sent to a client that accepts 4 kB: dropped at the broker, and counted
            assertThat(sizes).containsExactly(100);
            await().atMost(Duration.ofSeconds(5)).until(() -> broker.droppedMessages() > droppedBefore);
            assertThat(small.isConnected()).isTrue();
            publisher.disconnect();
        }
    }

    @AfterAll
    static void stopDefaultBroker() {
        broker.close();
    }

    @Test
    void startsOnAnEphemeralPortAndAllowsManyInFlightPublishes() {
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.port()).isPositive().isNotEqualTo(1883);
        assertThat(broker.address().host()).isEqualTo("127.0.0.1");
        Mqtt5BlockingClient client = rawClient(broker, "probe");
        Mqtt5ConnAck connAck = client.connect();
        // mqtt/receive-maximum/server-receive-maximum: HiveMQ's default is 10
        assertThat(connAck.getRestrictions().getReceiveMaximum()).isEqualTo(65535);
        client.disconnect();
    }

    @Test
    void bindsLoopbackOnlyByDefault() {
        // 127.0.0.2 is loopback too, but only a wildcard bind accepts there: proves bind-address took effect
        assertThat(accepts("127.0.0.1", broker.port())).isTrue();
        assertThat(accepts("127.0.0.2", broker.port())).as("bound to 127.0.0.1 only").isFalse();
    }

    @Test
    void portTakenGivesOneClearLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedBroker.builder().port(port).build().start())
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void secondBrokerOnTheSamePortIsRefusedAndTheFirstKeepsRunning() {
        assertThatThrownBy(() -> EmbeddedBroker.builder().port(broker.port()).build().start())
                .isInstanceOf(BrokerStartException.class)
                .hasMessage("port " + broker.port() + " on 127.0.0.1 is already in use");
        assertThat(accepts("127.0.0.1", broker.port())).isTrue();
    }

    @Test
    void refusesToStartTwice() {
        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void queuesFarMoreThanHiveMqsDefaultThousandForAnOfflineSubscriber() throws Exception {
        long droppedBefore = broker.droppedMessages();
        queueThroughOfflineSession(broker, 3000, 3000);
        assertThat(broker.droppedMessages()).isEqualTo(droppedBefore);
    }

    @Test
    void withHiveMqsOwnQueueLimitTheSameBurstLosesMessagesAndCountsThem() throws Exception {
        // Negative control: proves that max-queue-size is the element that matters and that drops are visible.
        try (EmbeddedBroker small = EmbeddedBroker.builder().port(0).maxQueuedMessages(1000).build().start()) {
            queueThroughOfflineSession(small, 3000, 1000);
            assertThat(small.droppedMessages()).isEqualTo(2000);
        }
    }

    @Test
    void wildcardHostIsOptInAndTheConfigLandsInAGivenWorkFolder(@TempDir Path work) throws IOException {
        try (EmbeddedBroker open = EmbeddedBroker.builder().host("0.0.0.0").port(0).workFolder(work).build().start()) {
            assertThat(open.address().host()).isEqualTo("127.0.0.1");
            assertThat(accepts("127.0.0.2", open.port())).as("bound to every interface").isTrue();
            String xml = Files.readString(work.resolve("conf/config.xml"));
            assertThat(xml).contains("<bind-address>0.0.0.0</bind-address>", "<port>" + open.port() + "</port>",
                    "<mode>in-memory</mode>", "<max-queue-size>1000000</max-queue-size>");
            assertThat(work.resolve("extensions")).isEmptyDirectory();
            // persistence/mode in-memory: HiveMQ writes no persistence folder (file mode does, see below)
            assertThat(work.resolve("data/persistence")).doesNotExist();
        }
        assertThat(work.resolve("conf/config.xml")).exists();
    }

    @Test
    void filePersistenceWithADataFolderKeepsRetainedMessagesAcrossARestart(@TempDir Path dataFolder) {
        int port;
        try (EmbeddedBroker first = EmbeddedBroker.builder().port(0).dataFolder(dataFolder).build().start()) {
            port = first.port();
            publishRetained(first, "keep/me", "v2");
        }
        assertThat(dataFolder.resolve("persistence")).isDirectory();
        try (EmbeddedBroker restarted = EmbeddedBroker.builder().port(port).dataFolder(dataFolder).build().start()) {
            assertThat(retainedOn(restarted, "keep/#")).containsExactly("v2");
        }
    }

    /**
     * A persistent session subscribes and goes offline; {@code count} QoS 1 messages are published; the
     * session resumes and must receive exactly {@code expected} of them, oldest first.
     */
    private static void queueThroughOfflineSession(EmbeddedBroker broker, int count, int expected) throws Exception {
        Mqtt5BlockingClient offline = rawClient(broker, "offline-subscriber");
        offline.connectWith().cleanStart(true).sessionExpiryInterval(300).send();
        offline.subscribeWith().topicFilter("queue/#").qos(MqttQos.AT_LEAST_ONCE).send();
        offline.disconnect();

        try (Publisher publisher = Publisher.connect(ClientSettings.of(broker.address(), "burst"))) {
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                acks.add(publisher.publish("queue/x", ("m" + i).getBytes(StandardCharsets.UTF_8)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }

        List<String> received = Collections.synchronizedList(new ArrayList<>());
        var resumed = Mqtt5Client.builder().identifier("offline-subscriber")
                .serverHost("127.0.0.1").serverPort(broker.port()).buildAsync();
        resumed.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL,
                p -> received.add(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        Mqtt5ConnAck connAck = resumed.connectWith().cleanStart(false).sessionExpiryInterval(0)
                .restrictions().receiveMaximum(1024).applyRestrictions().send().get(10, TimeUnit.SECONDS);
        assertThat(connAck.isSessionPresent()).isTrue();
        await().atMost(Duration.ofSeconds(30)).during(Duration.ofMillis(500))
                .until(() -> received.size() == expected);
        resumed.disconnect().get(10, TimeUnit.SECONDS);
        for (int i = 0; i < received.size(); i++) {
            assertThat(received.get(i)).isEqualTo("m" + i); // in order; strategy "discard" keeps the oldest
        }
    }

    private static void publishRetained(EmbeddedBroker broker, String topic, String payload) {
        Mqtt5BlockingClient client = rawClient(broker, "retainer");
        client.connect();
        client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).retain(true).send();
        client.disconnect();
    }

    private static List<String> retainedOn(EmbeddedBroker broker, String filter) {
        Mqtt5BlockingClient client = rawClient(broker, "reader");
        client.connect();
        List<String> retained = new ArrayList<>();
        try (var publishes = client.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL)) {
            client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
            Optional<com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish> p;
            while ((p = publishes.receive(1, TimeUnit.SECONDS)).isPresent()) {
                retained.add(new String(p.get().getPayloadAsBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.disconnect();
        return retained;
    }

    private static Mqtt5BlockingClient rawClient(EmbeddedBroker broker, String id) {
        return Mqtt5Client.builder().identifier(id).serverHost("127.0.0.1").serverPort(broker.port()).buildBlocking();
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false; // refused: nothing listens on that address
        }
    }
}
