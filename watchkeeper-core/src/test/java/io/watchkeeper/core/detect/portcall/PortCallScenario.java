package io.watchkeeper.core.detect.portcall;

import static io.watchkeeper.core.testing.BruteForceZones.circle;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.testing.BruteForceZones;
import io.watchkeeper.core.testing.DirectRunner;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An invented harbour on one meridian, positions given in metres north of the port's centre:
 * a PORT circle of 2 km, a BERTH of 100 m at +500 m, and an ANCHORAGE of 800 m at -4 km (labelled with
 * the port's name, as GFW labels anchorages), all with the 4 km margin the detector needs.
 */
final class PortCallScenario {

    static final Instant T0 = Instant.parse("2024-03-09T23:50:00Z"); // the night before a Sunday
    static final VesselId SHIP = VesselId.scoped("SOLENT", "235000001", true);
    static final double LAT = 50.80;
    static final double LON = -1.10;

    static final Zone PORT = circle("port-pm", "Portsmouth Harbour", ZoneKind.PORT, LAT, LON, 2_000);
    static final Zone BERTH = circle("berth-pm-3", "Berth 3", ZoneKind.BERTH, north(500), LON, 100);
    static final Zone ANCHORAGE = circle("anch-pm-1", "PORTSMOUTH", ZoneKind.ANCHORAGE, north(-4_000), LON, 800);

    final DirectRunner<Place<PortCall>> run;
    private final boolean sweep;

    PortCallScenario(boolean sweep, Zone... zones) {
        this(PortCallSettings.DEFAULTS, sweep, zones);
    }

    PortCallScenario(PortCallSettings settings, boolean sweep, Zone... zones) {
        this.run = new DirectRunner<>(new PortCallDetector(settings), new BruteForceZones(4_000, List.of(zones)),
                SHIP);
        this.sweep = sweep;
    }

    /** A fix {@code minutes} after T0, {@code northMetres} from the port's centre. */
    List<Event> at(double minutes, double northMetres, double sogKnots, int navStatus) {
        Fix fix = fix(minutes, northMetres, sogKnots, navStatus);
        return sweep ? run.sweepThenFix(fix) : run.fix(fix);
    }

    List<Event> at(double minutes, double northMetres, double sogKnots) {
        return at(minutes, northMetres, sogKnots, 0);
    }

    /** Fixes every 10 minutes from {@code fromMinutes} to {@code toMinutes} inclusive, at one place. */
    void stay(double fromMinutes, double toMinutes, double northMetres, double sogKnots, int navStatus) {
        for (double m = fromMinutes; m <= toMinutes; m += 10) {
            at(m, northMetres, sogKnots, navStatus);
        }
    }

    List<Event> events() {
        return run.events();
    }

    static Fix fix(double minutes, double northMetres, double sogKnots, int navStatus) {
        return Fix.geo(SHIP, "SOLENT", time(minutes), north(northMetres), LON, sogKnots, 0.0, Double.NaN, navStatus,
                null);
    }

    static Instant time(double minutes) {
        return T0.plus(Duration.ofSeconds(Math.round(minutes * 60)));
    }

    static double north(double metres) {
        return LAT + metres / Geo.METRES_PER_DEGREE_LAT;
    }
}
