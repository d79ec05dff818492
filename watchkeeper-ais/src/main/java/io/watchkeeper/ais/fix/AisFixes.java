package io.watchkeeper.ais.fix;

import io.watchkeeper.ais.message.AisMessage;
import io.watchkeeper.ais.message.ClassBExtendedReport;
import io.watchkeeper.ais.message.LongRangeReport;
import io.watchkeeper.ais.message.PositionReport;
import io.watchkeeper.ais.message.PositionReportClassA;
import io.watchkeeper.ais.message.SarAircraftReport;
import io.watchkeeper.ais.message.StaticAndVoyageData;
import io.watchkeeper.ais.message.StaticDataReportA;
import io.watchkeeper.ais.message.StaticDataReportB;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import java.time.Instant;
import java.util.Optional;
import org.jetbrains.annotations.Nullable;

/**
 * AIS messages in the engine's terms: position reports become {@link Fix}es, static reports become
 * {@link VesselInfo}. The AIS "not available" values stop here (STYLE.md rule 5): the messages' scaled
 * accessors already give NaN for them, and an absent number is absent in the fix too.
 */
public final class AisFixes {

    /** Raw latitude of "not available" (91°) and longitude (181°), in 1/10000 minute. */
    private static final int LAT_NOT_AVAILABLE = 91 * 600_000;
    private static final int LON_NOT_AVAILABLE = 181 * 600_000;

    private AisFixes() {
    }

    /** What a position report says, in a form that needs no further AIS knowledge. */
    public sealed interface Position {
    }

    /** A usable position. */
    public record At(Fix fix) implements Position {
    }

    /** A position report whose position is "not available": normal AIS, counted, not an error. */
    public record NotAvailable() implements Position {
    }

    /** A position outside the earth (neither valid nor the "not available" value): bad input. */
    public record Impossible(String detail) implements Position {
    }

    /**
     * The position of a vessel position report (types 1, 2, 3, 9, 18, 19, 27); empty for other messages.
     *
     * @param site the station or feed the report came through
     * @param time when the report was received (AIS reports carry only the UTC second)
     */
    public static Optional<Position> position(AisMessage m, String site, Instant time) {
        if (m instanceof PositionReport p) {
            int navStatus = p instanceof PositionReportClassA a ? a.navStatus() : Fix.NO_NAV_STATUS;
            return Optional.of(position(m, site, time, p.latRaw(), p.lonRaw(), p.latDegrees(), p.lonDegrees(),
                    p.sogKnots(), p.cogDegrees(), p.headingDegrees(), navStatus));
        }
        if (m instanceof LongRangeReport p) {
            // Type 27 counts in 1/10 minute, so its "not available" raw values differ; the scaled NaN is enough.
            return Optional.of(geo(m, site, time, p.latDegrees(), p.lonDegrees(), p.sogKnots(), p.cogDegrees(),
                    Double.NaN, p.navStatus(), p.latRaw() == 91 * 600 || p.lonRaw() == 181 * 600));
        }
        if (m instanceof SarAircraftReport p) {
            return Optional.of(position(m, site, time, p.latRaw(), p.lonRaw(), p.latDegrees(), p.lonDegrees(),
                    p.sogKnots(), p.cogDegrees(), Double.NaN, Fix.NO_NAV_STATUS));
        }
        return Optional.empty();
    }

    private static Position position(AisMessage m, String site, Instant time, int latRaw, int lonRaw, double lat,
                                     double lon, double sog, double cog, double heading, int navStatus) {
        return geo(m, site, time, lat, lon, sog, cog, heading, navStatus,
                latRaw == LAT_NOT_AVAILABLE || lonRaw == LON_NOT_AVAILABLE);
    }

    private static Position geo(AisMessage m, String site, Instant time, double lat, double lon, double sog,
                                double cog, double heading, int navStatus, boolean notAvailable) {
        if (!Double.isNaN(lat) && !Double.isNaN(lon)) {
            return new At(Fix.geo(vessel(m), site, time, lat, lon, sog, cog, heading, navStatus, null));
        }
        if (notAvailable) {
            return new NotAvailable();
        }
        return new Impossible("type " + m.type() + " from MMSI " + m.mmsi() + ": position outside ±90°/±180°");
    }

    /** The static data of types 5, 19 and 24 (A or B); empty for other messages. */
    public static Optional<VesselInfo> info(AisMessage m, Instant time) {
        if (m instanceof StaticAndVoyageData s) {
            return Optional.of(new VesselInfo(vessel(m), text(s.shipName()), text(s.callsign()), s.imo(),
                    s.shipType(), dim(s.toBow()), dim(s.toStern()), dim(s.toPort()), dim(s.toStarboard()),
                    s.draughtMetres(), text(s.destination()),
                    eta(s.etaMonth(), s.etaDay(), s.etaHour(), s.etaMinute()), time));
        }
        if (m instanceof ClassBExtendedReport s) {
            return Optional.of(new VesselInfo(vessel(m), text(s.shipName()), null, 0, s.shipType(),
                    dim(s.toBow()), dim(s.toStern()), dim(s.toPort()), dim(s.toStarboard()), Double.NaN, null, null,
                    time));
        }
        if (m instanceof StaticDataReportA s) {
            return Optional.of(new VesselInfo(vessel(m), text(s.shipName()), null, 0, -1, -1, -1, -1, -1,
                    Double.NaN, null, null, time));
        }
        if (m instanceof StaticDataReportB s) {
            boolean dims = !s.auxiliaryCraft();
            return Optional.of(new VesselInfo(vessel(m), null, text(s.callsign()), 0, s.shipType(),
                    dims ? dim(s.toBow()) : -1, dims ? dim(s.toStern()) : -1, dims ? dim(s.toPort()) : -1,
                    dims ? dim(s.toStarboard()) : -1, Double.NaN, null, null, time));
        }
        return Optional.empty();
    }

    /** The engine's id for an AIS vessel: its MMSI, unscoped (MMSIs are global). */
    public static VesselId vessel(AisMessage m) {
        return VesselId.of(Integer.toString(m.mmsi()));
    }

    /** AIS dimensions: 0 means "not available". */
    private static int dim(int metres) {
        return metres > 0 ? metres : -1;
    }

    private static @Nullable String text(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** {@code MM-DDTHH:MMZ}, or null when any part is "not available" (month 0, day 0, hour 24, minute 60). */
    static @Nullable String eta(int month, int day, int hour, int minute) {
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) {
            return null;
        }
        return String.format("%02d-%02dT%02d:%02dZ", month, day, hour, minute);
    }
}
