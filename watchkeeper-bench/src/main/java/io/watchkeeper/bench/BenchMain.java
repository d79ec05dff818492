package io.watchkeeper.bench;

import io.watchkeeper.bench.decode.DecodeCommand;
import io.watchkeeper.bench.fleet.FleetCommand;
import io.watchkeeper.bench.heap.HeapPerVessel;
import io.watchkeeper.bench.jmh.JmhCommand;
import io.watchkeeper.bench.load.E2eCommand;
import io.watchkeeper.mqtt.broker.BrokerStartException;
import io.watchkeeper.mqtt.client.MqttConnectException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code watchkeeper bench ...}: measurements, not tests. Exit codes: 0 when the measurement ran (also
 * when a target was missed: the numbers are the result), 1 on a setup failure (one line on stderr),
 * 2 on a usage error.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        version = "watchkeeper-bench 0.1.0",
        description = "Benchmarks of Watchkeeper: end to end over MQTT, AIS decoding against gpsdecode, JMH micro-benchmarks, heap per vessel.",
        subcommands = {E2eCommand.class, io.watchkeeper.bench.log.LogLatencyCommand.class, DecodeCommand.class, JmhCommand.class, HeapPerVessel.class, FleetCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 measured (targets met or not), 1 setup failure, 2 usage error.",
                "See BENCHMARKS.md at the repository root for recorded results and the exact commands."})
public final class BenchMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // HiveMQ CE's jar carries its own logback.xml; name ours (from watchkeeper-server) explicitly so it wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "watchkeeper-logback.xml");
        }
        int code;
        if (args.length > 0 && args[0].equals("jmh")) {
            // JMH parses its own options (-wi, -i, -f, -prof ...); hand them over untouched.
            String[] rest = new String[args.length - 1];
            System.arraycopy(args, 1, rest, 0, rest.length);
            code = JmhCommand.run(rest);
        } else {
            code = run(args);
        }
        System.exit(code);
    }

    /** Runs a command line and returns its exit code; never calls {@code System.exit}. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new BenchMain());
        cl.setExecutionExceptionHandler(BenchMain::onFailure);
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("bench " + cl.getCommandName() + ": " + oneLine(e));
        boolean expected = e instanceof MqttConnectException || e instanceof BrokerStartException
                || e instanceof IllegalArgumentException || e instanceof java.io.IOException
                || e instanceof SetupException;
        if (!expected || Boolean.getBoolean("watchkeeper.debug")) {
            if (!expected) {
                err.println("(unexpected error; run with -Dwatchkeeper.debug=true for the stack trace)");
            }
            if (Boolean.getBoolean("watchkeeper.debug")) {
                e.printStackTrace(err);
            }
        }
        err.flush();
        return 1;
    }

    /** The first line of a throwable's message, or its class name. */
    public static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
