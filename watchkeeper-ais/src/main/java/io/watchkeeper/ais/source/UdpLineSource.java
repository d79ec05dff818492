package io.watchkeeper.ais.source;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives NMEA over UDP, as AIS-catcher, rtl-ais and most receivers send it: binds a port (0 picks a
 * free one, see {@link #port()}) and hands the lines of each datagram (one or more, split on {@code \n},
 * {@code \r\n} or {@code \r}) to a {@link LineHandler} on its own daemon thread {@code ais-udp-port}.
 * A line is never joined across datagrams. {@link #close()} closes the socket, which ends the thread.
 */
public final class UdpLineSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UdpLineSource.class);
    /** The largest UDP payload. */
    private static final int MAX_DATAGRAM_BYTES = 65_535;
    /** Asked of the OS so a burst is not dropped while the handler is busy; the OS may grant less. */
    private static final int RECEIVE_BUFFER_BYTES = 1 << 20;
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final DatagramSocket socket;
    private final int port;
    private final String name;
    private final LineDelivery delivery;
    private final Thread thread;
    private volatile boolean closed;
    private volatile @Nullable String lastError;
    private long receiveErrors; // receiving thread only

    private UdpLineSource(DatagramSocket socket, LineHandler handler, Clock clock) {
        this.socket = socket;
        // Kept: a closed socket reports -1.
        this.port = socket.getLocalPort();
        this.name = "ais-udp-" + port;
        this.delivery = new LineDelivery(name, handler, clock, LOG);
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Binds {@code port} on all interfaces and starts receiving. */
    public static UdpLineSource start(int port, LineHandler handler, Clock clock) throws SocketException {
        return start(null, port, handler, clock);
    }

    /**
     * Binds {@code address:port} and starts receiving; binding happens before this returns, so a port in
     * use fails here rather than on the thread.
     *
     * @param address the local address, or null for all interfaces
     * @param port    0 for any free port
     */
    public static UdpLineSource start(@Nullable InetAddress address, int port, LineHandler handler, Clock clock)
            throws SocketException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
            socket.bind(new InetSocketAddress(address, port));
        } catch (SocketException e) {
            socket.close();
            throw e;
        }
        UdpLineSource source = new UdpLineSource(socket, handler, clock);
        source.thread.start();
        LOG.info("{}: receiving on {}", source.name, socket.getLocalSocketAddress());
        return source;
    }

    /** The bound port, also after close. */
    public int port() {
        return port;
    }

    public SourceStatus status() {
        return new SourceStatus(name, !closed, 0, delivery.lines(), delivery.datagrams(), delivery.bytes(),
                delivery.handlerErrors(), lastError);
    }

    /** Stops receiving; idempotent. */
    @Override
    public void close() {
        closed = true;
        socket.close();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        byte[] buffer = new byte[MAX_DATAGRAM_BYTES];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        LineSplitter splitter = new LineSplitter(LineSplitter.DEFAULT_MAX_LINE_CHARS);
        while (!closed) {
            packet.setLength(buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (closed) {
                    break;
                }
                // A receive error on an open UDP socket (e.g. ICMP unreachable on some systems) is transient.
                lastError = e.toString();
                receiveErrors++;
                if (receiveErrors == 1) {
                    LOG.warn("{}: receive failed ({}); continuing, further failures at debug", name, lastError);
                } else {
                    LOG.debug("{}: receive failed ({})", name, lastError);
                }
                continue;
            }
            delivery.countDatagram();
            delivery.countBytes(packet.getLength());
            splitter.feed(buffer, packet.getOffset(), packet.getLength(), delivery);
            splitter.flush(delivery);
        }
        LOG.info("{}: stopped", name);
    }
}
