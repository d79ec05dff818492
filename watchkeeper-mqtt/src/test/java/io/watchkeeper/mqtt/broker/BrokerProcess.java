package io.watchkeeper.mqtt.broker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EmbeddedBroker} with file persistence in a child JVM, so that a test can stop it without an
 * orderly shutdown: {@link #kill()} sends SIGKILL, as {@code kill -9}, a power cut or the OOM killer
 * would, and no shutdown hook or {@code close()} runs.
 *
 * <p>The child is this class's {@link #main}: it starts the broker on a free port, prints
 * {@code PORT <n>} and then waits until its stdin closes (the parent died) or it is killed.
 */
final class BrokerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private BrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a child JVM running a file-persistent broker on {@code dataFolder}; returns once it listens. */
    static BrokerProcess start(Path dataFolder) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and the serial collector: a short-lived broker starts seconds sooner on a busy build machine.
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                BrokerProcess.class.getName(), dataFolder.toString()))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                drain(out);
                return new BrokerProcess(process, Integer.parseInt(line.substring(5).strip()));
            }
            seen.append(line).append('\n');
        }
        process.destroyForcibly();
        throw new IllegalStateException("broker child JVM exited before listening: " + seen);
    }

    int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no flush, no orderly stop of HiveMQ. Waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("broker child JVM survived SIGKILL for 10 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The child: a broker that runs until killed. */
    public static void main(String[] args) throws IOException {
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).dataFolder(Path.of(args[0])).build().start();
        System.out.println("PORT " + broker.port());
        System.out.flush();
        // Block until the parent closes our stdin (it died); SIGKILL is the way tests end us.
        while (System.in.read() >= 0) {
            // keep waiting
        }
        broker.close();
    }

    /** Keeps reading the child's output so that a full pipe never blocks it. */
    private static void drain(BufferedReader out) {
        Thread drainer = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard: HiveMQ's warnings are not what the test asserts
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "broker-child-output");
        drainer.setDaemon(true);
        drainer.start();
    }
}
