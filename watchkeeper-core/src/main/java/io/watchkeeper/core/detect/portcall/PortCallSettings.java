package io.watchkeeper.core.detect.portcall;

import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds of the {@link PortCallDetector}.
 *
 * <p>Distances are those of {@link io.watchkeeper.core.zone.ZoneHit#distanceMetres()} to PORT, ANCHORAGE
 * and BERTH zones: 0 inside, otherwise to the edge (for a point zone of radius 0, to the point, which is
 * exactly Global Fishing Watch's rule for anchorage points). The zone set's margin must be at least
 * {@link #requiredMarginMetres()}, because "no hit" is read as "farther than {@code exitMetres}".
 *
 * @param entryMetres     a vessel at sea arrives within this distance of a port, anchorage or berth
 * @param exitMetres      a vessel in port departs when farther than this from all of them
 * @param stopBelowKnots  a stop begins below this speed over ground
 * @param moveAboveKnots  a stop ends above this speed
 * @param stopDuration    how long a stop must last to count as anchored or berthed
 * @param anchoredSwingKnots with navigational status 1 (at anchor) or 5 (moored), speeds up to this
 *                        still count as stopped: a ship at anchor swings round it, and its SOG shows it
 */
public record PortCallSettings(double entryMetres, double exitMetres, double stopBelowKnots, double moveAboveKnots,
                               Duration stopDuration, double anchoredSwingKnots) {

    /** Default for {@link #anchoredSwingKnots}. */
    public static final double DEFAULT_ANCHORED_SWING_KNOTS = 1.0;

    /**
     * Global Fishing Watch's port events (GFW technical documentation, "Anchorages, voyages and port
     * visits", https://globalfishingwatch.github.io/GFW_technical_documentation/Anchorages-and-voyages.html;
     * DESIGN.md §6): PORT ENTRY within 3 km of an anchorage point, PORT EXIT beyond 4 km; PORT STOP begins
     * below 0.2 kn and ends above 0.5 kn. The stop duration is RTEC's for "anchored or moored": stopped for
     * more than 1800 s (Pitsikalis, Artikis et al., "Composite Event Recognition for Maritime Monitoring",
     * DEBS 2019; DESIGN.md §6). GFW's third rule, an in-port AIS gap of 4 h or more, needs no setting
     * here: a gap never ends a call (see {@link PortCallDetector}).
     */
    public static final PortCallSettings DEFAULTS =
            new PortCallSettings(3000.0, 4000.0, 0.2, 0.5, Duration.ofSeconds(1800), DEFAULT_ANCHORED_SWING_KNOTS);

    /**
     * The anchored swing speed, 1 kn, is ours, from real data: in the Boston 2014 recording, MMSI
     * 257990100 reports status 1 "at anchor" for 10 h in Boston's outer anchorage at 0.5 to 0.9 kn, above
     * GFW's 0.2 kn stop. Status alone still never makes a stop: the speed must stay under this too.
     */
    public PortCallSettings(double entryMetres, double exitMetres, double stopBelowKnots, double moveAboveKnots,
                            Duration stopDuration) {
        this(entryMetres, exitMetres, stopBelowKnots, moveAboveKnots, stopDuration, DEFAULT_ANCHORED_SWING_KNOTS);
    }

    public PortCallSettings {
        if (!(entryMetres >= 0) || Double.isInfinite(entryMetres)) {
            throw new IllegalArgumentException("entryMetres must be finite and >= 0, was " + entryMetres);
        }
        if (!(exitMetres >= entryMetres) || Double.isInfinite(exitMetres)) {
            throw new IllegalArgumentException("exitMetres must be finite and >= entryMetres (" + entryMetres
                    + "), was " + exitMetres);
        }
        if (!(stopBelowKnots > 0) || !(moveAboveKnots >= stopBelowKnots) || Double.isInfinite(moveAboveKnots)) {
            throw new IllegalArgumentException("need 0 < stopBelowKnots <= moveAboveKnots (finite), got "
                    + stopBelowKnots + " and " + moveAboveKnots);
        }
        if (!(anchoredSwingKnots >= 0) || Double.isInfinite(anchoredSwingKnots)) {
            throw new IllegalArgumentException("anchoredSwingKnots must be finite and >= 0, was " + anchoredSwingKnots);
        }
        Objects.requireNonNull(stopDuration, "stopDuration");
        if (stopDuration.isNegative() || stopDuration.isZero()) {
            throw new IllegalArgumentException("stopDuration must be positive, was " + stopDuration);
        }
    }

    /** The smallest zone-set margin this detector is correct with: {@link #exitMetres()}. */
    public double requiredMarginMetres() {
        return exitMetres;
    }

    /** Whether this fix, in port, starts or continues a stop. */
    boolean stops(io.watchkeeper.core.fix.Fix fix) {
        double knots = fix.sogKnots();
        return knots < stopBelowKnots || (anchoredOrMoored(fix) && knots <= anchoredSwingKnots);
    }

    /** Whether this fix ends a stop: faster than the move speed, and not a ship at anchor swinging. */
    boolean moves(io.watchkeeper.core.fix.Fix fix) {
        double knots = fix.sogKnots();
        return knots > moveAboveKnots && !(anchoredOrMoored(fix) && knots <= anchoredSwingKnots);
    }

    private static boolean anchoredOrMoored(io.watchkeeper.core.fix.Fix fix) {
        return fix.navStatus() == 1 || fix.navStatus() == 5;
    }

    long stopMillis() {
        return stopDuration.toMillis();
    }
}
