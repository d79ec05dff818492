package io.watchkeeper.bench.fleet;

import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.geo.Geo;
import io.watchkeeper.core.vessel.ShipType;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A simulated AIS fleet: N vessels on straight courses with seeded randomness, reporting at the
 * {@link ReportingInterval ITU-R M.1371} rates, generated in event-time order chunk by chunk so that a
 * benchmark can time the engine without the generator. The same seed gives the same fixes.
 *
 * <p>Composition (of N, by index blocks): 12 % moored and 8 % at anchor near ports (SOG about 0,
 * heading jitter, a report every 3 min); 3 % tugs (AIS ship type 52 in the {@link #registry()})
 * escorting 3 % ships at 4–8 kn within 60–150 m, near ports; 4 % slow pairs 100–400 m apart at sea
 * (encounter candidates, 0.3–1.5 kn); 15 % Class B at 4–12 kn; the rest Class A underway at 10–30 kn,
 * one in five of them within 30 km of a port. Positions and speeds carry a little noise per report.
 *
 * <p>Schedule: a ring of one-second buckets of vessel indices (longer than the longest interval); each
 * bucket is sorted by report time when it is drained, so the output is in event-time order without a
 * global priority queue. Not thread-safe.
 */
public final class Fleet {

    /** 2024-01-01T00:00:00Z: where fleet time starts. */
    public static final long T0_MILLIS = 1_704_067_200_000L;
    public static final String SITE = "sim-ais";

    private static final byte UNDERWAY_A = 0;
    private static final byte UNDERWAY_B = 1;
    private static final byte MOORED = 2;
    private static final byte ANCHORED = 3;
    private static final byte TUG = 4;
    private static final byte ESCORTED = 5;
    private static final byte SLOW_PAIR = 6;
    private static final int RING_SECONDS = 256;
    private static final double KNOTS_TO_MPS = Geo.METRES_PER_NAUTICAL_MILE / 3600.0;

    private final int n;
    private final byte[] kind;
    private final double[] lat0;
    private final double[] lon0;
    private final double[] sogKnots;
    private final double[] cogDegrees;
    private final double[] offsetNorth;
    private final double[] offsetEast;
    private final int[] intervalMillis;
    private final long[] nextMillis;
    private final int[][] buckets = new int[RING_SECONDS][];
    private final int[] bucketSize = new int[RING_SECONDS];
    private final VesselRegistry registry = new VesselRegistry();
    private final SplittableRandom rnd;
    private long[] scratch = new long[1024];
    private final double nominalRate;
    private long cursorSecond = T0_MILLIS / 1000;

    public Fleet(int vessels, long seed, Ports ports) {
        if (vessels < 2) {
            throw new IllegalArgumentException("a fleet needs at least 2 vessels, was " + vessels);
        }
        n = vessels;
        rnd = new SplittableRandom(seed);
        kind = new byte[n];
        lat0 = new double[n];
        lon0 = new double[n];
        sogKnots = new double[n];
        cogDegrees = new double[n];
        offsetNorth = new double[n];
        offsetEast = new double[n];
        intervalMillis = new int[n];
        nextMillis = new long[n];
        for (int b = 0; b < RING_SECONDS; b++) {
            buckets[b] = new int[Math.max(16, n / 64)];
        }
        place(ports);
        double rate = 0;
        for (int i = 0; i < n; i++) {
            rate += 1000.0 / intervalMillis[i];
            schedule(i, T0_MILLIS + rnd.nextInt(intervalMillis[i]));
        }
        nominalRate = rate;
    }

    private void place(Ports ports) {
        int moored = share(0.12);
        int anchored = moored + share(0.08);
        int tugs = anchored + 2 * (share(0.03));
        int pairs = tugs + 2 * (share(0.02));
        int classB = pairs + share(0.15);
        for (int i = 0; i < n; i++) {
            if (i < moored) {
                nearPort(i, ports, 2_000, MOORED, 0, 0);
            } else if (i < anchored) {
                nearPort(i, ports, 8_000, ANCHORED, 0, 0);
            } else if (i < tugs - 1 && (i - anchored) % 2 == 0) {
                nearPort(i + 1, ports, 15_000, ESCORTED, 4 + 4 * rnd.nextDouble(), rnd.nextDouble(360));
                follow(i, i + 1, TUG, 60 + 90 * rnd.nextDouble());
                i++;
            } else if (i < pairs - 1 && (i - tugs) % 2 == 0) {
                atSea(i, SLOW_PAIR, 0.3 + 1.2 * rnd.nextDouble());
                follow(i + 1, i, SLOW_PAIR, 100 + 300 * rnd.nextDouble());
                i++;
            } else if (i < classB) {
                atSea(i, UNDERWAY_B, 4 + 8 * rnd.nextDouble());
            } else if (rnd.nextInt(5) == 0) {
                nearPort(i, ports, 30_000, UNDERWAY_A, underwaySpeed(), rnd.nextDouble(360));
            } else {
                atSea(i, UNDERWAY_A, underwaySpeed());
            }
        }
        for (int i = 0; i < n; i++) {
            intervalMillis[i] = interval(i);
        }
    }

    private int share(double fraction) {
        return (int) Math.round(n * fraction);
    }

    /** 45 % at 10–14 kn, 50 % at 14–23 kn, 5 % at 23–30 kn. */
    private double underwaySpeed() {
        int r = rnd.nextInt(100);
        if (r < 45) {
            return 10 + 4 * rnd.nextDouble();
        }
        return r < 95 ? 14 + 9 * rnd.nextDouble() : 23 + 7 * rnd.nextDouble();
    }

    private void nearPort(int i, Ports ports, double radiusMetres, byte k, double knots, double cog) {
        int p = rnd.nextInt(ports.size());
        double r = radiusMetres * Math.sqrt(rnd.nextDouble());
        double bearing = Math.toRadians(rnd.nextDouble(360));
        lat0[i] = ports.lat(p) + r * Math.cos(bearing) / Geo.METRES_PER_DEGREE_LAT;
        lon0[i] = ports.lon(p) + r * Math.sin(bearing) / Geo.metresPerDegreeLon(ports.lat(p));
        kind[i] = k;
        sogKnots[i] = knots;
        cogDegrees[i] = k == MOORED || k == ANCHORED ? rnd.nextDouble(360) : cog; // heading at rest
    }

    private void atSea(int i, byte k, double knots) {
        lat0[i] = -55 + 120 * rnd.nextDouble();
        lon0[i] = -180 + 360 * rnd.nextDouble();
        kind[i] = k;
        sogKnots[i] = knots;
        cogDegrees[i] = rnd.nextDouble(360);
    }

    /** Vessel {@code i} keeps station {@code metres} from {@code leader}, abeam, same speed and course. */
    private void follow(int i, int leader, byte k, double metres) {
        kind[i] = k;
        sogKnots[i] = sogKnots[leader];
        cogDegrees[i] = cogDegrees[leader];
        double abeam = Math.toRadians(cogDegrees[leader] + (rnd.nextBoolean() ? 90 : -90));
        offsetNorth[i] = metres * Math.cos(abeam);
        offsetEast[i] = metres * Math.sin(abeam);
        lat0[i] = lat0[leader] + offsetNorth[i] / Geo.METRES_PER_DEGREE_LAT;
        lon0[i] = lon0[leader] + offsetEast[i] / Geo.metresPerDegreeLon(lat0[leader]);
        if (k == TUG) {
            registry.merge(new VesselInfo(idOf(i), "TUG " + i, null, 0, ShipType.TUG, 15, 15, 5, 5, 4.5, null, null,
                    Instant.ofEpochMilli(T0_MILLIS)));
        }
    }

    /** A new id per report, as a decoder makes one: the engine keeps the first it sees, nothing else does. */
    private static VesselId idOf(int i) {
        return VesselId.of(Integer.toString(201_000_000 + i));
    }

    private int interval(int i) {
        return switch (kind[i]) {
            case UNDERWAY_B -> ReportingInterval.classBMillis(sogKnots[i]);
            default -> ReportingInterval.classAMillis(sogKnots[i], navStatus(i));
        };
    }

    private int navStatus(int i) {
        return switch (kind[i]) {
            case MOORED -> 5;
            case ANCHORED -> 1;
            case UNDERWAY_B -> Fix.NO_NAV_STATUS; // Class B position reports carry no navigational status
            default -> 0;
        };
    }

    /** Static data of the fleet: the tugs' ship type. Share it with the engine's setup. */
    public VesselRegistry registry() {
        return registry;
    }

    public int size() {
        return n;
    }

    /** Mean reports per second of the whole fleet at the nominal intervals. */
    public double nominalRatePerSecond() {
        return nominalRate;
    }

    /** Every fix reported before {@code T0 + untilSeconds}, in event-time order, continuing from the last call. */
    public Fix[] advanceTo(long untilSeconds) {
        long until = T0_MILLIS / 1000 + untilSeconds;
        Fix[] out = new Fix[(int) Math.min(Integer.MAX_VALUE - 8,
                Math.max(16, (until - cursorSecond) * (long) (nominalRate * 1.1 + 16)))];
        int count = 0;
        for (; cursorSecond < until; cursorSecond++) {
            int b = (int) (cursorSecond % RING_SECONDS);
            int size = bucketSize[b];
            if (scratch.length < size) {
                scratch = new long[size * 2];
            }
            int[] bucket = buckets[b];
            for (int k = 0; k < size; k++) { // sort key: ms within the second, then vessel index
                int i = bucket[k];
                scratch[k] = (nextMillis[i] - cursorSecond * 1000) << 32 | i;
            }
            bucketSize[b] = 0;
            Arrays.sort(scratch, 0, size);
            for (int k = 0; k < size; k++) {
                int i = (int) scratch[k];
                if (count == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                long t = nextMillis[i];
                out[count++] = fixOf(i, t);
                schedule(i, t + intervalMillis[i] + rnd.nextInt(50)); // receivers' timing is never exact
            }
        }
        return Arrays.copyOf(out, count);
    }

    private void schedule(int i, long millis) {
        nextMillis[i] = millis;
        int b = (int) ((millis / 1000) % RING_SECONDS);
        if (bucketSize[b] == buckets[b].length) {
            buckets[b] = Arrays.copyOf(buckets[b], buckets[b].length * 2);
        }
        buckets[b][bucketSize[b]++] = i;
    }

    private Fix fixOf(int i, long millis) {
        byte k = kind[i];
        double lat;
        double lon;
        double sog;
        double cog;
        double heading;
        if (k == MOORED || k == ANCHORED) {
            double swing = k == ANCHORED ? 30 : 3; // an anchored ship swings round its anchor
            lat = lat0[i] + (rnd.nextDouble() - 0.5) * swing / Geo.METRES_PER_DEGREE_LAT;
            lon = lon0[i] + (rnd.nextDouble() - 0.5) * swing / Geo.metresPerDegreeLon(lat0[i]);
            sog = k == ANCHORED ? 0.3 * rnd.nextDouble() : 0.1 * rnd.nextDouble();
            cog = rnd.nextDouble(360);
            heading = wrap(cogDegrees[i] + (rnd.nextDouble() - 0.5) * 6);
        } else {
            double metres = sogKnots[i] * KNOTS_TO_MPS * (millis - T0_MILLIS) / 1000.0;
            double c = Math.toRadians(cogDegrees[i]);
            lat = lat0[i] + (metres * Math.cos(c) + noise(3)) / Geo.METRES_PER_DEGREE_LAT;
            lon = lon0[i] + (metres * Math.sin(c) + noise(3)) / Geo.metresPerDegreeLon(lat0[i]);
            sog = Math.max(0, sogKnots[i] + noise(0.2));
            cog = wrap(cogDegrees[i] + noise(2));
            heading = k == UNDERWAY_B ? Double.NaN : wrap(cogDegrees[i] + noise(2));
        }
        lon = lon >= 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
        return Fix.geo(idOf(i), SITE, Instant.ofEpochMilli(millis), lat, lon, sog, cog, heading, navStatus(i), null);
    }

    private double noise(double amplitude) {
        return (rnd.nextDouble() - 0.5) * 2 * amplitude;
    }

    private static double wrap(double degrees) {
        double d = degrees % 360;
        return d < 0 ? d + 360 : d;
    }
}
