package io.watchkeeper.ais.source;

import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * A snapshot of a network source, for metrics and {@code STATUS/}.
 *
 * @param name          the source's name, as in its thread name and log lines
 * @param connected     TCP: connected now; UDP: bound and receiving
 * @param connects      successful TCP connections so far (1 + reconnects); 0 for UDP
 * @param lines         lines handed on (including those whose handler threw)
 * @param datagrams     UDP datagrams received; 0 for TCP
 * @param bytes         bytes received
 * @param handlerErrors lines whose handler threw; the source went on with the next line
 * @param lastError     the latest connection or read failure, or null if none yet
 */
public record SourceStatus(
        String name,
        boolean connected,
        long connects,
        long lines,
        long datagrams,
        long bytes,
        long handlerErrors,
        @Nullable String lastError) {

    public SourceStatus {
        Objects.requireNonNull(name, "name");
    }
}
