package io.watchkeeper.ais.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.testing.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpLineSourceIT {

    private static final Path DATA = TestData.file("dma-aislib/ais250.txt");
    private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200));
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    // Also appended to by relay threads.
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void readsLinesInOrderAcrossADroppedConnection() throws Exception {
        List<String> lines = Files.readAllLines(DATA, StandardCharsets.ISO_8859_1).subList(0, 80);
        ServerSocket server = listen(0);
        Thread serving = new Thread(() -> {
            serve(server, lines.subList(0, 40), true);
            serve(server, lines.subList(40, 80), false);
        }, "test-relay");
        serving.start();

        TcpLineSource source = start(server.getLocalPort());

        assertThat(take(80)).isEqualTo(lines);
        SourceStatus status = source.status();
        assertThat(status.connects()).isEqualTo(2);
        assertThat(status.lines()).isEqualTo(80);
        assertThat(status.lastError()).isEqualTo("closed by peer");
        serving.join(PATIENCE.toMillis());
    }

    @Test
    void keepsTryingUntilTheRelayAppears() throws Exception {
        int port;
        try (ServerSocket probe = listen(0)) {
            port = probe.getLocalPort();
        }
        TcpLineSource source = start(port);
        waitUntil(() -> source.status().lastError() != null);
        assertThat(source.status().connected()).isFalse();
        assertThat(source.status().connects()).isZero();

        ServerSocket server = listen(port);
        List<String> lines = Files.readAllLines(DATA, StandardCharsets.ISO_8859_1).subList(0, 10);
        new Thread(() -> serve(server, lines, false), "test-relay").start();

        assertThat(take(10)).isEqualTo(lines);
        assertThat(source.status().connected()).isTrue();
        assertThat(source.status().connects()).isEqualTo(1);
    }

    @Test
    void closeUnblocksAnIdleReadAndStopsReconnecting() throws Exception {
        ServerSocket server = listen(0);
        CountDownLatch accepted = new CountDownLatch(1);
        new Thread(() -> {
            try (Socket idle = server.accept()) {
                accepted.countDown();
                // Hold the connection open and silent until the client goes away.
                int ignored = idle.getInputStream().read();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "test-idle-relay").start();
        TcpLineSource source = start(server.getLocalPort());
        assertThat(accepted.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        waitUntil(() -> source.status().connected());

        long before = System.nanoTime();
        source.close();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
        assertThat(source.status().connected()).isFalse();
        assertThat(source.status().connects()).isEqualTo(1);
    }

    private TcpLineSource start(int port) {
        TcpLineSource source = TcpLineSource.start("127.0.0.1", port, FAST, (line, at) -> received.add(line), Clock.systemUTC());
        toClose.add(source);
        return source;
    }

    private ServerSocket listen(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        toClose.add(server);
        return server;
    }

    /** Accepts one client, writes the lines as a relay does, then drops it or keeps it open until the test ends. */
    private void serve(ServerSocket server, List<String> lines, boolean drop) {
        try {
            Socket client = server.accept();
            toClose.add(client);
            OutputStream out = client.getOutputStream();
            for (String line : lines) {
                out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
            if (drop) {
                client.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> take(int count) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (lines.size() < count) {
            String line = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(line).as("line %d of %d within %s", lines.size() + 1, count, PATIENCE).isNotNull();
            lines.add(line);
        }
        return lines;
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %s", PATIENCE).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
