package io.watchkeeper.ais.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for NMEA-over-TCP relays (AIS-catcher, gpsd's raw port, rtl-ais): connects to host:port and
 * hands each line to a {@link LineHandler} on its own daemon thread {@code ais-tcp-host:port}. When the
 * connection fails or closes it reconnects after a {@link Backoff}, which a successful connection resets.
 * Each state change is logged once: connected, lost, cannot connect (repeated failures log at debug).
 * A line cut off by a lost connection is still handed on; the framer rejects it, visibly.
 * {@link #close()} closes the socket, which unblocks the read, and waits briefly for the thread.
 */
public final class TcpLineSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpLineSource.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long CLOSE_WAIT_MILLIS = 5_000;
    private static final int READ_BYTES = 8 * 1024;

    private final String name;
    private final String host;
    private final int port;
    private final Backoff backoff;
    private final LineDelivery delivery;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile long connects;
    private volatile @Nullable String lastError;
    private @Nullable Socket socket; // guarded by this

    private TcpLineSource(String host, int port, Backoff backoff, LineHandler handler, Clock clock) {
        this.host = host;
        this.port = port;
        this.backoff = backoff;
        this.name = "ais-tcp-" + host + ":" + port;
        this.delivery = new LineDelivery(name, handler, clock, LOG);
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Starts reading from {@code host:port} with {@link Backoff#DEFAULT}. */
    public static TcpLineSource start(String host, int port, LineHandler handler, Clock clock) {
        return start(host, port, Backoff.DEFAULT, handler, clock);
    }

    /** Starts reading from {@code host:port}; returns at once, connecting happens on the source's thread. */
    public static TcpLineSource start(String host, int port, Backoff backoff, LineHandler handler, Clock clock) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(clock, "clock");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        TcpLineSource source = new TcpLineSource(host, port, backoff, handler, clock);
        source.thread.start();
        return source;
    }

    public SourceStatus status() {
        return new SourceStatus(name, connected, connects, delivery.lines(), 0, delivery.bytes(),
                delivery.handlerErrors(), lastError);
    }

    /** Stops reading and reconnecting; idempotent. */
    @Override
    public void close() {
        closed = true;
        closing.countDown();
        closeSocket();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (thread.isAlive()) {
            LOG.warn("{}: still running {} ms after close, blocked in the line handler", name, CLOSE_WAIT_MILLIS);
        }
    }

    private void run() {
        int failures = 0;
        boolean failingLogged = false;
        while (!closed) {
            Socket attempt = new Socket();
            if (!publish(attempt)) {
                break;
            }
            try {
                attempt.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                closeSocket();
                if (closed) {
                    break;
                }
                failures++;
                lastError = describe(e);
                logConnectFailure(failingLogged, failures);
                failingLogged = true;
                waitBeforeRetry(failures);
                continue;
            }
            failingLogged = false;
            failures = 0;
            String why = session(attempt);
            if (closed) {
                break;
            }
            lastError = why;
            LOG.warn("{}: connection lost ({}); reconnecting", name, why);
            failures = 1;
            waitBeforeRetry(failures);
        }
        LOG.info("{}: stopped", name);
    }

    /** Reads one connection to its end; returns why it ended. */
    private String session(Socket connectedSocket) {
        connects++;
        connected = true;
        LOG.info("{}: connected", name);
        LineSplitter splitter = new LineSplitter(LineSplitter.DEFAULT_MAX_LINE_CHARS);
        try (InputStream in = connectedSocket.getInputStream()) {
            byte[] buffer = new byte[READ_BYTES];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                delivery.countBytes(n);
                splitter.feed(buffer, 0, n, delivery);
            }
            return "closed by peer";
        } catch (IOException e) {
            return describe(e);
        } finally {
            connected = false;
            splitter.flush(delivery);
            closeSocket();
        }
    }

    private void logConnectFailure(boolean alreadyLogged, int failures) {
        if (alreadyLogged) {
            LOG.debug("{}: cannot connect ({}), attempt {}", name, lastError, failures);
        } else {
            LOG.warn("{}: cannot connect ({}); retrying with backoff up to {}", name, lastError, backoff.max());
        }
    }

    private void waitBeforeRetry(int failures) {
        try {
            // The latch, not a sleep: close() ends the wait at once.
            closing.await(backoff.delay(failures).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Our own thread, interrupted by no one we know of: treat it as a request to stop.
            closed = true;
            Thread.currentThread().interrupt();
        }
    }

    /** Makes {@code s} the socket close() will close; false if already closed. */
    private synchronized boolean publish(Socket s) {
        if (closed) {
            return false;
        }
        socket = s;
        return true;
    }

    private synchronized void closeSocket() {
        Socket s = socket;
        socket = null;
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException e) {
            // Nothing left to do with a socket we are discarding; note it for status.
            lastError = describe(e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }
}
