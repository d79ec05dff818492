package io.watchkeeper.server.cli;

import io.watchkeeper.ais.fix.AisFixes;
import io.watchkeeper.ais.message.AisMessage;
import io.watchkeeper.ais.nmea.AisPayload;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselInfo;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One AIS message as a line a person reads: receive time, type, MMSI, then what the engine will use
 * (position, speed, course, heading, status; or the static data), absent values left out. Messages the
 * engine does not use print their decoded record.
 */
final class MessageText {

    private MessageText() {
    }

    static void append(AisMessage m, AisPayload payload, StringBuilder out) {
        long millis = payload.receivedAtMillis();
        Instant time = millis == AisPayload.NO_TIME ? Instant.EPOCH : Instant.ofEpochMilli(millis);
        out.append(millis == AisPayload.NO_TIME ? "-" : time.toString())
                .append("  type ").append(m.type()).append("  mmsi ").append(m.mmsi());
        Optional<AisFixes.Position> position = AisFixes.position(m, "-", time);
        Optional<VesselInfo> info = AisFixes.info(m, time);
        if (position.isPresent()) {
            position(position.get(), out);
        }
        if (info.isPresent()) {
            info(info.get(), out);
        }
        if (position.isEmpty() && info.isEmpty()) {
            out.append("  ").append(m);
        }
    }

    private static void position(AisFixes.Position p, StringBuilder out) {
        if (p instanceof AisFixes.At at) {
            Fix f = at.fix();
            out.append(String.format(Locale.ROOT, "  lat %.6f lon %.6f", f.lat(), f.lon()));
            number(out, "sog", f.sogKnots(), " kn");
            number(out, "cog", f.cogDegrees(), "°");
            number(out, "heading", f.headingDegrees(), "°");
            if (f.navStatus() != Fix.NO_NAV_STATUS) {
                out.append("  status ").append(f.navStatus());
            }
        } else if (p instanceof AisFixes.Impossible impossible) {
            out.append("  position impossible");
        } else {
            out.append("  position not available");
        }
    }

    private static void info(VesselInfo v, StringBuilder out) {
        text(out, "name", v.name());
        text(out, "callsign", v.callSign());
        if (v.imo() != 0) {
            out.append("  imo ").append(v.imo());
        }
        if (v.shipType() >= 0) {
            out.append("  shiptype ").append(v.shipType()).append(" (").append(v.shipTypeText()).append(')');
        }
        if (v.lengthMetres() > 0) {
            out.append("  ").append(v.lengthMetres()).append('x').append(Math.max(0, v.beamMetres())).append(" m");
        }
        number(out, "draught", v.draughtMetres(), " m");
        text(out, "destination", v.destination());
        text(out, "eta", v.eta());
    }

    private static void number(StringBuilder out, String name, double value, String unit) {
        if (!Double.isNaN(value)) {
            out.append("  ").append(name).append(' ').append(String.format(Locale.ROOT, "%.1f", value)).append(unit);
        }
    }

    private static void text(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append("  ").append(name).append(" \"").append(value).append('"');
        }
    }
}
