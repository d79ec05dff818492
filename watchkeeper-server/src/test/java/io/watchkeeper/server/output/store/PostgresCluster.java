package io.watchkeeper.server.output.store;

import io.watchkeeper.mqtt.testing.ExternalTools;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jetbrains.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster for integration tests: {@code initdb} into {@code target/}, started with
 * {@code pg_ctl} on an ephemeral port on 127.0.0.1, trust authentication, stopped and deleted by {@link #close()}.
 *
 * <p>Needs the server binaries of the Debian package {@code postgresql} (under
 * {@code /usr/lib/postgresql/<major>/bin}). PostgreSQL refuses to run as root, so under root every
 * command runs as the OS user {@code postgres} (which that package creates) through {@code runuser}.
 * Missing pieces skip the test with one line, or fail it under CI (see {@link ExternalTools#strict()}).
 */
public final class PostgresCluster implements AutoCloseable {

    private static final Path PG_LIB = Path.of("/usr/lib/postgresql");
    private static final String OS_USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresCluster(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** initdb and start a cluster under {@code parent}; skips (or fails under CI) if PostgreSQL is missing. */
    public static PostgresCluster start(Path parent) throws IOException, InterruptedException {
        Optional<Path> bin = findBin();
        if (bin.isEmpty()) {
            missing("PostgreSQL server binaries (initdb, pg_ctl) not found under " + PG_LIB
                    + "/<major>/bin: apt-get install postgresql");
        }
        boolean root = "0".equals(run(List.of("id", "-u"), null).strip());
        if (root && !userExists(OS_USER)) {
            missing("running as root, PostgreSQL must run as another user, and OS user '" + OS_USER
                    + "' does not exist: apt-get install postgresql creates it (or: useradd --system postgres)");
        }
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent.toAbsolutePath(), "pg-");
        if (root) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName(OS_USER));
        }
        PostgresCluster cluster = new PostgresCluster(bin.get(), dir.resolve("data"), freePort(), root);
        cluster.initAndStart();
        return cluster;
    }

    private void initAndStart() throws IOException, InterruptedException {
        pg(List.of(bin.resolve("initdb").toString(), "-D", dir.toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--locale=C", "--no-sync"));
        Path log = dir.getParent().resolve("postgres.log");
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-l", log.toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "postgres-cluster-stop"));
    }

    /** A JDBC URL for the cluster's {@code postgres} database. */
    String adminUrl() {
        return url("postgres");
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** A new, empty database; returns its JDBC URL. */
    public String createDatabase() throws SQLException {
        String name = "store_it_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    /** Stops the server, as a crash or an administrator would; {@link #startAgain()} brings it back. */
    void stopServer() throws IOException, InterruptedException {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-m", "fast", "-w", "stop"));
    }

    void startAgain() throws IOException, InterruptedException {
        Path log = dir.getParent().resolve("postgres.log");
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-l", log.toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"));
    }

    /**
     * Freezes the server and all its processes (SIGSTOP), as a hung host would: connections stay open and
     * new ones are accepted by the kernel, but nothing answers. {@link #resume()} thaws it.
     */
    public void pause() throws IOException, InterruptedException {
        signalAll("STOP");
    }

    public void resume() throws IOException, InterruptedException {
        signalAll("CONT");
    }

    /** The postmaster (first line of postmaster.pid) and its children, which serve the connections. */
    private void signalAll(String signal) throws IOException, InterruptedException {
        long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
        List<String> kill = new ArrayList<>(List.of("kill", "-" + signal, String.valueOf(postmaster)));
        ProcessHandle.of(postmaster).orElseThrow().children().forEach(c -> kill.add(String.valueOf(c.pid())));
        try {
            run(kill, null);
        } catch (IOException e) {
            // kill signals every pid it can; a backend that ended after it was listed is no failure
            boolean onlyGone = e.getMessage().lines().skip(1).filter(l -> !l.isBlank())
                    .allMatch(l -> l.contains("No such process"));
            if (!onlyGone || ProcessHandle.of(postmaster).isEmpty()) {
                throw e;
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stopServer();
        try (Stream<Path> files = Files.walk(dir.getParent())) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void stopQuietly() {
        if (Files.exists(dir.resolve("postmaster.pid"))) {
            try {
                stopServer();
            } catch (IOException | InterruptedException | RuntimeException e) {
                System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e);
            }
        }
    }

    /** Runs a PostgreSQL program, as the postgres user when we are root. */
    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of(ExternalTools.path("runuser", "util-linux").toString(), "-u", OS_USER, "--"));
        }
        full.addAll(command);
        run(full, dir.getParent());
    }

    /** Runs {@code command}, returns its output; throws with the output if it fails. */
    private static String run(List<String> command, @Nullable Path cwd)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("pg-cmd", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            if (cwd != null) {
                pb.directory(cwd.toFile());
            }
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command + "\n" + Files.readString(out));
            }
            String text = Files.readString(out);
            if (p.exitValue() != 0) {
                throw new IOException("failed (exit " + p.exitValue() + "): " + command + "\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean userExists(String user) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", "-u", user).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** The newest {@code /usr/lib/postgresql/<major>/bin} holding initdb and pg_ctl. */
    private static Optional<Path> findBin() throws IOException {
        if (!Files.isDirectory(PG_LIB)) {
            return Optional.empty();
        }
        try (Stream<Path> majors = Files.list(PG_LIB)) {
            return majors.map(m -> m.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(PostgresCluster::major));
        }
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void missing(String line) {
        if (ExternalTools.strict()) {
            throw new AssertionError(line);
        }
        Assumptions.abort(line);
    }
}
