package io.watchkeeper.bench.jmh;

import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneIndex;
import io.watchkeeper.server.zones.ZoneGeoJson;
import io.watchkeeper.server.zones.ZoneSets;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per {@link ZoneIndex#near} with a 10 km margin (the largest any built-in detector
 * needs) or 4 km, on two zone sets: the shipped built-ins (wpi + amsa + gfw-anchorages: 9,539 zones), and
 * GFW's 55,881 raw anchorage cells as separate 3 km circles plus wpi and amsa (59,686 zones, the
 * issue's "60,000 zones"; read from tools/zones/cells/, so run it from the repository root). Two
 * kinds of position: uniformly random on the globe ("sea", nearly always far from every zone), and
 * within 2 km of a random zone's centre ("port").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class ZoneLookupBench {

    private static final int POSITIONS = 1 << 16;

    @Param({"builtins", "cells"})
    String zones;

    @Param({"sea", "port"})
    String where;

    /** 10 km: the encounter detector's distance from ports; 4 km: the port-call detector's exit. */
    @Param({"10000", "4000"})
    double marginMetres;

    private ZoneIndex index;
    private final double[] lats = new double[POSITIONS];
    private final double[] lons = new double[POSITIONS];
    private int next;

    @Setup
    public void setUp() throws IOException {
        List<Zone> set = zones.equals("builtins") ? ZoneSets.load("builtin:wpi,builtin:amsa,builtin:gfw-anchorages")
                : withRawCells();
        index = ZoneIndex.of(set, marginMetres);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < POSITIONS; i++) {
            if (where.equals("sea")) {
                lats[i] = Math.toDegrees(Math.asin(random.nextDouble(-1, 1)));
                lons[i] = random.nextDouble(-180, 180);
            } else {
                Zone z = set.get(random.nextInt(set.size()));
                double bearing = random.nextDouble(0, 2 * Math.PI);
                double metres = random.nextDouble(0, 2000);
                lats[i] = z.geometry().getCentroid().getY() + Math.cos(bearing) * metres / 111_195;
                lons[i] = z.geometry().getCentroid().getX()
                        + Math.sin(bearing) * metres / (111_195 * Math.cos(Math.toRadians(lats[i])));
                lons[i] = Math.max(-180, Math.min(180, lons[i]));
                lats[i] = Math.max(-90, Math.min(90, lats[i]));
            }
        }
    }

    private static List<Zone> withRawCells() throws IOException {
        Path cells = Path.of("tools", "zones", "cells", "gfw-anchorage-cells.geojson.gz");
        if (!Files.isReadable(cells)) {
            throw new IOException(cells + " not found: run the benchmark from the repository root");
        }
        List<Zone> all = new java.util.ArrayList<>(ZoneSets.load("builtin:wpi,builtin:amsa"));
        all.addAll(ZoneGeoJson.read(cells, ZoneKind.ANCHORAGE, ZoneGeoJson.DEFAULT_POINT_RADIUS_METRES));
        return all;
    }

    @Benchmark
    public int near() {
        int i = next++ & (POSITIONS - 1);
        return index.near(lats[i], lons[i]).size();
    }
}
