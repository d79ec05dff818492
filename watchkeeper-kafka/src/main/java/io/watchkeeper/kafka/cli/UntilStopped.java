package io.watchkeeper.kafka.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Blocks a long-running command until Ctrl-C (SIGINT/SIGTERM), and lets it close before the JVM exits. */
final class UntilStopped {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    UntilStopped() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested.countDown();
            try {
                finished.await(40, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wk-shutdown"));
    }

    void await() throws InterruptedException {
        requested.await();
    }

    /** Waits up to {@code timeout}; true once Ctrl-C was pressed. */
    boolean await(java.time.Duration timeout) throws InterruptedException {
        return requested.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    void done() {
        finished.countDown();
    }
}
