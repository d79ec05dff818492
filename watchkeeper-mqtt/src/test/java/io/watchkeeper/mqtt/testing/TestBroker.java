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
        return new TestBroker() {
            @Override
            public BrokerAddress address() {
                return broker.address();
            }

            @Override
            public Kind kind() {
                return Kind.EMBEDDED;
            }

            @Override
            public void close() {
                broker.close();
            }

            @Override
            public String toString() {
                return "embedded HiveMQ CE@" + broker.port();
            }
        };
    }

    /** Mosquitto 2 on a free port of 127.0.0.1; skips (or fails under CI) if not installed. */
    static TestBroker mosquitto() {
        MosquittoBroker broker = MosquittoBroker.start();
        return new TestBroker() {
            @Override
            public BrokerAddress address() {
                return broker.address();
            }

            @Override
            public Kind kind() {
                return Kind.MOSQUITTO;
            }

            @Override
            public void close() {
                broker.close();
            }

            @Override
            public String toString() {
                return broker.toString();
            }
        };
    }
}
