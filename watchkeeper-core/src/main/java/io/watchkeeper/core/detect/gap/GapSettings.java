package io.watchkeeper.core.detect.gap;

import java.time.Duration;
import java.util.Objects;

/**
 * When silence becomes an AIS gap.
 *
 * @param atSea  silence after a fix outside ports that opens a gap (default 6 h: Global Fishing
 *               Watch's AIS-gap events, which count a vessel as "dark" after 6 h without a position)
 * @param inPort silence after a fix inside a port, berth or anchorage zone (default 4 h: GFW's
 *               in-port gap of its port-visit model; harbour operators may want far less, e.g. 30 min
 *               for tugs and pilot boats, which report every few seconds)
 */
public record GapSettings(Duration atSea, Duration inPort) {

    public static final GapSettings DEFAULTS = new GapSettings(Duration.ofHours(6), Duration.ofHours(4));

    public GapSettings {
        Objects.requireNonNull(atSea, "atSea");
        Objects.requireNonNull(inPort, "inPort");
        if (atSea.toMillis() < 1_000 || inPort.toMillis() < 1_000) {
            throw new IllegalArgumentException("gap thresholds must be at least 1 s, were atSea " + atSea
                    + " and inPort " + inPort);
        }
    }
}
