package io.watchkeeper.kafka.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka for development and tests: a KRaft broker in combined mode
 * (broker and controller in one process), run as a child JVM on free ports, with its data under a
 * folder of the caller's. Not for production: one node, replication factor 1.
 *
 * <p>A child JVM rather than a broker in this JVM: the broker's threads, Scala runtime and 300-odd MB
 * stay out of the caller, and a test can kill it like a real one. Its class path is this JVM's (the
 * kafka module's dependencies hold {@code kafka_2.13}).
 */
public final class KafkaDevBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaDevBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final String bootstrap;
    private final Path dir;

    private KafkaDevBroker(Process process, String bootstrap, Path dir) {
        this.process = process;
        this.bootstrap = bootstrap;
        this.dir = dir;
    }

    /**
     * Formats a fresh log folder under {@code dir}, starts the broker on free ports and waits until it
     * answers.
     *
     * @param port the client port, or 0 for a free one
     * @throws IOException if it cannot be formatted, started, or does not answer within a minute
     */
    public static KafkaDevBroker start(Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        Path props = dir.resolve("server.properties");
        Path logDirs = dir.resolve("kraft-logs");
        boolean formatted = Files.exists(logDirs.resolve("meta.properties"));
        int clientPort = port == 0 ? freePort() : port;
        // The controller's address is written into the formatted log: a restart must keep it.
        int controllerPort = formatted ? controllerPort(props) : freePort();
        Files.writeString(props, properties(clientPort, controllerPort, logDirs), StandardCharsets.UTF_8);
        Path logging = dir.resolve("broker-logback.xml");
        Files.writeString(logging, LOGBACK, StandardCharsets.UTF_8);
        if (!formatted) {
            format(dir, props, logging);
        }
        Process p = java(dir, logging, "kafka.Kafka", props.toString()).redirectOutput(dir.resolve("broker.log").toFile())
                .start();
        KafkaDevBroker broker = new KafkaDevBroker(p, HOST + ":" + clientPort, dir);
        try {
            broker.awaitReady();
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** {@code host:port} for clients ({@code bootstrap.servers}). */
    public String bootstrap() {
        return bootstrap;
    }

    /** The child JVM's process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The folder with its log ({@code broker.log}), settings and data. */
    public Path dir() {
        return dir;
    }

    private static void format(Path dir, Path props, Path logging) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        Process f = java(dir, logging, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", props.toString(),
                "--standalone").redirectOutput(dir.resolve("format.log").toFile()).start();
        try {
            if (!f.waitFor(60, TimeUnit.SECONDS)) {
                f.destroyForcibly();
                throw new IOException("formatting the Kafka log folder took over 60 s; see " + dir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            f.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting the Kafka log folder", e);
        }
        if (f.exitValue() != 0) {
            throw new IOException("formatting the Kafka log folder failed (exit " + f.exitValue() + "): "
                    + lastLine(dir.resolve("format.log")));
        }
    }

    private static ProcessBuilder java(Path dir, Path logging, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xms64m", "-Xmx512m",
                "-Dlogback.configurationFile=" + logging, "-cp", classPath(), mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    }

    /** This JVM's class path with absolute entries: the child runs in the broker's folder. */
    private static String classPath() {
        StringBuilder b = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                b.append(b.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(entry).toAbsolutePath());
            }
        }
        return b.toString();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> cfg = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                2_000);
        try (Admin admin = Admin.create(cfg)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("the Kafka broker exited with " + process.exitValue() + ": "
                            + lastLine(dir.resolve("broker.log")));
                }
                try {
                    int nodes = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
                    if (nodes > 0) {
                        LOG.info("Kafka broker ready at {} (pid {})", bootstrap, process.pid());
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    sleep(200); // not up yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the Kafka broker", e);
                }
            }
        }
        throw new IOException("the Kafka broker did not answer within " + READY_TIMEOUT.toSeconds() + " s; see "
                + dir.resolve("broker.log"));
    }

    /** Stops it: SIGTERM (a clean shutdown), then kill after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                LOG.warn("the Kafka broker did not stop within 20 s of SIGTERM; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static String properties(int clientPort, int controllerPort, Path logDirs) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirs.toString());
        // One node: every internal topic has one replica, or transactions and consumer groups never start.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // A group's first member starts at once instead of waiting 3 s for others.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        StringBuilder b = new StringBuilder("# written by watchkeeper: a single-node development broker\n");
        p.stringPropertyNames().stream().sorted().forEach(k -> b.append(k).append('=').append(p.getProperty(k))
                .append('\n'));
        return b.toString();
    }

    private static int controllerPort(Path props) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(props)) {
            p.load(in);
        }
        String voters = p.getProperty("controller.quorum.bootstrap.servers", "");
        try {
            return Integer.parseInt(voters.substring(voters.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            throw new IOException(props + " has no controller port (controller.quorum.bootstrap.servers); remove "
                    + props.getParent() + " to start afresh", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
            return "(no output)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the Kafka broker", e);
        }
    }

    /** The broker logs warnings and errors only: its INFO is thousands of lines a minute. */
    private static final String LOGBACK = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>
            """;

    @Override
    public String toString() {
        return "KafkaDevBroker[" + Objects.toString(bootstrap) + ", pid " + process.pid() + "]";
    }
}
