package io.watchkeeper.server.input;

import io.watchkeeper.server.durable.Checkpointer;
import io.watchkeeper.server.input.log.InputLog;
import io.watchkeeper.server.input.log.LogFullException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jetbrains.annotations.Nullable;

/**
 * The detector's MQTT input, end to end: the receiver that appends and acknowledges, the log, the
 * reader that feeds the engine, and (with state) the checkpointer that frees the log behind it.
 *
 * @param checkpointer null without state: the log is then in memory and forgets what was read
 */
public record InputPipeline(InputLog log, LoggedInput receiver, LogPump reader, @Nullable Checkpointer checkpointer) {

    public InputPipeline {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(reader, "reader");
    }

    /** Input is taken (the log has room), the reader reads, and checkpoints succeed. */
    public boolean isHealthy() {
        return !receiver.isHolding() && !log.isFull() && reader.failure() == null
                && (checkpointer == null || checkpointer.isHealthy());
    }

    /**
     * Where the lines of a TCP or UDP input go: into the log, as {@code input/<name>}, read back into that
     * input's own AIS decoder, so that what such a feed sent is not lost if the engine dies (it cannot send
     * it again). When the log is full, the caller waits (TCP's flow control then slows the relay; a UDP
     * sender's datagrams wait in the socket buffer) until there is room or {@code stopping}.
     */
    public Consumer<String> lines(String name, BooleanSupplier stopping) {
        String source = InputDecoders.lineSource(name);
        return line -> {
            byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
            while (!stopping.getAsBoolean()) {
                try {
                    log.append(source, bytes, System.currentTimeMillis(), () -> { });
                    return;
                } catch (LogFullException e) {
                    LockSupport.parkNanos(50_000_000L);
                } catch (IllegalStateException e) {
                    return; // the log closed: stopping
                }
            }
        };
    }
}
