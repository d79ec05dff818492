package io.watchkeeper.ais.message;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Type 4 (base station report) and type 11 (UTC/date response): the station's UTC clock and position.
 * Date fields are raw (year 0, month 0, day 0, hour 24, minute 60, second 60 = n/a); positions in
 * 1/10000 minute as in {@link PositionReportClassA}.
 */
public record BaseStationReport(int type, int repeat, int mmsi, int year, int month, int day, int hour,
        int minute, int second, boolean accuracy, int lonRaw, int latRaw, int epfd, boolean raim, int radio)
        implements AisMessage {

    /** The transmitted UTC time, empty if any part is "not available" or out of range. */
    public Optional<Instant> utc() {
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            // Sentinels (month 0, hour 24, ...) and garbage both mean "no usable time": absent, not an error.
            return Optional.empty();
        }
    }

    public double lonDegrees() {
        return Units.lonDegreesFromTenThousandthMinutes(lonRaw);
    }

    public double latDegrees() {
        return Units.latDegreesFromTenThousandthMinutes(latRaw);
    }
}
