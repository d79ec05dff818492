package io.watchkeeper.ais.fix;

import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.weather.WeatherStations;
import java.util.Objects;

/**
 * Where an {@link AisIngest} sends what is neither a position nor static data but is read by a duty
 * officer: safety-related text (types 12 and 14) as {@code SAFETY_MESSAGE} events, and meteorological and
 * hydrographic reports (type 8, DAC 1 FI 11 and 31) to the weather stations shown on the map.
 *
 * @param safety  receives {@code SAFETY_MESSAGE} events, on the ingest's thread
 * @param weather the latest report of each weather station
 */
public record AisNotices(EventSink safety, WeatherStations weather) {

    /** Notices go nowhere: for decoding paths that show no map and publish no events. */
    public static final AisNotices NONE = new AisNotices(e -> { }, new WeatherStations(1));

    public AisNotices {
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(weather, "weather");
    }
}
