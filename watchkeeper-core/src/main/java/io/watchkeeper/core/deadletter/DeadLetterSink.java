package io.watchkeeper.core.deadletter;

/**
 * Receives refused input. Implementations publish it on {@code DEADLETTER/<source>}, count it, or both;
 * none may throw back into the caller, which is usually a network thread.
 */
@FunctionalInterface
public interface DeadLetterSink {

    void accept(DeadLetter deadLetter);
}
