package io.watchkeeper.core.engine;

/**
 * How the engine is laid out.
 *
 * @param workers       worker threads; each owns the vessels whose id hashes to it
 * @param queueCapacity bound of each worker's input queue; a full queue blocks the producer
 *                      (backpressure), it never drops and never grows
 */
public record EngineConfig(int workers, int queueCapacity) {

    public static final int DEFAULT_QUEUE_CAPACITY = 16_384;

    public EngineConfig {
        if (workers < 1 || workers > 1024) {
            throw new IllegalArgumentException("workers must be 1..1024, was " + workers);
        }
        if (queueCapacity < 2) {
            throw new IllegalArgumentException("queueCapacity must be at least 2, was " + queueCapacity);
        }
    }

    /** One worker per available core, the default queue bound. */
    public static EngineConfig defaults() {
        return new EngineConfig(Runtime.getRuntime().availableProcessors(), DEFAULT_QUEUE_CAPACITY);
    }

    public EngineConfig withWorkers(int n) {
        return new EngineConfig(n, queueCapacity);
    }

    public EngineConfig withQueueCapacity(int n) {
        return new EngineConfig(workers, n);
    }
}
