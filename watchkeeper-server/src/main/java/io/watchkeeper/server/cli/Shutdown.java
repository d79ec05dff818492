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

    /**
     * How long Ctrl-C waits for an orderly close: longer than the engine's worker join (10 s) plus the
     * event store's close timeout (10 s, see EventArchive), so that a failing database is given up on,
     * counted and logged, rather than cut off by the JVM.
     */
    static final int CLOSE_BUDGET_SECONDS = 30;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    Shutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested.countDown();
            try {
                finished.await(CLOSE_BUDGET_SECONDS, TimeUnit.SECONDS);
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
