package io.watchkeeper.ais.message;

import java.util.List;

/** DAC 200 FI 24 (Inland AIS): water levels of up to four gauges of a country, level in cm (signed). */
public record InlandWaterLevels(String country, List<Gauge> gauges) implements ApplicationData {

    public InlandWaterLevels {
        gauges = List.copyOf(gauges);
    }

    /** One gauge: national gauge id and level. */
    public record Gauge(int id, int level) {
    }
}
