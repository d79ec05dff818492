package io.watchkeeper.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code bench jmh [JMH options]}: runs the JMH benchmarks of this jar in-process through
 * {@code org.openjdk.jmh.Main}; every argument goes to JMH unchanged ({@code -h} lists them, {@code -l}
 * lists the benchmarks). The benchmark classes carry short defaults ({@code -wi 2 -w 1s -i 3 -r 2s -f 1}; the
 * Boat detector warms up for 5 × 2 s).
 */
@Command(name = "jmh",
        description = {"Runs the JMH micro-benchmarks; all arguments go to JMH (try: bench jmh -l, bench jmh -h).",
                "Defaults per benchmark: -wi 2 -w 1s -i 3 -r 2s -f 1 (BoatDetectorBench: -wi 5 -w 2s).",
                "Example: bench jmh BoatDetectorBench -prof gc"})
public final class JmhCommand implements Callable<Integer> {

    /** Options and benchmark regexps for JMH (BenchMain normally hands them over before picocli sees them). */
    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() {
        return run(jmhArgs.toArray(new String[0]));
    }

    /**
     * Runs JMH with {@code args} and returns 0, or 1 if it failed to run. The forked benchmark JVMs get our
     * Logback configuration too (HiveMQ CE's jar carries its own), unless the arguments set JVM options.
     */
    public static int run(String[] args) {
        List<String> all = new ArrayList<>();
        if (!List.of(args).contains("-jvmArgsAppend") && !List.of(args).contains("-jvmArgs")) {
            all.add("-jvmArgsAppend");
            all.add("-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile",
                    "watchkeeper-logback.xml"));
        }
        all.addAll(List.of(args));
        try {
            org.openjdk.jmh.Main.main(all.toArray(new String[0]));
            return 0;
        } catch (Exception e) {
            System.err.println("bench jmh: " + e.getMessage());
            return 1;
        }
    }
}
