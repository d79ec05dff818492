package io.watchkeeper.bench.load;

import io.watchkeeper.server.sim.StationSimulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A deterministic burst in the original station format: S stations × B boats, N messages in total.
 *
 * <p>The reports (boat, x, y) come from {@link StationSimulator} with fixed seeds (station {@code i} uses
 * {@code seed + i}, 2 Hz simulated time), so the same arguments give the same stream and the same
 * expected events. Only {@code position.ts} is filled in when a message is sent: it carries the
 * publish wall-clock time in epoch seconds with microsecond precision, which the detector echoes in
 * {@code body.position} and the collector turns into a latency. Everything but the time stamp is
 * rendered to bytes up front, so the publishing loop only copies.
 */
public final class Burst {

    /** The simulated report rate of a station, as in the original (it sets the random walk's σ). */
    public static final double SIMULATED_HZ = 2.0;

    /** One station's share of the burst, in publish order. */
    public static final class Station {
        private final String id;
        private final int[] boat;
        private final double[] x;
        private final double[] y;
        private final byte[][] heads;
        private final byte[][] tails;

        Station(String id, int boats, int count, long seed) {
            this.id = id;
            this.boat = new int[count];
            this.x = new double[count];
            this.y = new double[count];
            this.tails = new byte[count][];
            this.heads = new byte[boats][];
            for (int b = 0; b < boats; b++) {
                heads[b] = ("{\"boat_id\": " + b + ", \"position\": {\"ts\": ").getBytes(StandardCharsets.UTF_8);
            }
            StationSimulator sim = new StationSimulator(id, boats, SIMULATED_HZ, seed);
            for (int i = 0; i < count; i++) {
                StationSimulator.Report r = sim.next();
                boat[i] = r.boatId();
                x[i] = r.x();
                y[i] = r.y();
                tails[i] = (", \"x\": " + r.x() + ", \"y\": " + r.y() + ", \"port_id\": \"" + id + "\"}}")
                        .getBytes(StandardCharsets.UTF_8);
            }
        }

        public String id() {
            return id;
        }

        public int size() {
            return boat.length;
        }

        public int boat(int i) {
            return boat[i];
        }

        public double x(int i) {
            return x[i];
        }

        public double y(int i) {
            return y[i];
        }

        /** Message {@code i} with {@code position.ts} = {@code tsMicros} (epoch microseconds). */
        public byte[] payload(int i, long tsMicros) {
            byte[] head = heads[boat[i]];
            byte[] tail = tails[i];
            byte[] out = new byte[head.length + TS_MAX_CHARS + tail.length];
            System.arraycopy(head, 0, out, 0, head.length);
            int pos = writeSeconds(out, head.length, tsMicros);
            System.arraycopy(tail, 0, out, pos, tail.length);
            int len = pos + tail.length;
            if (len == out.length) {
                return out;
            }
            byte[] exact = new byte[len];
            System.arraycopy(out, 0, exact, 0, len);
            return exact;
        }
    }

    private static final int TS_MAX_CHARS = 20 + 1 + 6;

    private final List<Station> stations;
    private final int boats;
    private final long messages;

    private Burst(List<Station> stations, int boats, long messages) {
        this.stations = List.copyOf(stations);
        this.boats = boats;
        this.messages = messages;
    }

    /**
     * Generates the burst.
     *
     * @param stationIds one id per station (a topic level, e.g. {@code b1a2-S1}); station {@code i}
     *                   (0-based) gets {@code messages / S} reports, the first {@code messages % S} one more
     */
    public static Burst generate(List<String> stationIds, int boats, long messages, long seed) {
        Objects.requireNonNull(stationIds, "stationIds");
        if (stationIds.isEmpty()) {
            throw new IllegalArgumentException("at least one station is needed");
        }
        if (boats < 1) {
            throw new IllegalArgumentException("boats must be at least 1, was " + boats);
        }
        int s = stationIds.size();
        if (messages < 0 || messages / s > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("messages must be 0.." + (long) s * (Integer.MAX_VALUE - 16));
        }
        List<Station> out = new ArrayList<>(s);
        for (int i = 0; i < s; i++) {
            int count = (int) (messages / s + (i < messages % s ? 1 : 0));
            out.add(new Station(stationIds.get(i), boats, count, seed + i));
        }
        return new Burst(out, boats, messages);
    }

    public List<Station> stations() {
        return stations;
    }

    public int boats() {
        return boats;
    }

    public long messages() {
        return messages;
    }

    /** Writes epoch microseconds as {@code <seconds>.<6 digits>}; returns the end position. */
    static int writeSeconds(byte[] out, int pos, long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("negative time " + micros);
        }
        long seconds = micros / 1_000_000L;
        int fraction = (int) (micros % 1_000_000L);
        String s = Long.toString(seconds);
        for (int i = 0; i < s.length(); i++) {
            out[pos++] = (byte) s.charAt(i);
        }
        out[pos++] = '.';
        for (int div = 100_000; div > 0; div /= 10) {
            out[pos++] = (byte) ('0' + (fraction / div) % 10);
        }
        return pos;
    }
}
