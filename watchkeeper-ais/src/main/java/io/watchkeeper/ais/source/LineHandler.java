package io.watchkeeper.ais.source;

/**
 * Receives raw text lines from a source, on the source's own thread (the file reader's caller, or the
 * TCP/UDP source's named daemon thread). The line has no terminator; it may be junk, a partial sentence
 * or empty: judging it is the framer's job, not the source's.
 */
@FunctionalInterface
public interface LineHandler {

    /**
     * One line.
     *
     * @param line             the text, bytes decoded as ISO-8859-1, without {@code \r} or {@code \n}
     * @param receivedAtMillis wall-clock epoch milliseconds when the line arrived, from the source's clock
     */
    void onLine(String line, long receivedAtMillis);
}
