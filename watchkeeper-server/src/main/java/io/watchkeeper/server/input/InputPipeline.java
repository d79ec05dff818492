package io.watchkeeper.server.input;

import io.watchkeeper.server.durable.Checkpointer;
import io.watchkeeper.server.input.log.InputLog;
import java.util.Objects;
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
}
