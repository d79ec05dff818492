package io.watchkeeper.bench.jmh;

import io.watchkeeper.ais.AisDecoder;
import io.watchkeeper.ais.AisDecoderListener;
import io.watchkeeper.ais.message.AisMessage;
import io.watchkeeper.ais.message.AisMessageDecoder;
import io.watchkeeper.ais.message.AisPayloadException;
import io.watchkeeper.ais.nmea.AisPayload;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.core.deadletter.RejectReason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.jetbrains.annotations.Nullable;
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
 * Decode-only throughput of real type 1-3 sentences, one thread (so ops/s is per core): distinct
 * single-fragment {@code !xxVDM} lines of the Danish sample, cycled. {@code decodePayload} runs the
 * message decoder on the payload range; {@code decodeLine} runs the whole {@link AisDecoder} (framer,
 * checksum, message decoder, counters) on the line. Run from the repository root (the sample path is
 * relative to it), e.g. {@code bench jmh AisDecode -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AisDecodeBench {

    @Param("data/dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz")
    public String sample;

    @Param("10000")
    public int sentences;

    private final AisMessageDecoder messages = new AisMessageDecoder();
    private final LastMessage last = new LastMessage();
    private final AisDecoder decoder = new AisDecoder(last, FramerSettings.defaults());
    private String[] lines;
    private int[] payloadStart;
    private int[] payloadEnd;
    private int[] fillBits;
    private int cursor;

    @Setup
    public void setUp() throws IOException {
        lines = positionReports(Path.of(sample), sentences).toArray(new String[0]);
        if (lines.length == 0) {
            throw new IllegalStateException(sample + " holds no single-fragment type 1-3 sentence");
        }
        payloadStart = new int[lines.length];
        payloadEnd = new int[lines.length];
        fillBits = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            // !xxVDM,1,1,seq,channel,PAYLOAD,fill*hh: the payload is field 5, the fill bits field 6.
            int comma = -1;
            for (int field = 0; field < 5; field++) {
                comma = lines[i].indexOf(',', comma + 1);
            }
            payloadStart[i] = comma + 1;
            payloadEnd[i] = lines[i].indexOf(',', comma + 1);
            fillBits[i] = lines[i].charAt(payloadEnd[i] + 1) - '0';
        }
    }

    @Benchmark
    public AisMessage decodePayload() throws AisPayloadException {
        int i = next();
        return messages.decode(lines[i], payloadStart[i], payloadEnd[i], fillBits[i]);
    }

    @Benchmark
    public @Nullable AisMessage decodeLine() {
        decoder.accept(lines[next()], 0L);
        return last.message;
    }

    private int next() {
        int i = cursor;
        cursor = i + 1 == lines.length ? 0 : i + 1;
        return i;
    }

    /** Up to {@code max} distinct single-fragment VDM lines whose message type is 1, 2 or 3, in file order. */
    static List<String> positionReports(Path file, int max) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.ISO_8859_1))) {
            for (String line = in.readLine(); line != null && found.size() < max; line = in.readLine()) {
                int at = line.indexOf("VDM,1,1,");
                if (line.startsWith("!") && at == 3) {
                    int payload = line.indexOf(',', line.indexOf(',', at + 8) + 1) + 1;
                    char type = line.charAt(payload);
                    if (type >= '1' && type <= '3') {
                        found.add(line);
                    }
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** Keeps the last decoded message, so the benchmark can return it and JMH keeps it alive. */
    private static final class LastMessage implements AisDecoderListener {

        @Nullable AisMessage message;

        @Override
        public void onMessage(AisMessage decoded, AisPayload payload) {
            message = decoded;
        }

        @Override
        public void onRejected(RejectReason reason, String detail, String raw) {
            throw new IllegalStateException("bench input rejected: " + reason + ": " + detail + ": " + raw);
        }
    }
}
