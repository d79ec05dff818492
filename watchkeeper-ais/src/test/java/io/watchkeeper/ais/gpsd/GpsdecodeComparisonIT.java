package io.watchkeeper.ais.gpsd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.ais.AisDecoder;
import io.watchkeeper.ais.AisDecoderListener;
import io.watchkeeper.ais.AisDecoderStats;
import io.watchkeeper.ais.message.AisMessage;
import io.watchkeeper.ais.message.OtherMessage;
import io.watchkeeper.ais.message.StaticDataReportA;
import io.watchkeeper.ais.message.StaticDataReportB;
import io.watchkeeper.ais.nmea.AisPayload;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.testing.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jetbrains.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof: every AIS file in the repository's data/, decoded by {@code gpsdecode -u -j} and by us
 * ({@link GpsdJson} lines), aligned message by message and compared field by field, every type. Zero
 * differences are allowed except the deliberate ones in {@code DIFFERENCES-vs-gpsdecode.md}, each with a
 * reason; on gpsd's own sample the share of gpsdecode's fields we print equal is measured and asserted.
 */
class GpsdecodeComparisonIT {

    private static final Path GPSDECODE = Path.of("/usr/bin/gpsdecode");
    private static final Path DATA = TestData.dir();
    private static final List<String> FOLDERS = List.of("gpsd-ais", "libais", "pyais", "dma-aislib",
            "dma-aisabnormal", "gfw-ais-tools", "amsa-risky");
    /** How far ahead either side may be searched to resync after a message only one side has. */
    private static final int RESYNC_WINDOW = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyAisFileMatchesGpsdecode() throws IOException {
        requireGpsdecode();
        List<Path> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> walk = Files.walk(DATA.resolve(folder))) {
                walk.filter(Files::isRegularFile).filter(GpsdecodeComparisonIT::isAisFile).sorted().forEach(files::add);
            }
        }
        assertThat(files).as("AIS files under " + DATA).hasSizeGreaterThan(30);
        return files.stream().map(file -> DynamicTest.dynamicTest(DATA.relativize(file).toString(), () -> compare(file)));
    }

    /**
     * The headline figure: of all the fields gpsdecode prints for gpsd's own sample (every one of the 27
     * types, many DAC/FI applications), the share we print with the same name and an equal value. Fields
     * of messages only gpsdecode prints count as missed.
     */
    @Test
    void fieldShareOnGpsdSampleIsAtLeast99Percent() throws Exception {
        requireGpsdecode();
        Path sample = DATA.resolve("gpsd-ais/sample.aivdm.sentences");
        Path input = withFinalLineEnd(sample);
        List<JsonNode> theirs = runGpsdecode(input);
        Ours ours = decodeOurselves(input);
        Comparison comparison = new Comparison(DATA.relativize(sample).toString(), ours.refusedTagBlockHeaders());
        comparison.align(theirs, ours.lines);
        java.util.Set<Integer> types = new java.util.TreeSet<>();
        theirs.forEach(node -> types.add(node.path("type").asInt()));
        double share = (double) comparison.equalFields / comparison.theirFields;
        System.out.printf("gpsd sample: %d of %d fields gpsdecode prints are equal in ours (%.2f %%), types %s%n",
                comparison.equalFields, comparison.theirFields, 100 * share, types);
        comparison.fieldsByType.forEach((type, counts) -> System.out.printf("  type %2d: %4d of %4d%n", type, counts[0], counts[1]));
        assertThat(types).as("types in gpsd's sample").hasSize(27);
        assertThat(share).as("share of gpsdecode's fields we print equal, first differences: "
                + comparison.differences.subList(0, Math.min(5, comparison.differences.size()))).isGreaterThanOrEqualTo(0.99);
    }

    private static boolean isAisFile(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith("LICENSE") && !name.startsWith("NOTICE") && !name.equals("README.md")
                && !name.equals("MANIFEST.tsv") && !name.endsWith(".csv") && !name.endsWith(".track");
    }

    private static void requireGpsdecode() {
        if (Files.isExecutable(GPSDECODE)) {
            return;
        }
        String line = "gpsdecode not found at " + GPSDECODE + ": apt-get install gpsd-clients";
        boolean strict = "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getProperty("watchkeeper.requireExternal"));
        if (strict) {
            throw new AssertionError(line);
        }
        Assumptions.abort(line);
    }

    private void compare(Path file) throws Exception {
        Path input = withFinalLineEnd(file);
        List<JsonNode> theirs = runGpsdecode(input);
        Ours ours = decodeOurselves(input);
        Comparison comparison = new Comparison(DATA.relativize(file).toString(), ours.refusedTagBlockHeaders());
        comparison.align(theirs, ours.lines);
        System.out.printf("%-50s gpsdecode %6d  ours %6d (rejected %d)  matched %6d  allowed-unmatched %d  differing fields %d%n",
                DATA.relativize(file), theirs.size(), ours.lines.size(), ours.rejected, comparison.matched,
                comparison.allowedOurs + comparison.allowedTheirs, comparison.differences.size());
        comparison.allowed.forEach((reason, count) -> System.out.println("  allowed " + reason + ": " + count));
        writeReport(file, comparison);
        assertThat(comparison.differences.subList(0, Math.min(20, comparison.differences.size())))
                .as("differences from gpsdecode in " + file + " (first 20 of " + comparison.differences.size() + ")")
                .isEmpty();
        // Counts: everything gpsdecode printed was matched, and our extra lines are all explained.
        assertThat(comparison.matched + comparison.allowedTheirs).as("gpsdecode messages accounted for").isEqualTo(theirs.size());
        assertThat(comparison.matched + comparison.allowedOurs).as("our messages accounted for").isEqualTo(ours.lines.size());
    }

    /**
     * The file as gpsdecode reads it on stdin: decompressed, and ending in a line end. gpsdecode only
     * emits a sentence once its line end arrives, so without one it silently drops a file's last
     * sentence; appending it lets that sentence be compared instead of explained away.
     */
    private Path withFinalLineEnd(Path file) throws IOException {
        byte[] bytes;
        if (file.getFileName().toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                bytes = in.readAllBytes();
            }
        } else {
            bytes = Files.readAllBytes(file);
        }
        Path input = temp.resolve(file.getFileName().toString().replace(".gz", ""));
        Files.write(input, bytes);
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            Files.write(input, new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);
        }
        return input;
    }

    /** Full per-file detail under target/, for reading when a number looks odd. */
    private static void writeReport(Path file, Comparison comparison) throws IOException {
        Path dir = Path.of("target", "gpsdecode-comparison");
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>(comparison.differences);
        lines.addAll(comparison.details);
        Files.write(dir.resolve(DATA.relativize(file).toString().replace('/', '_') + ".txt"), lines, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> runGpsdecode(Path input) throws Exception {
        Process process = new ProcessBuilder(GPSDECODE.toString(), "-u", "-j")
                .redirectInput(input.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode node = JSON.readTree(line);
                if ("AIS".equals(node.path("class").asText())) {
                    lines.add(node);
                }
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("gpsdecode finished").isTrue();
        assertThat(process.exitValue()).as("gpsdecode exit status").isZero();
        return lines;
    }

    /** Our decoded messages as gpsd JSON, with the raw sentence(s) for the report. */
    /** {@code joined}: one of its sentences came joined onto another's line, which gpsdecode does not read. */
    record OurLine(JsonNode json, AisMessage message, String raw, boolean joined) {
    }

    /** The rest of each line from every sentence (or its tag block) that follows the line's first sentence. */
    static java.util.Set<String> joinedSentences(List<String> lines) {
        java.util.Set<String> joined = new java.util.HashSet<>();
        for (String line : lines) {
            int first = line.indexOf('!');
            int star = first < 0 ? -1 : line.indexOf('*', first);
            for (int i = star < 0 ? line.length() : star + 1; i < line.length(); i++) {
                if (line.charAt(i) == '!' || line.charAt(i) == '\\') {
                    joined.add(line.substring(i));
                }
            }
        }
        return joined;
    }

    record Ours(List<OurLine> lines, int rejected, Map<String, Integer> refusedTagBlockHeaders) {
    }

    private static Ours decodeOurselves(Path input) throws IOException {
        GpsdecodeOutput gpsd = new GpsdecodeOutput();
        List<String> fileLines = Files.readAllLines(input, StandardCharsets.ISO_8859_1);
        java.util.Set<String> joined = joinedSentences(fileLines);
        List<OurLine> lines = new ArrayList<>();
        int[] rejected = {0};
        List<String> rejectedRaw = new ArrayList<>();
        AisDecoder decoder = new AisDecoder(new AisDecoderListener() {
            @Override
            public void onMessage(AisMessage message, AisPayload payload) {
                StringBuilder out = new StringBuilder();
                if (gpsd.write(message, payload.channel(), out)) {
                    try {
                        boolean wasJoined = java.util.Arrays.stream(payload.raw().split("\n")).anyMatch(joined::contains);
                        lines.add(new OurLine(JSON.readTree(out.toString()), message, payload.raw(), wasJoined));
                    } catch (IOException e) {
                        throw new AssertionError("our JSON does not parse: " + out + " from " + payload.raw(), e);
                    }
                }
            }

            @Override
            public void onRejected(RejectReason reason, String detail, String raw) {
                rejected[0]++;
                rejectedRaw.add(raw);
            }
        }, FramerSettings.defaults());
        // One wall-clock instant for the whole file: fragment groups never time out mid-file.
        for (String line : fileLines) {
            decoder.accept(line, 0L);
        }
        decoder.flush();
        AisDecoderStats stats = decoder.stats();
        assertThat(stats.rejectedTotal()).as("every rejection reached the listener").isEqualTo(rejected[0]);
        return new Ours(lines, rejected[0], headersBehindRefusedTagBlocks(rejectedRaw));
    }

    /**
     * (type, MMSI) of what the sentences of lines refused for their tag block would decode to without it:
     * gpsdecode skips tag blocks unread, so these are the messages it has and we deliberately do not.
     */
    private static Map<String, Integer> headersBehindRefusedTagBlocks(List<String> rejectedRaw) {
        Map<String, Integer> headers = new java.util.HashMap<>();
        AisDecoder bare = new AisDecoder(new AisDecoderListener() {
            @Override
            public void onMessage(AisMessage message, AisPayload payload) {
                headers.merge(message.type() + "/" + message.mmsi(), 1, Integer::sum);
            }

            @Override
            public void onRejected(RejectReason reason, String detail, String raw) {
                // Refused for more than its tag block: gpsdecode must not have it either.
            }
        }, FramerSettings.defaults());
        for (String raw : rejectedRaw) {
            for (String line : raw.split("\n")) {
                int end = line.startsWith("\\") ? line.indexOf('\\', 1) : -1;
                if (end > 0) {
                    bare.accept(line.substring(end + 1), 0L);
                }
            }
        }
        bare.flush();
        return headers;
    }

    /**
     * The deliberate differences (DIFFERENCES-vs-gpsdecode.md), as the only exceptions the comparison
     * accepts: each one a message we decode that gpsdecode prints nothing for, with the reason.
     */
    enum Deliberate {
        /**
         * A message of a type without a position whose length is outside the range gpsdecode accepts for
         * its type (or type 24 part 2/3): we keep it as an {@code OtherMessage} for counting, gpsdecode drops it.
         */
        UNDECODED_TYPE,
        /** gpsdecode knows a fixed list of AIS talkers (AI AB AD AN AR AS AT AX BS SA); we take any. */
        OTHER_TALKER,
        /** gpsdecode drops channels other than A, B, 1, 2 or empty; the channel does not change the payload. */
        OTHER_CHANNEL,
        /**
         * gpsdecode skips tag blocks unread; our framer refuses a line whose tag block is broken (bad or
         * short checksum, single sentences claiming a group), so gpsdecode has these messages and we do not.
         */
        REFUSED_TAG_BLOCK,
        /** A sentence joined onto the line of another (Spire, gfw samples): gpsdecode reads one per line. */
        JOINED_SENTENCE;

        private static final java.util.Set<String> GPSD_TALKERS =
                java.util.Set.of("AI", "AB", "AD", "AN", "AR", "AS", "AT", "AX", "BS", "SA");

        static @Nullable Deliberate forOursOnly(OurLine line) {
            if (line.message() instanceof OtherMessage) {
                return UNDECODED_TYPE;
            }
            if (line.joined()) {
                return JOINED_SENTENCE;
            }
            for (String raw : line.raw().split("\n")) {
                int bang = raw.indexOf('!');
                String[] fields = raw.substring(bang + 1).split(",", -1);
                if (!GPSD_TALKERS.contains(fields[0].substring(0, 2))) {
                    return OTHER_TALKER;
                }
                if (fields.length > 4 && !fields[4].matches("[AB12]?")) {
                    return OTHER_CHANNEL;
                }
            }
            return null;
        }
    }

    /** Aligns two message sequences and collects differing fields and explained one-sided messages. */
    static final class Comparison {
        final String file;
        final List<String> differences = new ArrayList<>();
        final Map<Deliberate, Integer> allowed = new java.util.EnumMap<>(Deliberate.class);
        final List<String> details = new ArrayList<>();
        int matched;
        int allowedOurs;
        int allowedTheirs;
        /** Fields gpsdecode printed (matched or not), and those of them we printed with an equal value. */
        int theirFields;
        int equalFields;
        /** Per type: {equal fields, gpsdecode's fields}. */
        final Map<Integer, int[]> fieldsByType = new java.util.TreeMap<>();

        private final Map<String, Integer> refusedTagBlockHeaders;

        Comparison(String file, Map<String, Integer> refusedTagBlockHeaders) {
            this.file = file;
            this.refusedTagBlockHeaders = new java.util.HashMap<>(refusedTagBlockHeaders);
        }

        void align(List<JsonNode> theirs, List<OurLine> ours) {
            int i = 0;
            int j = 0;
            while (i < theirs.size() || j < ours.size()) {
                if (i < theirs.size() && j < ours.size() && sameMessage(theirs.get(i), ours.get(j).json())) {
                    compareFields(i, theirs.get(i), ours.get(j));
                    matched++;
                    i++;
                    j++;
                    continue;
                }
                int aheadInTheirs = find(theirs, i, j < ours.size() ? ours.get(j).json() : null);
                int aheadInOurs = findOurs(ours, j, i < theirs.size() ? theirs.get(i) : null);
                if (aheadInOurs >= 0 && (aheadInTheirs < 0 || aheadInOurs - j <= aheadInTheirs - i)) {
                    for (; j < aheadInOurs; j++) {
                        onlyOurs(ours.get(j));
                    }
                } else if (aheadInTheirs >= 0) {
                    for (; i < aheadInTheirs; i++) {
                        onlyTheirs(i, theirs.get(i));
                    }
                } else {
                    if (i < theirs.size()) {
                        onlyTheirs(i, theirs.get(i++));
                    }
                    if (j < ours.size()) {
                        onlyOurs(ours.get(j++));
                    }
                }
            }
        }

        private static boolean sameMessage(JsonNode a, JsonNode b) {
            return a.path("type").asInt() == b.path("type").asInt() && a.path("mmsi").asLong() == b.path("mmsi").asLong();
        }

        private static int find(List<JsonNode> list, int from, @Nullable JsonNode wanted) {
            for (int k = from; wanted != null && k < list.size() && k < from + RESYNC_WINDOW; k++) {
                if (sameMessage(list.get(k), wanted)) {
                    return k;
                }
            }
            return -1;
        }

        private static int findOurs(List<OurLine> list, int from, @Nullable JsonNode wanted) {
            for (int k = from; wanted != null && k < list.size() && k < from + RESYNC_WINDOW; k++) {
                if (sameMessage(list.get(k).json(), wanted)) {
                    return k;
                }
            }
            return -1;
        }

        private void onlyOurs(OurLine line) {
            @Nullable Deliberate reason = Deliberate.forOursOnly(line);
            if (reason != null) {
                allowedOurs++;
                allowed.merge(reason, 1, Integer::sum);
                details.add("allowed " + reason + ": " + line.json() + "  raw: " + line.raw());
                return;
            }
            differences.add(file + ": message only we decoded: " + line.json() + "  raw: " + line.raw());
        }

        private void onlyTheirs(int index, JsonNode node) {
            countFields(node, 0);
            String header = node.path("type").asInt() + "/" + node.path("mmsi").asLong();
            if (refusedTagBlockHeaders.getOrDefault(header, 0) > 0) {
                refusedTagBlockHeaders.merge(header, -1, Integer::sum);
                allowedTheirs++;
                allowed.merge(Deliberate.REFUSED_TAG_BLOCK, 1, Integer::sum);
                details.add("allowed " + Deliberate.REFUSED_TAG_BLOCK + " #" + index + ": " + node);
                return;
            }
            differences.add(file + " #" + index + ": message only gpsdecode decoded: " + node);
        }

        private void countFields(JsonNode theirs, int equal) {
            theirFields += theirs.size();
            equalFields += equal;
            int[] counts = fieldsByType.computeIfAbsent(theirs.path("type").asInt(), type -> new int[2]);
            counts[0] += equal;
            counts[1] += theirs.size();
        }

        private void compareFields(int index, JsonNode theirs, OurLine ours) {
            JsonNode mine = ours.json();
            boolean headerOnly = ours.message() instanceof OtherMessage;
            List<String> theirNames = new ArrayList<>();
            theirs.fieldNames().forEachRemaining(theirNames::add);
            List<String> myNames = new ArrayList<>();
            mine.fieldNames().forEachRemaining(myNames::add);
            int equal = 0;
            for (String name : theirNames) {
                if (theirs.get(name).equals(mine.get(name))) {
                    equal++;
                }
            }
            countFields(theirs, equal);
            for (String name : headerOnly ? myNames : theirNames) {
                if (!theirs.get(name).equals(mine.get(name))) {
                    differences.add(file + " #" + index + " type " + theirs.path("type") + " field " + name
                            + ": gpsdecode " + theirs.get(name) + ", ours " + mine.get(name) + "  raw: " + ours.raw());
                }
            }
            if (!headerOnly && !theirNames.equals(myNames)) {
                differences.add(file + " #" + index + " type " + theirs.path("type") + " field names/order: gpsdecode "
                        + theirNames + ", ours " + myNames + "  raw: " + ours.raw());
            }
        }
    }
}
