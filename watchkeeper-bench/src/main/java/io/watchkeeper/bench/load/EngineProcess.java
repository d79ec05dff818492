package io.watchkeeper.bench.load;

import io.watchkeeper.bench.SetupException;
import io.watchkeeper.mqtt.client.BrokerAddress;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The detector as a child JVM ({@code watchkeeper detect}, durable input and checkpoints under a
 * data directory of its own), so that {@code --kill-engine-at} can kill it the way a crash does:
 * SIGKILL, no shutdown hook, no last checkpoint, no clean disconnect. Then it starts it again on
 * the same data directory and client id, as an operator's supervisor would.
 */
final class EngineProcess implements AutoCloseable {

    private static final long READY_TIMEOUT_MILLIS = 120_000;

    private final List<String> command;
    private final Path dir;
    private Process process;
    private int starts;
    private volatile String fault = "";

    private EngineProcess(List<String> command, Path dir) {
        this.command = command;
        this.dir = dir;
    }

    /** Starts {@code detect} against {@code broker} and waits until it is subscribed. */
    static EngineProcess start(BrokerAddress broker, String clientId, int workers) {
        Path dir = null;
        try {
            dir = TempFolders.create("wkb-engine-");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", ownJar(),
                    "io.watchkeeper.server.cli.Main", "detect", "-q", "--broker", "tcp://" + broker,
                    "--client-id", clientId, "--data", dir.resolve("data").toString(), "--store", "none",
                    "--workers", Integer.toString(workers)));
            EngineProcess engine = new EngineProcess(command, dir);
            engine.launch();
            return engine;
        } catch (IOException | RuntimeException e) {
            if (dir != null) {
                TempFolders.delete(dir);
            }
            throw e instanceof SetupException se ? se : new SetupException("cannot start the engine process: "
                    + e.getMessage(), e);
        }
    }

    private static String ownJar() {
        try {
            return Path.of(EngineProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new SetupException("cannot find the bench jar: " + e.getMessage());
        }
    }

    private void launch() throws IOException {
        starts++;
        Path err = dir.resolve("engine-" + starts + ".err");
        process = new ProcessBuilder(command).redirectOutput(dir.resolve("engine-" + starts + ".out").toFile())
                .redirectError(err.toFile()).start();
        try {
            awaitReady(err);
        } catch (RuntimeException e) {
            process.destroyForcibly(); // never leave a child JVM behind a failed start
            throw e;
        }
    }

    private void awaitReady(Path err) throws IOException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            String text = Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
            if (text.contains("Ctrl-C to stop")) {
                return;
            }
            if (!process.isAlive()) {
                throw new SetupException("the engine process exited: " + text.strip());
            }
            sleep(50);
        }
        throw new SetupException("the engine process was not ready within " + READY_TIMEOUT_MILLIS / 1000 + " s");
    }

    /** SIGKILL, then a fresh start on the same state; records what happened for the report. */
    void killAndRestart(long afterMessages) {
        long killed = System.nanoTime();
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new SetupException("the engine process did not die within 30 s of SIGKILL");
            }
            int exit = process.exitValue();
            launch();
            double back = (System.nanoTime() - killed) / 1e9;
            fault = String.format(Locale.ROOT, "killed (exit %d) after %,d messages published, running again %.1f s later",
                    exit, afterMessages, back);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new SetupException("cannot restart the engine process: " + e.getMessage());
        }
    }

    /** What was done to it, or "" if nothing. */
    String fault() {
        return fault;
    }

    /** Where its state and logs are (removed on close unless {@code -Dwatchkeeper.bench.keep=true}). */
    Path dir() {
        return dir;
    }

    /** A clean stop (SIGTERM: last checkpoint, clean disconnect), then its folder goes, logs and state. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!Boolean.getBoolean("watchkeeper.bench.keep")) {
            TempFolders.delete(dir);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("interrupted while waiting for the engine process");
        }
    }
}
