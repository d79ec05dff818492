package io.watchkeeper.ais.message;

/**
 * A meteorological and hydrographic report from a weather station, buoy or shore station: DAC 1 FI 11
 * (IMO SN.1/Circ.236, Annex 2, application 1) or its successor DAC 1 FI 31 (IMO SN.1/Circ.289, Annex,
 * "Meteorological and hydrographic data"). Both are broadcast in type 8.
 *
 * <p>The components hold the values as transmitted ({@code *Raw} where an encoding is applied, otherwise
 * already in the unit named). The methods give SI/AIS units with NaN for "not available" and for
 * reserved codes; their encodings differ between the two FIs ({@link #fid()}) and follow the circulars:
 * <ul>
 *   <li>position: 1/1000 minute (both); lon 181°, lat 91° = not available;</li>
 *   <li>air temperature: FI 11 {@code (raw - 600) / 10} °C, 2047 n/a; FI 31 signed {@code raw / 10} °C,
 *       -1024 n/a;</li>
 *   <li>dew point: FI 11 {@code (raw - 200) / 10} °C, 1023 n/a; FI 31 signed {@code raw / 10} °C, 501 n/a;</li>
 *   <li>air pressure: FI 11 {@code raw + 800} hPa, 511 n/a; FI 31 {@code raw + 799} hPa (0 = 799 or less,
 *       402 = 1201 or more), 403..511 n/a;</li>
 *   <li>visibility: {@code raw / 10} nautical miles; FI 11 255 n/a (8 bits), FI 31 127 n/a (7 bits, and
 *       {@link #visibilityGreater()} = "greater than");</li>
 *   <li>water level: FI 11 {@code (raw - 100) / 10} m, 511 n/a; FI 31 {@code raw / 100 - 10} m, 4001 n/a;</li>
 *   <li>water temperature: FI 11 {@code (raw - 100) / 10} °C, 1023 n/a; FI 31 signed {@code raw / 10} °C,
 *       501 n/a;</li>
 *   <li>wind speed and gust: knots, 127 n/a (FI 31: 126 = 126 kn or more); directions: degrees, FI 11
 *       511 n/a, FI 31 360 n/a; relative humidity: %, FI 11 127 n/a, FI 31 101 n/a;</li>
 *   <li>current speed, wave and swell height: {@code raw / 10} knots or metres, 255 n/a; wave and swell
 *       period: seconds, 63 n/a; current depth: metres, 31 n/a; sea state: Beaufort 0..12;
 *       salinity {@code raw / 10} ‰, 501 and above n/a;</li>
 *   <li>tendencies (pressure, water level): 0 steady, 1 increasing, 2 decreasing, 3 n/a;
 *       precipitation (WMO 306 code table 4.201): 7 n/a; ice: 0 no, 1 yes, 3 n/a.</li>
 * </ul>
 *
 * @param accuracy position accuracy flag; FI 31 only (false for FI 11)
 * @param day day of month of the observation (UTC), 0 = not available
 * @param hour hour (UTC), 24 = not available
 * @param minute minute, 60 = not available
 */
public record MetHydroReport(int fid, int lonRaw, int latRaw, boolean accuracy, int day, int hour, int minute,
        int windSpeed, int windGust, int windDirection, int windGustDirection, int airTemperatureRaw, int humidity,
        int dewPointRaw, int pressureRaw, int pressureTendency, boolean visibilityGreater, int visibilityRaw,
        int waterLevelRaw, int waterLevelTrend, int currentSpeedRaw, int currentDirection, int currentSpeed2Raw,
        int currentDirection2, int currentDepth2, int currentSpeed3Raw, int currentDirection3, int currentDepth3,
        int waveHeightRaw, int wavePeriod, int waveDirection, int swellHeightRaw, int swellPeriod, int swellDirection,
        int seaState, int waterTemperatureRaw, int precipitationType, int salinityRaw, int ice)
        implements ApplicationData {

    /** FI 11: IMO SN.1/Circ.236 (2004). */
    public static final int FID_IMO236 = 11;
    /** FI 31: IMO SN.1/Circ.289 (2010). */
    public static final int FID_IMO289 = 31;

    private boolean imo289() {
        return fid == FID_IMO289;
    }

    public double lonDegrees() {
        return limit(lonRaw / 60_000.0, 180.0);
    }

    public double latDegrees() {
        return limit(latRaw / 60_000.0, 90.0);
    }

    /** Average wind speed over the last 10 minutes, knots. */
    public double windSpeedKnots() {
        return windSpeed >= 127 ? Double.NaN : windSpeed;
    }

    /** Wind gust over the last 10 minutes, knots. */
    public double windGustKnots() {
        return windGust >= 127 ? Double.NaN : windGust;
    }

    public double windDirectionDegrees() {
        return windDirection >= 360 ? Double.NaN : windDirection;
    }

    public double windGustDirectionDegrees() {
        return windGustDirection >= 360 ? Double.NaN : windGustDirection;
    }

    public double airTemperatureCelsius() {
        if (imo289()) {
            return airTemperatureRaw == -1024 ? Double.NaN : airTemperatureRaw / 10.0;
        }
        return airTemperatureRaw >= 2047 ? Double.NaN : (airTemperatureRaw - 600) / 10.0;
    }

    /** Relative humidity, percent. */
    public double humidityPercent() {
        return humidity > 100 ? Double.NaN : humidity;
    }

    public double dewPointCelsius() {
        if (imo289()) {
            return dewPointRaw > 500 ? Double.NaN : dewPointRaw / 10.0;
        }
        return dewPointRaw >= 1023 ? Double.NaN : (dewPointRaw - 200) / 10.0;
    }

    /** Air pressure at sea level, hPa. */
    public double pressureHectopascals() {
        if (imo289()) {
            return pressureRaw > 402 ? Double.NaN : pressureRaw + 799;
        }
        return pressureRaw >= 511 ? Double.NaN : pressureRaw + 800;
    }

    /** Horizontal visibility, nautical miles (FI 31: a lower bound when {@link #visibilityGreater()}). */
    public double visibilityNauticalMiles() {
        int notAvailable = imo289() ? 127 : 255;
        return visibilityRaw >= notAvailable ? Double.NaN : visibilityRaw / 10.0;
    }

    /** Water level (deviation from local chart datum), metres. */
    public double waterLevelMetres() {
        if (imo289()) {
            return waterLevelRaw > 4000 ? Double.NaN : waterLevelRaw / 100.0 - 10.0;
        }
        return waterLevelRaw >= 511 ? Double.NaN : (waterLevelRaw - 100) / 10.0;
    }

    /** Surface current speed, knots. */
    public double currentSpeedKnots() {
        return currentSpeedRaw > 250 ? Double.NaN : currentSpeedRaw / 10.0;
    }

    public double currentDirectionDegrees() {
        return currentDirection >= 360 ? Double.NaN : currentDirection;
    }

    /** Significant wave height, metres. */
    public double waveHeightMetres() {
        return waveHeightRaw > 250 ? Double.NaN : waveHeightRaw / 10.0;
    }

    public double wavePeriodSeconds() {
        return wavePeriod >= 63 ? Double.NaN : wavePeriod;
    }

    public double swellHeightMetres() {
        return swellHeightRaw > 250 ? Double.NaN : swellHeightRaw / 10.0;
    }

    public double waterTemperatureCelsius() {
        if (imo289()) {
            return waterTemperatureRaw > 500 ? Double.NaN : waterTemperatureRaw / 10.0;
        }
        return waterTemperatureRaw >= 1023 ? Double.NaN : (waterTemperatureRaw - 100) / 10.0;
    }

    /** Sea state on the Beaufort scale, NaN above 12. */
    public double seaStateBeaufort() {
        return seaState > 12 ? Double.NaN : seaState;
    }

    /** Salinity, per mille. */
    public double salinityPerMille() {
        return salinityRaw > 500 ? Double.NaN : salinityRaw / 10.0;
    }

    private static double limit(double degrees, double max) {
        return Math.abs(degrees) > max ? Double.NaN : degrees;
    }
}
