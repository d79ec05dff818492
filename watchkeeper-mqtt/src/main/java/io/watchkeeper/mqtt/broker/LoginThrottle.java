package io.watchkeeper.mqtt.broker;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the CPU that password checks may take: each login costs one PBKDF2 derivation (0.8 s of a core at
 * the default 600,000 iterations), so a burst of CONNECTs, valid or not, would otherwise occupy every core
 * of the broker's host and starve the traffic it exists for.
 *
 * <p>Checks run on {@code concurrent} threads of their own; up to {@code waiting} more wait in line, and
 * a login beyond that is refused at once ({@link #offer} returns false; the broker answers
 * {@code SERVER_BUSY}). HiveMQ's own threads never block on a hash: the authenticator hands the check
 * over and resumes the CONNECT when it is done. The bound is global rather than per client address: a
 * flood from many addresses costs the same CPU as one from a single address, and behind a NAT or a
 * proxy every station may share one address.
 */
final class LoginThrottle implements AutoCloseable {

    /** Two checks at once: the two cores of a small host, at most, spent on hashing. */
    static final int DEFAULT_CONCURRENT_LOGINS = 2;
    /** How long a login may wait in line before the broker gives up on it. */
    static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(10);
    /** Logins in line, per check thread: about 4 s of waiting at 0.8 s per check. */
    private static final int WAITING_PER_THREAD = 5;

    private final ThreadPoolExecutor checks;
    private final Duration patience;
    private final AtomicLong refused = new AtomicLong();

    LoginThrottle(int concurrent, Duration patience) {
        this(concurrent, concurrent * WAITING_PER_THREAD, patience);
    }

    LoginThrottle(int concurrent, int waiting, Duration patience) {
        if (concurrent < 1 || waiting < 0) {
            throw new IllegalArgumentException("concurrent must be positive and waiting not negative");
        }
        AtomicInteger threads = new AtomicInteger();
        this.checks = new ThreadPoolExecutor(concurrent, concurrent, 0, TimeUnit.MILLISECONDS,
                waiting == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(waiting), r -> {
                    Thread t = new Thread(r, "mqtt-login-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.patience = patience;
    }

    /** Runs {@code check} when a thread is free; false (and counted) if too many logins are already waiting. */
    boolean offer(Runnable check) {
        try {
            checks.execute(check);
            return true;
        } catch (RejectedExecutionException e) {
            // the refusal is the answer to the client, logged by the caller; nothing is lost
            refused.incrementAndGet();
            return false;
        }
    }

    /** How long HiveMQ holds a CONNECT for its check before refusing it. */
    Duration patience() {
        return patience;
    }

    /** Logins refused because the line was full. */
    long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
