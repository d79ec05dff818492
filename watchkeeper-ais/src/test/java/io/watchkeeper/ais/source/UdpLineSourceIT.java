package io.watchkeeper.ais.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.testing.TestData;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UdpLineSourceIT {

    private static final Path DATA = TestData.file("dma-aislib/ais250.txt");
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @Test
    void splitsDatagramsIntoLinesAndCountsThem() throws Exception {
        List<String> lines = Files.readAllLines(DATA, StandardCharsets.ISO_8859_1).subList(0, 4);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (UdpLineSource source = UdpLineSource.start(loopback, 0, (line, at) -> received.add(line), Clock.systemUTC());
             DatagramSocket sender = new DatagramSocket()) {
            assertThat(source.port()).isPositive();
            // As AIS-catcher sends: several sentences per datagram, CR LF each; and one bare sentence.
            send(sender, loopback, source.port(), lines.get(0) + "\r\n" + lines.get(1) + "\r\n" + lines.get(2) + "\r\n");
            send(sender, loopback, source.port(), lines.get(3));

            assertThat(take(4)).isEqualTo(lines);
            SourceStatus status = source.status();
            assertThat(status.datagrams()).isEqualTo(2);
            assertThat(status.lines()).isEqualTo(4);
            assertThat(status.connected()).isTrue();

            source.close();
            assertThat(source.status().connected()).isFalse();
            send(sender, loopback, source.port(), lines.get(0) + "\n");
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    private static void send(DatagramSocket sender, InetAddress to, int port, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        sender.send(new DatagramPacket(bytes, bytes.length, to, port));
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
}
