package io.watchkeeper.bench.load;

import io.watchkeeper.mqtt.broker.EmbeddedBroker;
import io.watchkeeper.mqtt.client.BrokerAddress;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * A broker under test: the embedded HiveMQ CE started here, a Mosquitto child process started here, or
 * an external broker given by URL (left alone). Closing stops what was started here.
 */
final class BrokerTarget implements AutoCloseable {

    private final String name;
    private final BrokerAddress address;
    private final @Nullable EmbeddedBroker embedded;
    private final @Nullable MosquittoProcess mosquitto;

    private BrokerTarget(String name, BrokerAddress address, @Nullable EmbeddedBroker embedded,
                         @Nullable MosquittoProcess mosquitto) {
        this.name = name;
        this.address = address;
        this.embedded = embedded;
        this.mosquitto = mosquitto;
    }

    /** Starts HiveMQ CE in this JVM on a free port of 127.0.0.1, with Watchkeeper's raised limits. */
    static BrokerTarget embedded() {
        EmbeddedBroker broker = EmbeddedBroker.builder().host("127.0.0.1").port(0).build().start();
        return new BrokerTarget("embedded", broker.address(), broker, null);
    }

    /** Starts a local Mosquitto with limits that do not drop QoS 1 messages. */
    static BrokerTarget mosquitto(@Nullable String executable, int maxInflightMessages) {
        MosquittoProcess m = MosquittoProcess.start(executable, maxInflightMessages);
        return new BrokerTarget("mosquitto", m.address(), null, m);
    }

    /** Starts a local Mosquitto with no config file at all: its defaults, as most users run it. */
    static BrokerTarget mosquittoDefault(@Nullable String executable) {
        MosquittoProcess m = MosquittoProcess.startDefault(executable);
        return new BrokerTarget("mosquitto-default", m.address(), null, m);
    }

    /** A broker someone else runs. */
    static BrokerTarget external(BrokerAddress address) {
        return new BrokerTarget(Objects.requireNonNull(address, "address").toString(), address, null, null);
    }

    String name() {
        return name;
    }

    BrokerAddress address() {
        return address;
    }

    /** Messages the broker reports having dropped: HiveMQ CE's counter; -1 when the broker does not tell. */
    long droppedMessages() {
        return embedded != null ? embedded.droppedMessages() : -1;
    }

    /** The process id of a Mosquitto started here, or -1 (for profiling it with {@code perf} or {@code top}). */
    long pid() {
        return mosquitto != null ? mosquitto.pid() : -1;
    }

    /** Warnings and errors a Mosquitto started here logged; empty otherwise. */
    String log() {
        return mosquitto != null ? mosquitto.log() : "";
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }
}
