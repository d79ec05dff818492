package io.watchkeeper.bench.decode;

import io.watchkeeper.bench.SetupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Whole-process decoding throughput, side by side in one run: {@code watchkeeper decode --json FILE}
 * against {@code gpsdecode -u -j < FILE}, both writing to {@code /dev/null}, alternating, on the same
 * file. The file is the Danish sample (real traffic) repeated until it holds enough sentences.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Times 'watchkeeper decode --json' against 'gpsdecode -u -j' on the same large file.",
                "Both are whole processes (JVM start-up included), alternated, writing to /dev/null."})
public final class DecodeCommand implements Callable<Integer> {

    @Option(names = "--sample", paramLabel = "FILE",
            defaultValue = "data/dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz",
            description = "Recording to repeat (plain or .gz; default: ${DEFAULT-VALUE}).")
    Path sample;

    @Option(names = "--min-sentences", paramLabel = "N", defaultValue = "500000",
            description = "Repeat the sample until the file has at least N AIS sentences (default: ${DEFAULT-VALUE}).")
    long minSentences;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Runs of each (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--jar", paramLabel = "JAR", defaultValue = "watchkeeper-server/target/watchkeeper.jar",
            description = "The application jar (default: ${DEFAULT-VALUE}).")
    Path jar;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "watchkeeper-bench/target",
            description = "Where to write the repeated file (default: ${DEFAULT-VALUE}).")
    Path work;

    @Override
    public Integer call() throws Exception {
        requireFile(jar, "build it with: mvn -q -B -DskipTests -pl watchkeeper-server -am package");
        requireFile(Path.of("/usr/bin/gpsdecode"), "install it with: apt-get install gpsd-clients");
        Path big = repeated();
        long sentences = countSentences(big);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> ours = List.of(java, "-jar", jar.toString(), "decode", "--json", "--quiet", big.toString());
        List<String> gpsd = List.of("/usr/bin/gpsdecode", "-u", "-j");
        System.out.printf("file: %s, %d bytes, %d AIS sentences%n", big, Files.size(big), sentences);
        System.out.printf("%-4s %14s %14s %10s%n", "run", "watchkeeper s", "gpsdecode s", "ratio");
        List<Double> ratios = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            double g = time(gpsd, big);
            double w = time(ours, null);
            ratios.add(g / w);
            System.out.printf("%-4d %14.3f %14.3f %9.2fx%n", i, w, g, g / w);
            System.out.printf("     %14.0f %14.0f   sentences/s%n", sentences / w, sentences / g);
        }
        ratios.sort(Double::compare);
        System.out.printf("median ratio (gpsdecode time / watchkeeper time): %.2fx  (target >= 2.00x)%n",
                ratios.get(ratios.size() / 2));
        return 0;
    }

    private static double time(List<String> command, Path stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new SetupException(command.get(0) + " did not finish within 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() != 0) {
            throw new SetupException(String.join(" ", command) + " exited with " + p.exitValue());
        }
        return seconds;
    }

    private Path repeated() throws IOException {
        byte[] one;
        try (InputStream in = open(sample)) {
            one = in.readAllBytes();
        }
        long perCopy = countSentences(one);
        if (perCopy == 0) {
            throw new SetupException(sample + " holds no AIS sentence");
        }
        long copies = (minSentences + perCopy - 1) / perCopy;
        Files.createDirectories(work);
        Path big = work.resolve("decode-bench-" + copies + "x-" + sample.getFileName().toString().replace(".gz", ""));
        if (!Files.exists(big) || Files.size(big) != copies * one.length) {
            try (OutputStream out = Files.newOutputStream(big)) {
                for (long i = 0; i < copies; i++) {
                    out.write(one);
                }
            }
        }
        return big;
    }

    private static InputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new SetupException(file + ": no such file");
        }
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static long countSentences(Path file) throws IOException {
        return countSentences(Files.readAllBytes(file));
    }

    /** Lines holding {@code VDM} or {@code VDO}: the AIS sentences, fragments included. */
    static long countSentences(byte[] text) {
        long n = 0;
        for (int i = 0; i + 2 < text.length; i++) {
            if (text[i] == 'V' && text[i + 1] == 'D' && (text[i + 2] == 'M' || text[i + 2] == 'O')) {
                n++;
            }
        }
        return n;
    }

    private static void requireFile(Path file, String hint) {
        if (!Files.exists(file)) {
            throw new SetupException(file + " not found; " + hint);
        }
    }
}
