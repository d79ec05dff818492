package io.watchkeeper.ais.source;

import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Hands lines from a network source's thread to its handler and counts them. Counters are written by
 * that one thread only and read by anyone, hence volatile rather than atomic.
 */
final class LineDelivery implements Consumer<String> {

    private final String name;
    private final LineHandler handler;
    private final Clock clock;
    private final Logger log;
    private volatile long lines;
    private volatile long bytes;
    private volatile long datagrams;
    private volatile long handlerErrors;

    LineDelivery(String name, LineHandler handler, Clock clock, Logger log) {
        this.name = name;
        this.handler = handler;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public void accept(String line) {
        // Counted before the handler runs, so whoever the handler signals sees the count include this line.
        lines++;
        try {
            handler.onLine(line, clock.millis());
        } catch (RuntimeException e) {
            // One bad line must not kill a long-lived feed; the failure is counted, and logged in full once.
            handlerErrors++;
            if (handlerErrors == 1) {
                log.warn("{}: line handler failed; counting further failures in handlerErrors", name, e);
            } else {
                log.debug("{}: line handler failed", name, e);
            }
        }
    }

    void countBytes(int n) {
        bytes += n;
    }

    void countDatagram() {
        datagrams++;
    }

    long lines() {
        return lines;
    }

    long bytes() {
        return bytes;
    }

    long datagrams() {
        return datagrams;
    }

    long handlerErrors() {
        return handlerErrors;
    }
}
