package io.watchkeeper.mqtt.wire;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Time stamps as the original system writes them: epoch seconds with a fraction, like Python's
 * {@code time.time()}, as a plain decimal ({@code 1732661234.123}) rather than Java's {@code 1.732661234123E9}.
 */
public final class EpochSeconds {

    private EpochSeconds() {
    }

    /** Epoch seconds with microsecond precision, as a station's {@code time.time()} stamps its reports. */
    public static String formatMicros(Instant t) {
        long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
        return BigDecimal.valueOf(micros, 6).toPlainString();
    }
}
