package io.watchkeeper.kafka.streams;

import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.engine.DetectionSetup;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The Streams application, two stages joined by the fixes topic:
 *
 * <pre>
 * input (by station) → decode ─┬→ fixes (by vessel; marks to all) → detect → events (by vessel)
 *                              └→ dead letters                          └→ dead letters
 * </pre>
 *
 * Both stages keep their state in persistent key-value stores with changelog topics, so a task moves
 * to another instance with its state.
 */
public final class DetectionTopology {

    static final String FIXES_SINK = "to-fixes";
    static final String EVENTS_SINK = "to-events";
    static final String DEAD_LETTER_SINK = "to-deadletters";
    static final String DECODE_DEAD_LETTER_SINK = "decode-to-deadletters";
    /** AIS safety messages: events straight from decoding, as the in-process detector publishes them. */
    static final String DECODE_EVENTS_SINK = "decode-to-events";

    private DetectionTopology() {
    }

    public static Topology build(KafkaTopics topics, DetectionSetup setup, FramerSettings framing) {
        long sweepEvery = setup.sweepEvery().toMillis();
        Topology t = new Topology();
        t.addSource("input", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.input());
        t.addProcessor("decode", () -> new DecodeProcessor(sweepEvery, framing), "input");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DecodeProcessor.SWEEPS_STORE),
                Serdes.String(), Serdes.ByteArray()), "decode");
        t.addSink(FIXES_SINK, topics.fixes(), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
                new VesselPartitioner(), "decode");
        t.addSink(DECODE_DEAD_LETTER_SINK, topics.deadLetters(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), "decode");
        t.addSink(DECODE_EVENTS_SINK, topics.events(), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
                "decode");

        t.addSource("fixes", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.fixes());
        t.addProcessor("detect", () -> new VesselProcessor(setup.detectors(), setup.zones()), "fixes");
        for (String store : new String[] {VesselProcessor.VESSELS_STORE, VesselProcessor.STATIC_STORE,
                VesselProcessor.MARKS_STORE}) {
            // Cached: a vessel written by many fixes between two commits goes to RocksDB and its changelog once.
            t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(),
                    Serdes.ByteArray()).withCachingEnabled(), "detect");
        }
        t.addSink(EVENTS_SINK, topics.events(), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
                "detect");
        t.addSink(DEAD_LETTER_SINK, topics.deadLetters(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), "detect");
        return t;
    }
}
