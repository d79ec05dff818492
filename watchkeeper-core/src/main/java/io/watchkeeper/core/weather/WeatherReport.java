package io.watchkeeper.core.weather;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest meteorological and hydrographic observation of one station (an AIS weather station, buoy
 * or shore station), in the units a duty officer reads. Every number may be absent: NaN.
 *
 * @param station           who transmitted it (for AIS, the MMSI)
 * @param site              the input it was received on
 * @param receivedAt        receive time of the report
 * @param lat               station position, degrees
 * @param lon               station position, degrees
 * @param windKnots         10-minute mean wind speed
 * @param gustKnots         10-minute gust
 * @param windFromDegrees   wind direction (from), degrees true
 * @param airCelsius        air temperature
 * @param pressureHpa       air pressure at sea level
 * @param visibilityNm      horizontal visibility, nautical miles
 * @param waterLevelMetres  water level relative to chart datum
 * @param waveMetres        significant wave height
 * @param waterCelsius      sea surface temperature
 */
public record WeatherReport(String station, String site, Instant receivedAt, double lat, double lon, double windKnots,
                            double gustKnots, double windFromDegrees, double airCelsius, double pressureHpa,
                            double visibilityNm, double waterLevelMetres, double waveMetres, double waterCelsius) {

    public WeatherReport {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Whether the report says where the station is: a station without a position cannot go on a map. */
    public boolean hasPosition() {
        return !Double.isNaN(lat) && !Double.isNaN(lon);
    }
}
