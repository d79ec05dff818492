package io.watchkeeper.server.cli;

import io.watchkeeper.mqtt.broker.BrokerStartException;
import io.watchkeeper.mqtt.broker.CredentialsException;
import io.watchkeeper.mqtt.client.MqttConnectException;
import io.watchkeeper.server.config.ConfigException;
import io.watchkeeper.server.durable.CheckpointException;
import io.watchkeeper.server.web.WebServerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code watchkeeper} command line: the composition root of every role.
 *
 * <p>Exit codes: 0 success, 1 a runtime failure (broker unreachable, port taken, bad config),
 * 2 a usage error (unknown option, missing argument). Failures are one line on stderr. A long-running
 * command stopped by SIGTERM or Ctrl-C exits with its own status (0 after an orderly stop), or 1 if its
 * stop budget ran out ({@link Shutdown}).
 */
@Command(name = "watchkeeper",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Event detection for the maritime industry, over MQTT.%n"
                + "Stations publish positions on DATA/<station>; the detector publishes events on EVENT/<site>/<TYPE>/<vessel>.",
        subcommands = {
                DemoCommand.class,
                BrokerCommand.class,
                PasswdCommand.class,
                StationCommand.class,
                DetectCommand.class,
                DecodeCommand.class,
                SubCommand.class,
                PubCommand.class,
                MachinesCommand.class,
                ReplayCommand.class,
                StatusCommand.class,
                AutoComplete.GenerateCompletion.class,
                CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 ok (also an orderly stop on SIGTERM or Ctrl-C), 1 failure (one line on stderr)",
                "or a stop budget run out (one WARN line), 2 usage error.",
                "Run 'watchkeeper demo' to see it all work on an embedded broker."})
public final class Main implements Runnable {

    /** picocli's own name for the command that prints the bash/zsh completion script. */
    static final String COMPLETION = "generate-completion";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // HiveMQ CE's jar carries its own logback.xml; name ours explicitly so that it wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "watchkeeper-logback.xml");
        }
        Shutdown.ownProcess();
        int status = run(args);
        Shutdown.exiting(status); // after SIGTERM, a waiting shutdown hook exits with this status, not 143
        System.exit(status);
    }

    /** Runs a command line and returns its exit code; never calls {@code System.exit}. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::onFailure);
        // every subcommand's --version answers too, with the same line
        VersionProvider version = new VersionProvider();
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        // picocli hides its completion generator; list it in --help so that users find it
        cl.getSubcommands().get(COMPLETION).getCommandSpec().usageMessage().hidden(false);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandName() + ": " + oneLine(e));
        if (!isExpected(e)) {
            err.println("(unexpected error; run with -Dwatchkeeper.debug=true for the stack trace)");
            if (Boolean.getBoolean("watchkeeper.debug")) {
                e.printStackTrace(err);
            }
        }
        err.flush();
        return 1;
    }

    private static boolean isExpected(Exception e) {
        return e instanceof ConfigException || e instanceof MqttConnectException || e instanceof BrokerStartException
                || e instanceof CredentialsException
                || e instanceof CheckpointException
                || e instanceof WebServerException
                || e instanceof IllegalArgumentException || e instanceof IOException;
    }

    static String oneLine(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return e.getMessage() + ": no such file";
        }
        if (e instanceof AccessDeniedException) {
            return e.getMessage() + ": permission denied";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
