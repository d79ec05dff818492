package io.watchkeeper.bench.load;

import io.watchkeeper.bench.SetupException;
import io.watchkeeper.mqtt.client.BrokerAddress;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jetbrains.annotations.Nullable;

/**
 * A local Mosquitto child process on a free port of 127.0.0.1, configured not to drop QoS 1 messages.
 *
 * <p>The settings, from {@code man mosquitto.conf} of the installed Mosquitto 2.0:
 * <ul>
 *   <li>{@code max_queued_messages 0}: "Set to 0 for no maximum". The default, 1000 per client above
 *       those in flight, silently drops the rest of a burst for a subscriber that lags.</li>
 *   <li>{@code max_queued_bytes 0}: the default, no byte limit on that queue.</li>
 *   <li>{@code max_inflight_messages} from {@code --mosquitto-max-inflight}, 16384 by default as in
 *       {@code examples/mosquitto/watchkeeper.conf}: outgoing QoS 1/2 messages in flight per client
 *       (Mosquitto's default 20 throttles a late-acknowledging detector; 0, no maximum, lets Mosquitto
 *       2.0.11 overrun it).</li>
 *   <li>{@code max_inflight_bytes 0}: the default, no byte limit.</li>
 *   <li>{@code persistence false}: in memory; {@code allow_anonymous true}: needed once a
 *       {@code listener} line is present; {@code set_tcp_nodelay true}: no Nagle delay on small packets.</li>
 * </ul>
 * {@link #close()} stops it (SIGTERM, then SIGKILL after 5 s) and deletes its folder.
 */
final class MosquittoProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path folder;
    private final StringBuffer log = new StringBuffer();

    private MosquittoProcess(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
        Thread reader = new Thread(this::drain, "mosquitto-" + port + "-log");
        reader.setDaemon(true);
        reader.start();
    }

    /** The config file this class writes, for BENCHMARKS.md and for reproducing by hand. */
    static List<String> config(int port, int maxInflightMessages) {
        return List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "max_queued_messages 0",
                "max_queued_bytes 0",
                "max_inflight_messages " + maxInflightMessages,
                "max_inflight_bytes 0",
                "set_tcp_nodelay true",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice");
    }

    /**
     * Starts Mosquitto and waits until its port accepts connections.
     *
     * @param executable the binary, or null to look on the PATH and then in /usr/sbin and /usr/local/sbin
     * @throws SetupException if it is not installed or does not start
     */
    static MosquittoProcess start(@Nullable String executable, int maxInflightMessages) {
        return start(executable, maxInflightMessages, false);
    }

    /**
     * Starts Mosquitto with no config file, only {@code -p PORT}: its defaults (loopback only, anonymous,
     * {@code max_inflight_messages 20}, {@code max_queued_messages 1000}, then silent drops).
     */
    static MosquittoProcess startDefault(@Nullable String executable) {
        return start(executable, 0, true);
    }

    private static MosquittoProcess start(@Nullable String executable, int maxInflightMessages, boolean noConfig) {
        Path binary = find(executable);
        SetupException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return startOnce(binary, freePort(), maxInflightMessages, noConfig);
            } catch (SetupException e) {
                last = e; // most likely another process took the port between probe and bind
            }
        }
        throw last;
    }

    private static MosquittoProcess startOnce(Path binary, int port, int maxInflightMessages, boolean noConfig) {
        Path folder;
        Process process;
        try {
            folder = Files.createTempDirectory("watchkeeper-bench-mosquitto-");
            Path conf = folder.resolve("mosquitto.conf");
            Files.write(conf, config(port, maxInflightMessages), StandardCharsets.UTF_8);
            List<String> command = noConfig ? List.of(binary.toString(), "-p", Integer.toString(port))
                    : List.of(binary.toString(), "-c", conf.toString());
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new SetupException("cannot start mosquitto: " + e.getMessage(), e);
        }
        MosquittoProcess mosquitto = new MosquittoProcess(process, port, folder);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                mosquitto.close();
                throw new SetupException("mosquitto exited with " + process.exitValue() + ": "
                        + mosquitto.log().strip().replace('\n', ' '));
            }
            if (accepts(port)) {
                return mosquitto;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        mosquitto.close();
        throw new SetupException("mosquitto did not accept connections on port " + port + " within 10 s");
    }

    BrokerAddress address() {
        return BrokerAddress.of("127.0.0.1", port);
    }

    long pid() {
        return process.pid();
    }

    /** What Mosquitto logged (errors, warnings, notices). */
    String log() {
        return log.toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        TempFolders.delete(folder);
    }

    private static Path find(@Nullable String executable) {
        if (executable != null) {
            Path p = Path.of(executable);
            if (Files.isExecutable(p)) {
                return p;
            }
            throw new SetupException("mosquitto not executable at " + executable);
        }
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.add("/usr/sbin");
        dirs.add("/usr/local/sbin");
        for (String dir : dirs) {
            Path p = Path.of(dir, "mosquitto");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new SetupException("mosquitto is not installed (Debian package: mosquitto); "
                + "use --target embedded or --mosquitto PATH");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new SetupException("cannot find a free port: " + e.getMessage(), e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void drain() {
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
