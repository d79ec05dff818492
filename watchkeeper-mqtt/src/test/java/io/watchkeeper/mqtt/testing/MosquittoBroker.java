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
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Mosquitto 2 broker in a child process, on a free ephemeral port of 127.0.0.1, for tests that
 * must pass against the external broker the field runs as well as against our embedded one.
 *
 * <p>The generated configuration removes Mosquitto's own limits that would drop messages under a
 * burst (see {@code man mosquitto.conf}): {@code max_queued_messages 0} and {@code max_queued_bytes 0}
 * mean no per-client queue limit (the default 1000 silently drops), {@code max_inflight_messages 0}
 * means no limit on outgoing unacknowledged QoS 1/2 messages (default 20; it also becomes the Receive
 * Maximum that MQTT 5 clients are told). {@code persistence false} keeps it in memory and
 * {@code allow_anonymous true} is needed because a {@code listener} line turns anonymous access off.
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
        Path mosquitto = ExternalTools.path("mosquitto", "mosquitto");
        IllegalStateException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return startOnce(mosquitto, freePort());
            } catch (IllegalStateException e) {
                last = e; // most likely another process took the port between probe and bind
            }
        }
        throw last;
    }

    private static MosquittoBroker startOnce(Path mosquitto, int port) {
        Path folder;
        Process process;
        StringBuffer log = new StringBuffer();
        try {
            folder = Files.createTempDirectory("watchkeeper-mosquitto-");
            Path conf = folder.resolve("mosquitto.conf");
            Files.writeString(conf, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence false",
                    "max_queued_messages 0",
                    "max_queued_bytes 0",
                    "max_inflight_messages 0",
                    "set_tcp_nodelay true",
                    "log_dest stdout",
                    "log_type error",
                    "log_type warning",
                    "log_type notice",
                    ""));
            process = ChildProcesses.register(new ProcessBuilder(mosquitto.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .start());
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

    /** What Mosquitto logged so far (errors, warnings, notices), for assertion messages. */
    public String log() {
        return log.toString();
    }

    /** Stops Mosquitto (SIGTERM, then SIGKILL after 5 s), waits for it and deletes its folder. */
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
