package io.watchkeeper.ais.nmea;

import org.jetbrains.annotations.Nullable;

/**
 * One complete AIS message payload as the framer hands it on: the six-bit armoured characters of all
 * its fragments, in order, plus what the feed said about it.
 *
 * <p>A reusable view, valid only during {@link FrameListener#onPayload}: a single-fragment sentence is
 * handed on without copying its characters, so copy whatever you keep.
 */
public interface AisPayload {

    /** {@link #receivedAtMillis()} when the feed gave no time. */
    long NO_TIME = Long.MIN_VALUE;

    /** Characters holding the payload; the payload is {@code armored().subSequence(start(), end())}. */
    CharSequence armored();

    int start();

    int end();

    /** Fill bits (0..5) after the last fragment's payload. */
    int fillBits();

    /** Radio channel {@code 'A'} or {@code 'B'} (also {@code '1'}/{@code '2'} as some feeds write), or {@code 0} when empty. */
    char channel();

    /** The two-letter talker: {@code AI}, {@code AB}, {@code BS}, {@code SA}, ... */
    String talker();

    /** True for {@code VDO} (own ship), false for {@code VDM}. */
    boolean ownShip();

    /** Receive time in epoch milliseconds from a tag block, {@code $PGHP} or trailing column; {@link #NO_TIME} if none. */
    long receivedAtMillis();

    /** The feed's source: tag block {@code s:}, else the framer's configured default; null if neither. */
    @Nullable String source();

    /** The line or lines this payload came from, joined by {@code '\n'}; for dead letters and {@code --json} echo. */
    String raw();
}
