package io.watchkeeper.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.mqtt.testing.SharedBrokers;
import io.watchkeeper.mqtt.testing.TcpProxy;
import io.watchkeeper.mqtt.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The burst that the original system lost two thirds of (DESIGN.md §1), through our Publisher and
 * Subscriber, on both brokers: every message must arrive, once, in order.
 */
@ExtendWith(SharedBrokers.class)
class RoundTripIT {

    private static final int MESSAGES = 10_000;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.Kind.class)
    void tenThousandQos1MessagesArriveOnceAndInOrder(TestBroker.Kind kind) throws Exception {
        TestBroker broker = SharedBrokers.get(kind);
        String topic = "roundtrip/" + kind + "/DATA";
        List<String> received = Collections.synchronizedList(new ArrayList<>(MESSAGES));
        AtomicInteger count = new AtomicInteger();
        MessageHandler handler = (t, payload) -> {
            received.add(t + " " + new String(payload, StandardCharsets.UTF_8));
            count.incrementAndGet();
        };
        try (Subscriber subscriber = Subscriber.connect(
                     ClientSettings.of(broker.address(), "roundtrip-sub-" + kind), List.of("roundtrip/" + kind + "/#"), handler);
             Publisher publisher = Publisher.connect(ClientSettings.of(broker.address(), "roundtrip-pub-" + kind))) {

            long start = System.nanoTime();
            List<CompletableFuture<Void>> acks = new ArrayList<>(MESSAGES);
            for (int i = 0; i < MESSAGES; i++) {
                acks.add(publisher.publish(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
                assertThat(publisher.inFlight()).isLessThanOrEqualTo(ClientSettings.DEFAULT_MAX_IN_FLIGHT);
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> count.get() >= MESSAGES);
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            System.out.printf("round trip on %s: %d QoS 1 messages in %d ms = %d msgs/s%n",
                    kind, MESSAGES, millis, MESSAGES * 1000L / millis);

            assertThat(publisher.published()).isEqualTo(MESSAGES);
            assertThat(publisher.failed()).isZero();
            assertThat(publisher.inFlight()).isZero();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> count.get() == MESSAGES); // and no duplicates trickle in
            assertThat(subscriber.received()).isEqualTo(MESSAGES);
            assertThat(subscriber.handlerErrors()).isZero();
            synchronized (received) {
                assertThat(received).containsExactlyElementsOf(
                        IntStream.range(0, MESSAGES).mapToObj(i -> topic + " " + i).toList());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.Kind.class)
    void publishBlocksAtMaxInFlightAndResumesWhenAcksArrive(TestBroker.Kind kind) throws Exception {
        TestBroker broker = SharedBrokers.get(kind);
        try (TcpProxy link = TcpProxy.start(broker.port());
             Publisher publisher = Publisher.connect(
                     ClientSettings.of(BrokerAddress.of("127.0.0.1", link.port()), "backpressure-" + kind)
                             .withMaxInFlight(4))) {
            link.pause(true); // acknowledgements stop coming back
            CompletableFuture<Void> fifth = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 5; i++) {
                    publisher.publish("backpressure/" + kind, new byte[] {(byte) i});
                }
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> publisher.inFlight() == 4);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> !fifth.isDone() && publisher.inFlight() == 4); // blocked, not dropped, not buffered
            link.pause(false);
            fifth.get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> publisher.published() == 5);
            assertThat(publisher.failed()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestBroker.Kind.class)
    void aThrowingHandlerIsCountedAndConsumptionGoesOn(TestBroker.Kind kind) {
        TestBroker broker = SharedBrokers.get(kind);
        List<String> good = new ArrayList<>();
        MessageHandler handler = (topic, payload) -> {
            String text = new String(payload, StandardCharsets.UTF_8);
            if (text.startsWith("bad")) {
                throw new IllegalArgumentException("poison " + text);
            }
            synchronized (good) {
                good.add(text);
            }
        };
        try (Subscriber subscriber = Subscriber.connect(
                     ClientSettings.of(broker.address(), "poison-sub-" + kind), List.of("poison/" + kind), handler);
             Publisher publisher = Publisher.connect(ClientSettings.of(broker.address(), "poison-pub-" + kind))) {
            for (String text : List.of("ok1", "bad1", "ok2", "bad2", "ok3")) {
                publisher.publish("poison/" + kind, text.getBytes(StandardCharsets.UTF_8));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.received() == 5);
            assertThat(subscriber.handlerErrors()).isEqualTo(2);
            synchronized (good) {
                assertThat(good).containsExactly("ok1", "ok2", "ok3");
            }
        }
    }
}
