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
 */
public record PortCallSettings(double entryMetres, double exitMetres, double stopBelowKnots, double moveAboveKnots,
                               Duration stopDuration) {

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
            new PortCallSettings(3000.0, 4000.0, 0.2, 0.5, Duration.ofSeconds(1800));

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
        Objects.requireNonNull(stopDuration, "stopDuration");
        if (stopDuration.isNegative() || stopDuration.isZero()) {
            throw new IllegalArgumentException("stopDuration must be positive, was " + stopDuration);
        }
    }

    /** The smallest zone-set margin this detector is correct with: {@link #exitMetres()}. */
    public double requiredMarginMetres() {
        return exitMetres;
    }

    long stopMillis() {
        return stopDuration.toMillis();
    }
}
