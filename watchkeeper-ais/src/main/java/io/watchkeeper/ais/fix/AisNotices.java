package io.watchkeeper.ais.fix;

import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.weather.WeatherReport;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where an {@link AisIngest} sends what is neither a position nor static data but is read by a duty
 * officer: safety-related text (types 12 and 14) as {@code SAFETY_MESSAGE} events, and meteorological and
 * hydrographic reports (type 8, DAC 1 FI 11 and 31) to the weather stations shown on the map.
 *
 * @param safety  receives {@code SAFETY_MESSAGE} events, on the ingest's thread
 * @param weather receives each weather report, on the ingest's thread (the map's
 *                {@link io.watchkeeper.core.weather.WeatherStations#update})
 */
public record AisNotices(EventSink safety, Consumer<WeatherReport> weather) {

    /** Notices go nowhere: for decoding paths that show no map and publish no events. */
    public static final AisNotices NONE = new AisNotices(e -> { }, r -> { });

    /** Safety messages to {@code safety}; weather reports dropped, for paths that show no map. */
    public static AisNotices safetyOnly(EventSink safety) {
        return new AisNotices(safety, r -> { });
    }

    public AisNotices {
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(weather, "weather");
    }
}
