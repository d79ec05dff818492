package io.watchkeeper.server.app;

import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.engine.EngineStats;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.mqtt.client.MessageHandler;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.client.Subscriber;
import io.watchkeeper.server.input.InputPipeline;
import io.watchkeeper.server.metrics.EventTimeWatermark;
import io.watchkeeper.server.metrics.WatchkeeperMetrics;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jetbrains.annotations.Nullable;

/**
 * The one place that puts the detector's metrics around its flow: messages in, before the router;
 * events and dead letters out, around the MQTT sinks; the event-time watermark, on the fix tap; and
 * the clients, the input, the engine and the vessels, bound to be read at scrape time. Without metrics
 * every wrap returns what it was given and every bind does nothing.
 */
final class Metering {

    private final @Nullable WatchkeeperMetrics metrics;
    private final EventTimeWatermark watermark = new EventTimeWatermark();

    Metering(@Nullable WatchkeeperMetrics metrics) {
        this.metrics = metrics;
    }

    /** Counts each message as in on its topic root, then routes it. */
    MessageHandler messagesIn(MessageHandler router) {
        return metrics == null ? router : metrics.messagesIn(router);
    }

    /** Publishes each event, counts it as out on {@code EVENT}, and counts it by type. */
    EventSink eventsOut(EventSink mqtt) {
        return metrics == null ? mqtt : EventSink.all(metrics.eventsOut(mqtt), metrics.events());
    }

    /** Counts each dead letter by reason, publishes it, and counts it as out on {@code DEADLETTER}. */
    DeadLetterSink deadLettersOut(DeadLetterSink mqtt) {
        return metrics == null ? mqtt : metrics.deadLetters(metrics.deadLettersOut(mqtt));
    }

    /** Notes each accepted fix's event time for the event-time lag, then hands it to {@code tap}. */
    Consumer<Fix> fixTap(Consumer<Fix> tap) {
        return metrics == null ? tap : watermark.andThen(tap);
    }

    void bindPublisher(Publisher publisher) {
        if (metrics != null) {
            metrics.bindPublisher(publisher);
        }
    }

    /** Binds what the running detector counts: its subscriber, input, engine and vessels. */
    void bindRunning(Subscriber subscriber, InputPipeline input, Supplier<EngineStats> engine,
                     VesselRegistry vessels) {
        if (metrics != null) {
            metrics.bindSubscriber(subscriber);
            metrics.bindInput(input);
            metrics.bindEngine(engine, watermark::latest);
            metrics.bindVesselRegistry(vessels);
        }
    }
}
