package io.watchkeeper.mqtt.source;

import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.mqtt.client.MessageHandler;
import io.watchkeeper.mqtt.topic.Topics;
import io.watchkeeper.mqtt.wire.Decoded;
import io.watchkeeper.mqtt.wire.FixDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Turns messages on {@code DATA/<station>[/<vessel>]} into fixes for the engine, and everything
 * else into dead letters. It only converts and hands on (no detection, no I/O of its own), so the
 * MQTT client's thread is never held by slow work; it does wait when the engine pushes back.
 */
public final class FixSource implements MessageHandler {

    private final FixDecoder decoder;
    private final Consumer<Fix> fixes;
    private final InputRejects rejects;
    private final LongAdder accepted = new LongAdder();

    /**
     * @param fixes where accepted fixes go, usually {@code engine::submit}; may block (backpressure)
     */
    public FixSource(FixDecoder decoder, Consumer<Fix> fixes, DeadLetterSink deadLetters, Clock clock) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.fixes = Objects.requireNonNull(fixes, "fixes");
        // JSON is UTF-8: bytes that are not become U+FFFD in the dead letter rather than an exception
        this.rejects = new InputRejects(deadLetters, clock, StandardCharsets.UTF_8);
    }

    @Override
    public void onMessage(String topic, byte[] payload) {
        String station = Topics.stationOfData(topic).orElse(null);
        if (station == null) {
            rejects.wrongTopic(topic, "a DATA/<station>", payload);
            return;
        }
        Decoded d = decoder.decode(station, payload);
        if (d instanceof Decoded.Accepted a) {
            fixes.accept(a.fix());
            accepted.increment();
        } else if (d instanceof Decoded.Rejected r) {
            rejects.reject(station, r.reason(), r.detail(), payload);
        }
    }

    public long accepted() {
        return accepted.sum();
    }

    public long rejected() {
        return rejects.count();
    }
}
