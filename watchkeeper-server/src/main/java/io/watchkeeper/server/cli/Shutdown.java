package io.watchkeeper.server.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocks a long-running command until SIGTERM or Ctrl-C, then lets it close its resources in order on
 * its own thread, within the command's stop budget (docs/reliability.md, "Stopping").
 *
 * <p>When the process was started by {@link Main#main} and a signal asked it to stop, the exit status is
 * the command's own (0 after an orderly stop) rather than the JVM's 143: the hook hands it over with
 * {@link Runtime#halt}. If the budget runs out first, one WARN names what was being closed and what is
 * abandoned, and the process exits with status 1 at once, whatever is still hanging (a socket that never
 * answers, another shutdown hook, a thread that is not a daemon). A unit file's {@code TimeoutStopSec}
 * must be larger than the budget, or the service manager's SIGKILL comes first.
 */
final class Shutdown {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    /** {@code detect} and {@code demo}: engine, MQTT clients, last checkpoint and event store (see their close). */
    static final Duration ENGINE_BUDGET = Duration.ofSeconds(30);
    /** {@code broker}: HiveMQ's own stop takes about 5 s; a stuck client must not stretch it. */
    static final Duration BROKER_BUDGET = Duration.ofSeconds(15);
    /** {@code station} and {@code sub}: one MQTT client's acknowledgements and clean disconnect. */
    static final Duration CLIENT_BUDGET = Duration.ofSeconds(10);
    /** The exit status when the budget ran out: something was abandoned. */
    static final int BUDGET_EXCEEDED_STATUS = 1;

    /** The exit status {@link Main#main} is about to exit with; only it completes this. */
    private static final CompletableFuture<Integer> EXIT_STATUS = new CompletableFuture<>();
    /** Set by {@link Main#main}: only a process of our own may be halted; tests run commands in their JVM. */
    private static volatile boolean ownsProcess;

    private final String command;
    private final Duration budget;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Runnable> atSignal = new CopyOnWriteArrayList<>();
    private volatile String closing = "waiting for the command to notice the signal";
    private volatile String abandons = "nothing yet";

    Shutdown(String command, Duration budget) {
        this.command = command;
        this.budget = budget;
        Runtime.getRuntime().addShutdownHook(new Thread(this::onSignal, "wk-shutdown"));
    }

    /** Called by {@link Main#main} only: from now on a signal's exit status is the command's. */
    static void ownProcess() {
        ownsProcess = true;
    }

    /** Called by {@link Main#main} with the status it exits with, for a hook that may be waiting for it. */
    static void exiting(int status) {
        EXIT_STATUS.complete(status);
    }

    /**
     * Runs {@code action} on the signal's own thread the moment it arrives, before the command's thread
     * wakes up: for what must not wait for the orderly close, such as stopping reconnects, so that a broker
     * that comes up on the address meanwhile gets no connection from a stopping process.
     */
    void atSignal(Runnable action) {
        atSignal.add(action);
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

    /**
     * Says what the command closes now and what is lost if the budget runs out during it, for the one
     * WARN line. Call it before each closing step that may wait.
     */
    void closing(String what, String abandoned) {
        this.closing = what;
        this.abandons = abandoned;
    }

    /** Call when the command has closed everything. */
    void done() {
        finished.countDown();
    }

    private void onSignal() {
        boolean endedByItself = finished.getCount() == 0;
        if (!endedByItself) {
            for (Runnable action : atSignal) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.warn("watchkeeper {}: at the stop signal: {}", command, e.toString());
                }
            }
        }
        requested.countDown();
        if (endedByItself) {
            return; // the command had finished; System.exit's status stands
        }
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            if (!ownsProcess) {
                finished.await(budget.toNanos(), TimeUnit.NANOSECONDS);
                return; // in a test's JVM: never halt it
            }
            int status = EXIT_STATUS.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            PemTrustStore.deleteWritten(); // halt skips deleteOnExit
            Runtime.getRuntime().halt(status);
        } catch (TimeoutException e) {
            LOG.warn("watchkeeper {}: stop budget of {} s ran out while {}; abandoned: {}; exiting with status {}",
                    command, budget.toSeconds(), closing, abandons, BUDGET_EXCEEDED_STATUS);
            System.err.flush();
            PemTrustStore.deleteWritten();
            Runtime.getRuntime().halt(BUDGET_EXCEEDED_STATUS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the exit status is never completed exceptionally", e);
        }
    }
}
