package io.watchkeeper.server.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.testing.TestData;
import io.watchkeeper.server.app.DetectorSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The identity detectors on real recordings. Every expectation is computed here from the recording's
 * own values with rules written out again (MMSI formats as regular expressions, the IMO check digit,
 * implied speeds between consecutive fixes), not with the detectors' classes.
 */
class IdentityReplayTest {

    private static final String DMA = "dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz";
    private static final String SOLENT = "solent-stonesoup/SolentAIS_20160112_130211.csv";
    private static final String NOAA = "noaa-marinecadastre-sample-2023/test_data_noaa_20230101.csv";

    /** ITU-R M.585-9 formats of stations that report positions, as nine digits. */
    private static final Pattern SENDS_POSITIONS = Pattern.compile(
            "[2-7]\\d{8}|111[2-7]\\d{5}|8[2-7]\\d{7}|98[2-7]\\d{6}|97[024]\\d{6}");
    /** Group calls (0MID), coast stations (00MID) and aids to navigation (99MID): no vessel positions. */
    private static final Pattern NOT_A_VESSEL = Pattern.compile("0[2-7]\\d{7}|00[2-7]\\d{6}|99[2-7]\\d{6}");

    private static DetectorSuite suite() {
        return DetectorSuite.defaults(SpeedProfile.DEFAULT);
    }

    private static Map<String, String> reasons(RealReplays.Result r) {
        Map<String, String> out = new TreeMap<>();
        for (Event e : r.ofType("INVALID_IDENTITY")) {
            out.merge(e.vessel().key(), (String) e.details().get("reason"), (a, b) -> a + "," + b);
        }
        return out;
    }

    private static String nineDigits(String id) {
        return id.length() >= 9 ? id : "0".repeat(9 - id.length()) + id;
    }

    @Test
    void danishSampleMmsisOfNoFormatOrOfAStationAreReported() throws Exception {
        RealReplays.Result r = RealReplays.replay(DMA, suite());
        Set<String> ids = r.recording().fixes().stream().map(f -> f.vessel().id()).collect(Collectors.toSet());
        Map<String, String> expected = new TreeMap<>();
        for (String id : ids) {
            String d = nineDigits(id);
            if (d.length() > 9 || !SENDS_POSITIONS.matcher(d).matches() && !NOT_A_VESSEL.matcher(d).matches()) {
                expected.put(id, "mmsi-format");
            } else if (NOT_A_VESSEL.matcher(d).matches()) {
                expected.put(id, "mmsi-not-a-vessel");
            }
        }
        // Looked up by hand in the ITU table: MID 704 is not allocated (701 Argentina, 710 Brazil, nothing
        // between); every other ship MMSI of the sample has an allocated MID (mostly 2xx, Europe).
        expected.put("704643072", "mid-unallocated");
        assertThat(expected).containsEntry("2190045", "mmsi-not-a-vessel").containsEntry("11388", "mmsi-format")
                .containsEntry("912190065", "mmsi-format");
        assertThat(reasons(r)).isEqualTo(expected);
        // Each once, however many fixes the vessel sent.
        assertThat(r.ofType("INVALID_IDENTITY")).hasSize(expected.size());
        assertThat(r.ofType("INVALID_IDENTITY")).allMatch(e -> e.cause().isGeo());
    }

    @Test
    void noaaImoNumbersWhoseCheckDigitFailsAreReported() throws Exception {
        // The IMO column of the raw CSV ("IMO9307839" or empty), per MMSI
        List<String> lines = Files.readAllLines(TestData.file(NOAA));
        List<String> header = List.of(lines.get(0).split(","));
        int mmsiCol = header.indexOf("MMSI");
        int imoCol = header.indexOf("IMO");
        Map<String, Set<Integer>> imos = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[imoCol].startsWith("IMO") && f[imoCol].length() > 3) {
                imos.computeIfAbsent(f[mmsiCol], k -> new TreeSet<>()).add(Integer.parseInt(f[imoCol].substring(3)));
            }
        }
        assertThat(imos.values()).as("one IMO number per vessel in this sample").allMatch(s -> s.size() == 1);
        Set<String> badImo = new TreeSet<>();
        imos.forEach((mmsi, values) -> {
            int imo = values.iterator().next();
            if (imo > 0 && imo < 10_000_000 && (imo < 1_000_000 || !checkDigitHolds(imo))) {
                badImo.add(mmsi);
            }
        });
        RealReplays.Result r = RealReplays.replay(NOAA, suite());
        Set<String> reported = reasons(r).entrySet().stream().filter(e -> e.getValue().contains("imo-invalid"))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(reported).isEqualTo(badImo);
        // Most are US vessels whose IMO field holds a US Coast Guard documentation number (1xxxxxx).
        assertThat(badImo).hasSize(26);
    }

    /** IMO check digit, written out: 7, 6, 5, 4, 3, 2 times the first six digits, the sum's last digit. */
    private static boolean checkDigitHolds(int imo) {
        String s = Integer.toString(imo);
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (s.charAt(i) - '0') * (7 - i);
        }
        return sum % 10 == s.charAt(6) - '0';
    }

    @Test
    void solentHasOneBadFixAndNoDuplicate() throws Exception {
        RealReplays.Result r = RealReplays.replay(SOLENT, suite());
        Set<String> impossible = vesselsWithImpossibleMoves(r.recording().fixes());
        // By hand: MMSI 245188000 reports lon 54.83 at 13:41:20.973, 11.6 s after -1.09233 at the same
        // latitude, then returns: one bad fix, out and back.
        assertThat(impossible).containsExactly("245188000");
        List<Event> jumps = r.ofType("POSITION_JUMP");
        assertThat(jumps).hasSize(1);
        assertThat(jumps.get(0).vessel().key()).isEqualTo("245188000");
        assertThat(jumps.get(0).details()).containsEntry("toLon", 54.83172).containsEntry("fromLon", -1.09233333333333);
        assertThat(r.ofType("DUPLICATE_MMSI")).isEmpty();
    }

    @Test
    void danishSampleHasNoImpossibleMove() throws Exception {
        RealReplays.Result r = RealReplays.replay(DMA, suite());
        assertThat(vesselsWithImpossibleMoves(r.recording().fixes())).isEmpty();
        assertThat(r.ofType("POSITION_JUMP")).isEmpty();
        assertThat(r.ofType("DUPLICATE_MMSI")).isEmpty();
    }

    /**
     * Vessels with two consecutive fixes (in time order as the engine takes them: older ones and exact
     * repeats dropped) more than 1 nm apart at more than 50 kn, by the equirectangular distance, which
     * is within 0.1 % of the great circle at these ranges.
     */
    private static Set<String> vesselsWithImpossibleMoves(List<Fix> fixes) {
        Map<String, Fix> last = new HashMap<>();
        Set<String> out = new TreeSet<>();
        for (Fix f : fixes) {
            if (!f.isGeo() || Math.abs(f.lat()) > 90 || Math.abs(f.lon()) > 180) {
                continue;
            }
            String id = f.vessel().key();
            Fix p = last.get(id);
            if (p != null && (f.time().isBefore(p.time())
                    || f.time().equals(p.time()) && f.lat() == p.lat() && f.lon() == p.lon())) {
                continue;
            }
            last.put(id, f);
            if (p == null) {
                continue;
            }
            double kx = Math.cos(Math.toRadians((p.lat() + f.lat()) / 2));
            double dLon = Math.abs(f.lon() - p.lon());
            dLon = Math.min(dLon, 360 - dLon);
            double metres = Math.toRadians(Math.hypot(f.lat() - p.lat(), dLon * kx)) * 6_371_008.8;
            double hours = (f.time().toEpochMilli() - p.time().toEpochMilli()) / 3_600_000.0;
            if (metres > 1852 && (hours == 0 || metres / 1852 / hours > 50)) {
                out.add(id);
            }
        }
        return out;
    }
}
