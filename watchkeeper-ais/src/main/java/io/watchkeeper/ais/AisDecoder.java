package io.watchkeeper.ais;

import io.watchkeeper.ais.message.AisMessage;
import io.watchkeeper.ais.message.AisMessageDecoder;
import io.watchkeeper.ais.message.AisPayloadException;
import io.watchkeeper.ais.nmea.AisPayload;
import io.watchkeeper.ais.nmea.FrameListener;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.nmea.NmeaFramer;
import io.watchkeeper.core.deadletter.RejectReason;
import java.util.Objects;

/**
 * Lines in, AIS messages out: one NMEA framer plus the message decoder, for one source. Framing
 * rejections and undecodable payloads both reach {@link AisDecoderListener#onRejected}; every line
 * ends as a message, a rejection or an ignore, and is counted.
 *
 * <p>Not thread-safe: owned by the one thread that reads its source (as the framer is).
 */
public final class AisDecoder {

    private final AisDecoderListener listener;
    private final NmeaFramer framer;
    private final AisMessageDecoder decoder = new AisMessageDecoder();
    private final long[] messagesByType = new long[64];
    private final long[] rejectedByReason = new long[RejectReason.values().length];

    public AisDecoder(AisDecoderListener listener, FramerSettings settings) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.framer = new NmeaFramer(new Frames(), Objects.requireNonNull(settings, "settings"));
    }

    /** Feeds one line (without its line end); {@code wallClockMillis} is when it was read. */
    public void accept(CharSequence line, long wallClockMillis) {
        framer.accept(Objects.requireNonNull(line, "line"), wallClockMillis);
    }

    /** Expires fragment groups that waited too long; call now and then on a live feed. */
    public void expire(long nowMillis) {
        framer.expire(nowMillis);
    }

    /** At end of input: rejects whatever fragments are still waiting. */
    public void flush() {
        framer.flush();
    }

    /** See {@link NmeaFramer#isAtBoundary()}. */
    public boolean isAtBoundary() {
        return framer.isAtBoundary();
    }

    public AisDecoderStats stats() {
        return new AisDecoderStats(messagesByType, AisDecoderStats.copy(rejectedByReason), framer.stats());
    }

    private void rejected(RejectReason reason, String detail, String raw) {
        rejectedByReason[reason.ordinal()]++;
        listener.onRejected(reason, detail, raw);
    }

    /** The framer's listener: decodes each complete payload in place. */
    private final class Frames implements FrameListener {

        @Override
        public void onPayload(AisPayload payload) {
            AisMessage message;
            try {
                message = decoder.decode(payload.armored(), payload.start(), payload.end(), payload.fillBits());
            } catch (AisPayloadException e) {
                rejected(e.reason(), e.detail(), payload.raw());
                return;
            }
            messagesByType[message.type()]++;
            listener.onMessage(message, payload);
        }

        @Override
        public void onRejected(RejectReason reason, String detail, String raw) {
            rejected(reason, detail, raw);
        }
    }
}
