package io.watchkeeper.mqtt.testing;

import io.watchkeeper.mqtt.client.BrokerAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.jetbrains.annotations.Nullable;

/**
 * A real Mosquitto 2 broker in a child process, on a free ephemeral port of 127.0.0.1, for tests that
 * must pass against the external broker the field runs as well as against our embedded one.
 *
 * <p>The generated configuration removes Mosquitto's own limits that would drop messages under a
 * burst (see {@code man mosquitto.conf}): {@code max_queued_messages 0} and {@code max_queued_bytes 0}
 * mean no per-client queue limit (the default 1000 silently drops), {@code max_inflight_messages 16384}
 * allows that many outgoing unacknowledged QoS 1/2 messages (default 20, which throttles a detector
 * that acknowledges after its checkpoint; 0, no limit, makes Mosquitto 2.0.11 overrun a late
 * acknowledger's Receive Maximum; docs/mosquitto.md). {@code persistence false} keeps it in memory and
 * {@code allow_anonymous true} is needed because a {@code listener} line turns anonymous access off.
 *
 * <p>{@link #start(Path, Path)} runs a given configuration file instead (such as
 * {@code examples/mosquitto/watchkeeper.conf}), with only what a test must own substituted: the listener,
 * the persistence folder, the log destination and the user to run as.
 */
public final class MosquittoBroker implements AutoCloseable {

    private static final int ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path folder;
    private final StringBuffer log;

    private MosquittoBroker(Process process, int port, Path folder, StringBuffer log) {
        this.process = process;
        this.port = port;
        this.folder = folder;
        this.log = log;
    }

    /** Starts {@code mosquitto -c <generated conf>} and waits until its port accepts; skips if not installed. */
    public static MosquittoBroker start() {
        return startOnAFreePort(MosquittoBroker::unlimited);
    }

    /**
     * Like {@link #start()}, on {@code port}: a broker that comes back on the address of one that was
     * killed. Throws {@link IllegalStateException} if the port is taken.
     */
    public static MosquittoBroker startOnPort(int port) {
        return startOnce(ExternalTools.path("mosquitto", "mosquitto"), ExternalTools.path("stdbuf", "coreutils"), port,
                unlimited(port));
    }

    private static List<String> unlimited(int port) {
        return List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "max_queued_messages 0",
                "max_queued_bytes 0",
                "max_inflight_messages 16384",
                "set_tcp_nodelay true",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice");
    }

    /**
     * Starts {@code mosquitto -p PORT} with no config file at all, as most users run it: loopback only,
     * anonymous, 20 outgoing messages in flight and 1,000 queued per client, then silent drops.
     */
    public static MosquittoBroker startUnconfigured() {
        return startOnAFreePort(port -> null);
    }

    /**
     * Starts Mosquitto on the lines of {@code config}, on a free port of 127.0.0.1, persisting (if the file
     * says {@code persistence true}) into {@code dataFolder}, which {@link #close()} leaves in place: a
     * broker started again on the same folder finds what this one saved. Substituted: every
     * {@code listener} line becomes one listener on 127.0.0.1 and the free port; {@code persistence_location}
     * becomes {@code dataFolder}; {@code log_dest}, {@code pid_file} and {@code user} lines are replaced by
     * logging to stdout (errors, warnings, notices) and running as the current user.
     */
    public static MosquittoBroker start(Path config, Path dataFolder) {
        List<String> lines;
        try {
            lines = Files.readAllLines(config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config, e);
        }
        return startOnAFreePort(port -> substitute(lines, port, dataFolder));
    }

    static List<String> substitute(List<String> lines, int port, Path dataFolder) {
        List<String> out = new ArrayList<>();
        boolean listener = false;
        for (String line : lines) {
            String key = line.strip().split("\\s+", 2)[0];
            switch (key) {
                case "listener" -> {
                    if (!listener) {
                        out.add("listener " + port + " 127.0.0.1");
                        listener = true;
                    }
                }
                case "persistence_location" -> out.add("persistence_location " + dataFolder.toAbsolutePath() + "/");
                case "log_dest", "log_type", "pid_file", "user" -> {
                    // replaced below: the test reads the log, and must own the files it writes
                }
                default -> out.add(line);
            }
        }
        if (!listener) {
            throw new IllegalArgumentException("the configuration has no listener line to put the test's port on");
        }
        // As root, Mosquitto would switch to user 'mosquitto', who cannot write the test's temp folder.
        out.addAll(List.of("user " + System.getProperty("user.name"), "log_dest stdout", "log_type error",
                "log_type warning", "log_type notice"));
        return out;
    }

    private static MosquittoBroker startOnAFreePort(IntFunction<List<String>> configForPort) {
        Path mosquitto = ExternalTools.path("mosquitto", "mosquitto");
        Path stdbuf = ExternalTools.path("stdbuf", "coreutils");
        IllegalStateException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                int port = freePort();
                return startOnce(mosquitto, stdbuf, port, configForPort.apply(port));
            } catch (IllegalStateException e) {
                last = e; // most likely another process took the port between probe and bind
            }
        }
        throw last;
    }

    /** @param config the config file's lines, or null to run with none ({@code -p PORT}) */
    private static MosquittoBroker startOnce(Path mosquitto, Path stdbuf, int port, @Nullable List<String> config) {
        Path folder;
        Process process;
        StringBuffer log = new StringBuffer();
        try {
            folder = Files.createTempDirectory("watchkeeper-mosquitto-");
            List<String> command = new ArrayList<>(List.of(stdbuf.toString(), "-oL", mosquitto.toString()));
            if (config == null) {
                command.addAll(List.of("-p", Integer.toString(port)));
            } else {
                Path conf = folder.resolve("mosquitto.conf");
                Files.writeString(conf, String.join("\n", config) + "\n");
                command.addAll(List.of("-c", conf.toString()));
            }
            // stdout is a pipe, so Mosquitto's stdio would hold log lines back until its buffer fills or it
            // exits; stdbuf makes them line-buffered, so log() shows what happened so far.
            process = ChildProcesses.register(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto", e);
        }
        Thread reader = new Thread(() -> drain(process, log), "mosquitto-" + port + "-log");
        reader.setDaemon(true);
        reader.start();
        MosquittoBroker broker = new MosquittoBroker(process, port, folder, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                broker.close();
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": " + log);
            }
            if (accepts(port)) {
                return broker;
            }
            sleep(20);
        }
        broker.close();
        throw new IllegalStateException("mosquitto did not accept on port " + port + " within 10 s: " + log);
    }

    public int port() {
        return port;
    }

    public BrokerAddress address() {
        return BrokerAddress.of("127.0.0.1", port);
    }

    /**
     * SIGKILL, as a crash or power cut would end it: Mosquitto gets no chance to save its persistence
     * database, so a later start finds only what its last autosave wrote. Keeps the data folder.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("mosquitto survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * SIGSTOP, as a hung host: connections stay open and the kernel still takes what clients send, but
     * nothing answers. {@link #resume()} thaws it.
     */
    public void pause() {
        signal("STOP");
    }

    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** What Mosquitto logged so far (errors, warnings, notices), for assertion messages. */
    public String log() {
        return log.toString();
    }

    /**
     * Stops Mosquitto (SIGTERM, then SIGKILL after 5 s), waits for it and deletes its generated
     * configuration; a data folder given to {@link #start(Path, Path)} stays. On SIGTERM Mosquitto saves
     * its persistence database before it exits.
     */
    @Override
    public void close() {
        ChildProcesses.stop(process);
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }

    @Override
    public String toString() {
        return "mosquitto@" + port;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void drain(Process process, StringBuffer log) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (log.length() < 64_000) {
                    log.append(line).append('\n');
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
