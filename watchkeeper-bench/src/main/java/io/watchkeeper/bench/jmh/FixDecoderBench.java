package io.watchkeeper.bench.jmh;

import io.watchkeeper.mqtt.wire.Decoded;
import io.watchkeeper.mqtt.wire.FixDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Original-format payloads ({@code {"boat_id": .., "position": {..}}}) decoded per second, one thread. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FixDecoderBench {

    private static final int COUNT = 1024;

    private final FixDecoder decoder = new FixDecoder();
    private byte[][] payloads;
    private int cursor;

    @Setup
    public void setUp() {
        payloads = BenchData.payloads(COUNT);
    }

    @Benchmark
    public Decoded decodeOriginal() {
        return decoder.decode("PORT1", payloads[cursor++ & (COUNT - 1)]);
    }
}
