package io.watchkeeper.core.detect.gap;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fsm.Machine;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.fsm.Timer;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.zone.ZoneHit;
import io.watchkeeper.core.zone.ZoneKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * AIS gaps: {@code GAP_START} once a vessel has been silent longer than its threshold (shorter in
 * port), {@code GAP_END} on its next fix, with the duration and the distance it jumped.
 *
 * <p>{@code GAP_START} carries the time the silence crossed the threshold, and its cause is the last
 * fix before it. The engine's sweep usually fires it; if the next fix arrives before any sweep saw
 * the gap (a replay whose only vessel goes quiet), the machine fires it first, with the same time and
 * id, so the output never depends on when sweeps ran.
 */
public final class GapDetector extends Machine<GapState, GapState> {

    public static final String NAME = "ais-gap";
    public static final String GAP_START = "GAP_START";
    public static final String GAP_END = "GAP_END";

    public GapDetector(GapSettings settings) {
        super(definition(Objects.requireNonNull(settings, "settings")));
    }

    private static Machine<GapState, GapState> definition(GapSettings settings) {
        return Machine.<GapState, GapState>named(NAME).states("reporting", "silent").initial("reporting", GapState.AT_SEA)
                .read((at, fix, ctx) -> GapState.of(fix.isGeo() && inPort(ctx.zones())))
                .update((data, inPort) -> inPort).codec(GapState.CODEC)
                .on("reporting", "silent").after(Timer.silentFor(s -> threshold(settings, s)))
                .publish(GAP_START, (before, last, r) -> startDetails(settings, before, last))
                .on("silent", "reporting").publish(GAP_END, GapDetector::endDetails)
                .build();
    }

    private static Map<String, Object> startDetails(GapSettings settings, Place<GapState> before, Fix last) {
        return Map.of("thresholdSeconds", threshold(settings, before.data()) / 1000, "inPort",
                before.data().lastInPort(), "lastSeen", last.time().toString());
    }

    private static Map<String, Object> endDetails(Place<GapState> before, Fix fix, @Nullable GapState r) {
        Fix last = Objects.requireNonNull(before.lastFix());
        long silentMillis = fix.time().toEpochMilli() - last.time().toEpochMilli();
        double metres = last.isGeo() && fix.isGeo()
                ? Geo.haversineMetres(last.lat(), last.lon(), fix.lat(), fix.lon()) : Double.NaN;
        return Double.isNaN(metres)
                ? Map.of("durationSeconds", silentMillis / 1000, "lastSeen", last.time().toString())
                : Map.of("durationSeconds", silentMillis / 1000, "lastSeen", last.time().toString(),
                        "distanceMetres", Math.round(metres), "impliedKnots",
                        Math.round(Geo.knots(metres, silentMillis) * 10) / 10.0);
    }

    private static long threshold(GapSettings settings, GapState state) {
        return (state.lastInPort() ? settings.inPort() : settings.atSea()).toMillis();
    }

    private static boolean inPort(List<ZoneHit> zones) {
        for (int i = 0; i < zones.size(); i++) {
            ZoneHit hit = zones.get(i);
            if (!hit.inside()) {
                return false; // inside hits come first
            }
            ZoneKind kind = hit.zone().kind();
            if (kind == ZoneKind.PORT || kind == ZoneKind.BERTH || kind == ZoneKind.ANCHORAGE) {
                return true;
            }
        }
        return false;
    }
}
