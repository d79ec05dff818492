package io.watchkeeper.mqtt.testing;

import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.client.BrokerAddress;

/**
 * A broker for a test, embedded HiveMQ CE or external Mosquitto, behind one face so that the same test
 * body runs against both (DESIGN.md §4: the tests must pass against Mosquitto too).
 */
public interface TestBroker extends AutoCloseable {

    /** Which broker; a {@code @ParameterizedTest} over {@code @EnumSource(Kind.class)} runs a test on each. */
    enum Kind {
        EMBEDDED, MOSQUITTO;

        public TestBroker start() {
            return this == EMBEDDED ? embedded() : mosquitto();
        }
    }

    BrokerAddress address();

    default int port() {
        return address().port();
    }

    Kind kind();

    @Override
    void close();

    /** HiveMQ CE embedded on a free port of 127.0.0.1. */
    static TestBroker embedded() {
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build().start();
        return new Started(broker.address(), Kind.EMBEDDED, broker::close, "embedded HiveMQ CE@" + broker.port());
    }

    /** Mosquitto 2 on a free port of 127.0.0.1; skips (or fails under CI) if not installed. */
    static TestBroker mosquitto() {
        MosquittoBroker broker = MosquittoBroker.start();
        return new Started(broker.address(), Kind.MOSQUITTO, broker::close, broker.toString());
    }

    /** A running broker of either kind: where it listens, and how to stop it. */
    record Started(BrokerAddress address, Kind kind, Runnable stop, String name) implements TestBroker {

        @Override
        public void close() {
            stop.run();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
