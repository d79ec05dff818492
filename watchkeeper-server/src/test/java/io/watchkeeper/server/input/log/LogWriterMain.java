package io.watchkeeper.server.input.log;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child process for {@link SegmentLogKillIT}: appends numbered records as fast as it can and prints
 * every thousandth number whose append has returned (and so counts as acknowledged) until it is killed.
 */
public final class LogWriterMain {

    private LogWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        LogSettings settings = LogSettings.DEFAULTS.withSegmentBytes(1 << 20).withMaxBytes(1L << 30);
        try (SegmentLog log = SegmentLog.open(Path.of(args[0]), settings)) {
            for (int i = 0; ; i++) {
                log.append("DATA/K", SegmentLogKillIT.payload(i), i, () -> { });
                if (i % 1_000 == 0) {
                    System.out.println(i);
                    System.out.flush();
                }
            }
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
