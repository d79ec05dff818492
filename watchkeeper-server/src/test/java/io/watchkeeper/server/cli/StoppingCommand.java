package io.watchkeeper.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A stand-in for a long-running command, run as its own process by {@link ShutdownHookIT} with the
 * sequence of {@link Main#main}: {@code orderly} closes at once after the signal; {@code hang} never
 * finishes closing, keeps a thread that is not a daemon, and has another shutdown hook that never returns.
 * A second argument is a PEM file turned into a trust store first, as {@code sub --cafile} does.
 */
final class StoppingCommand {

    static final Duration BUDGET = Duration.ofSeconds(2);

    private StoppingCommand() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        boolean hang = args.length > 0 && args[0].equals("hang");
        Shutdown.ownProcess();
        Shutdown shutdown = new Shutdown("test", BUDGET);
        if (hang) {
            Runtime.getRuntime().addShutdownHook(new Thread(StoppingCommand::sleepForever, "a-hook-that-hangs"));
            Thread worker = new Thread(StoppingCommand::sleepForever, "not-a-daemon");
            worker.start();
        }
        if (args.length > 1) {
            PemTrustStore.Written store = PemTrustStore.write(Path.of(args[1]));
            System.out.println("trust store " + store.store() + " " + store.passwordFile());
        }
        System.out.println("running");
        System.out.flush();
        shutdown.await(null);
        if (hang) {
            shutdown.closing("waiting for a socket that never answers", "what it held");
            sleepForever();
        }
        System.out.println("closed");
        System.out.flush();
        shutdown.done();
        Shutdown.exiting(0);
        System.exit(0);
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // a hanging close ignores interrupts too
            }
        }
    }
}
