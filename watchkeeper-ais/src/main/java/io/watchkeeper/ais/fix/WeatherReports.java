package io.watchkeeper.ais.fix;

import io.watchkeeper.ais.message.AisMessage;
import io.watchkeeper.ais.message.BroadcastBinaryMessage;
import io.watchkeeper.ais.message.MetHydroReport;
import io.watchkeeper.core.weather.WeatherReport;
import java.time.Instant;
import java.util.Optional;

/** The weather report in an AIS message: a type 8 meteorological and hydrographic broadcast (DAC 1, FI 11 or 31). */
final class WeatherReports {

    private WeatherReports() {
    }

    static Optional<WeatherReport> of(AisMessage m, String site, Instant time) {
        if (!(m instanceof BroadcastBinaryMessage b) || !(b.data() instanceof MetHydroReport r)) {
            return Optional.empty();
        }
        return Optional.of(new WeatherReport(Integer.toString(b.mmsi()), site, time, r.latDegrees(), r.lonDegrees(),
                r.windSpeedKnots(), r.windGustKnots(), r.windDirectionDegrees(), r.airTemperatureCelsius(),
                r.pressureHectopascals(), r.visibilityNauticalMiles(), r.waterLevelMetres(), r.waveHeightMetres(),
                r.waterTemperatureCelsius()));
    }
}
