package io.watchkeeper.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.mqtt.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MQTT clients' own counters, read at scrape time, next to the per-topic counts of the handler wrapper. */
class WatchkeeperMetricsIT {

    @Test
    void readsTheClientsCountersAtScrapeTime(@TempDir Path data, @TempDir Path work) throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).dataFolder(data).workFolder(work).build().start();
             WatchkeeperMetrics metrics = WatchkeeperMetrics.create(Clock.systemUTC());
             Subscriber subscriber = Subscriber.connect(ClientSettings.of(broker.address(), "metrics-in"),
                     List.of(Topics.dataFilter(), Topics.aisFilter()), metrics.messagesIn((topic, payload) -> { }));
             Publisher publisher = Publisher.connect(ClientSettings.of(broker.address(), "metrics-out"))) {
            metrics.bindSubscriber(subscriber);
            metrics.bindPublisher(publisher);

            byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);
            publisher.publish(Topics.data("station1"), payload).get(10, TimeUnit.SECONDS);
            publisher.publish(Topics.data("station1"), payload).get(10, TimeUnit.SECONDS);
            publisher.publish(Topics.ais("station1"), payload).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.received() == 3);

            assertThat(metrics.scrape())
                    .contains("watchkeeper_messages_in_total{topic=\"DATA\"} 2.0")
                    .contains("watchkeeper_messages_in_total{topic=\"AIS\"} 1.0")
                    .contains("watchkeeper_mqtt_received_total{client=\"metrics-in\"} 3.0")
                    .contains("watchkeeper_mqtt_handler_errors_total{client=\"metrics-in\"} 0.0")
                    .contains("watchkeeper_mqtt_published_total{client=\"metrics-out\"} 3.0")
                    .contains("watchkeeper_mqtt_publish_failed_total{client=\"metrics-out\"} 0.0")
                    .contains("watchkeeper_mqtt_in_flight{client=\"metrics-out\"} 0.0")
                    .contains("watchkeeper_mqtt_reconnects_total{client=\"metrics-in\"} 0.0")
                    .contains("watchkeeper_mqtt_reconnects_total{client=\"metrics-out\"} 0.0");
        }
    }
}
