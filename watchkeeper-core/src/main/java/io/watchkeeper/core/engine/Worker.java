package io.watchkeeper.core.engine;

import io.watchkeeper.core.fix.Fix;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine thread: drains its bounded queue in batches into its {@link Stage} (a partition of
 * vessels, or the pair stage), and ticks the stage while the feed is quiet.
 *
 * <p>The queue is multi-producer, single-consumer and lock-free; a full queue makes producers wait
 * (backpressure), an empty one parks this thread until a producer wakes it (or 1 ms passes).
 */
final class Worker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    private static final int BATCH = 1024;
    private static final int SPINS_BEFORE_PARK = 64;
    private static final long PARK_NANOS = 1_000_000L;

    /** Fixes, and now and then a {@link Barrier}. */
    private final MpscArrayQueue<Object> queue;
    private final Stage stage;
    private final AtomicLong failures = new AtomicLong();
    private volatile StageCounters counters = StageCounters.ZERO;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean parked;

    Worker(String name, int capacity, Stage stage) {
        this.queue = new MpscArrayQueue<>(capacity);
        this.stage = stage;
        this.thread = new Thread(this, name);
    }

    void start() {
        thread.start();
    }

    /** Enqueues, waiting while the queue is full. Returns how many times it had to wait. */
    long put(Object item) {
        long waits = 0;
        while (!queue.offer(item)) {
            if (!running) {
                throw new IllegalStateException("engine is stopped");
            }
            waits++;
            if (waits < 16) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000L);
            }
        }
        if (parked) {
            LockSupport.unpark(thread);
        }
        return waits;
    }

    @Override
    public void run() {
        int idle = 0;
        while (running || !queue.isEmpty()) {
            int n = queue.drain(this::handle, BATCH);
            if (n > 0) {
                idle = 0;
                counters = stage.counters();
            } else if (++idle < SPINS_BEFORE_PARK) {
                Thread.onSpinWait();
            } else {
                tick();
                parked = true;
                if (queue.isEmpty() && running) {
                    LockSupport.parkNanos(PARK_NANOS);
                }
                parked = false;
            }
        }
    }

    private void tick() {
        try {
            stage.tick();
            counters = stage.counters();
        } catch (RuntimeException e) {
            LOG.error("engine worker {} failed on a timer sweep", thread.getName(), e);
        }
    }

    private void handle(Object item) {
        if (item instanceof Barrier barrier) {
            try {
                stage.barrier(barrier);
            } catch (RuntimeException e) {
                barrier.fail(e);
                LOG.error("engine worker {} failed at a checkpoint barrier", thread.getName(), e);
            }
            return;
        }
        if (item instanceof Sequenced s) {
            try {
                stage.process(s);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                LOG.error("engine worker {} could not hand on the events of a fix of {}", thread.getName(),
                        s.fix() == null ? "no vessel" : s.fix().vessel(), e);
            }
            return;
        }
        Fix fix = (Fix) item;
        try {
            stage.process(fix);
        } catch (RuntimeException e) {
            // A sink failure must not kill the thread that owns these vessels.
            failures.incrementAndGet();
            LOG.error("engine worker {} could not hand on the events of a fix of {}", thread.getName(),
                    fix.vessel(), e);
        }
    }

    void stop() {
        running = false;
        LockSupport.unpark(thread);
    }

    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    /** Fixes fully handled, including those whose events a sink refused. */
    long processed() {
        return counters.processed();
    }

    StageCounters counters() {
        return counters;
    }

    long failures() {
        return failures.get();
    }

    int queueDepth() {
        return queue.size();
    }

    long vessels() {
        return counters.vessels();
    }
}
