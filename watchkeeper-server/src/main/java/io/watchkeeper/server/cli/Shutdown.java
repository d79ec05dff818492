package io.watchkeeper.server.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jetbrains.annotations.Nullable;

/**
 * Blocks a long-running command until Ctrl-C (SIGINT/SIGTERM), then lets it close its resources in
 * order on its own thread. The hook waits for that, so the JVM does not exit half-way through.
 */
final class Shutdown {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    Shutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested.countDown();
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wk-shutdown"));
    }

    /** Waits for Ctrl-C, or until {@code limit} has passed if it is not null. */
    void await(@Nullable Duration limit) throws InterruptedException {
        if (limit == null) {
            requested.await();
        } else {
            requested.await(limit.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** True once Ctrl-C was pressed. */
    boolean poll() {
        return requested.getCount() == 0;
    }

    /** Call when the command has closed everything. */
    void done() {
        finished.countDown();
    }
}
