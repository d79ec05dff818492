package io.watchkeeper.core.fix;

import java.time.Instant;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * One position report of one vessel, after decoding and validation: the only input detectors see.
 *
 * <p>Two coordinate systems coexist. The original stations report planar {@code x}/{@code y};
 * real feeds report {@code lat}/{@code lon}. Absent numbers are {@code NaN} (documented hot-path
 * sentinel, STYLE.md rule 5), so a fix stays a flat record without boxing.
 *
 * @param vessel        the vessel that reported
 * @param site          the station or port that received it ({@code port_id} in the original format)
 * @param time          event time: when the vessel was at this position
 * @param x             planar x of the original format, or NaN
 * @param y             planar y of the original format, or NaN
 * @param lat           latitude in degrees, or NaN
 * @param lon           longitude in degrees, or NaN
 * @param sogKnots      speed over ground, or NaN
 * @param cogDegrees    course over ground, or NaN
 * @param headingDegrees true heading, or NaN
 * @param navStatus     AIS navigational status 0..15, or -1 when absent
 * @param positionJson  the original {@code position} object exactly as received, echoed verbatim in
 *                      events for wire compatibility; null for fixes that did not come as JSON
 */
public record Fix(
        VesselId vessel,
        String site,
        Instant time,
        double x,
        double y,
        double lat,
        double lon,
        double sogKnots,
        double cogDegrees,
        double headingDegrees,
        int navStatus,
        @Nullable String positionJson) {

    public static final int NO_NAV_STATUS = -1;

    public Fix {
        Objects.requireNonNull(vessel, "vessel");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(time, "time");
    }

    /** A fix in the original planar format. */
    public static Fix planar(VesselId vessel, String site, Instant time, double x, double y, @Nullable String positionJson) {
        return new Fix(vessel, site, time, x, y, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                NO_NAV_STATUS, positionJson);
    }

    /** A geographic fix, as from AIS or the native JSON format. */
    public static Fix geo(VesselId vessel, String site, Instant time, double lat, double lon, double sogKnots,
                          double cogDegrees, double headingDegrees, int navStatus, @Nullable String positionJson) {
        return new Fix(vessel, site, time, Double.NaN, Double.NaN, lat, lon, sogKnots, cogDegrees, headingDegrees,
                navStatus, positionJson);
    }

    public boolean isPlanar() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }

    public boolean isGeo() {
        return !Double.isNaN(lat) && !Double.isNaN(lon);
    }
}
