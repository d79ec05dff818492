package io.watchkeeper.kafka.cli;

import io.watchkeeper.server.cli.Main;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code watchkeeper} command line with the Kafka commands: {@code kafka-dev}, {@code bridge},
 * {@code detect --engine kafka} and {@code replay FILE --kafka}. Every other command line goes to the
 * usual CLI ({@link Main}) untouched, which loads no Kafka class; the launcher script only starts this
 * jar for a command line that asks for Kafka.
 */
@Command(name = "watchkeeper", mixinStandardHelpOptions = true,
        description = "Watchkeeper on Apache Kafka (see docs/scale-out.md); every other command is the usual one.",
        subcommands = {KafkaDevCommand.class, BridgeCommand.class, KafkaDetectCommand.class, KafkaReplayCommand.class,
                KafkaMain.Bench.class})
public final class KafkaMain implements Runnable {

    private static final Set<String> OWN = Set.of("kafka-dev", "bridge");

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "watchkeeper-kafka-logback.xml");
        }
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; never calls {@code System.exit}. */
    public static int run(String... args) {
        if (!isKafka(List.of(args))) {
            return Main.run(args);
        }
        CommandLine cl = new CommandLine(new KafkaMain());
        cl.setExecutionExceptionHandler(KafkaMain::onFailure);
        return cl.execute(args);
    }

    /** Whether a command line is one of this module's: the launcher script applies the same test. */
    static boolean isKafka(List<String> args) {
        if (args.isEmpty()) {
            return false;
        }
        String command = args.get(0);
        if (OWN.contains(command)) {
            return true;
        }
        if (command.equals("bench")) {
            return args.size() > 1 && args.get(1).equals("kafka");
        }
        if (command.equals("detect")) {
            for (int i = 1; i < args.size(); i++) {
                if (args.get(i).equals("--engine=kafka")
                        || args.get(i).equals("--engine") && i + 1 < args.size() && args.get(i + 1).equals("kafka")) {
                    return true;
                }
            }
        }
        if (command.equals("replay")) {
            return args.stream().anyMatch(a -> a.equals("--kafka") || a.startsWith("--kafka="));
        }
        return false;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /**
     * {@code bench kafka}: here rather than in watchkeeper-bench, whose RocksDB (8.3, for its own JMH
     * benchmark) is older than the one Kafka Streams needs (10.1); the launcher routes it here.
     */
    @Command(name = "bench", description = "Benchmarks; here only: kafka.",
            subcommands = io.watchkeeper.kafka.bench.KafkaBenchCommand.class)
    static final class Bench implements Runnable {
        @Override
        public void run() {
            CommandLine.usage(this, System.out);
        }
    }

    private static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        err.println(cl.getCommandName() + ": " + (nl < 0 ? m : m.substring(0, nl)));
        if (Boolean.getBoolean("watchkeeper.debug")) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
