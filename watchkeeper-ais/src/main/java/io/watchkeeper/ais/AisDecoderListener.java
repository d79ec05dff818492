package io.watchkeeper.ais;

import io.watchkeeper.ais.message.AisMessage;
import io.watchkeeper.ais.nmea.AisPayload;
import io.watchkeeper.core.deadletter.RejectReason;

/** Receives what an {@link AisDecoder} makes of its lines, on the decoder's (the caller's) thread. */
public interface AisDecoderListener {

    /** A decoded message; {@code payload} (receive time, source, channel, raw) is valid only during this call. */
    void onMessage(AisMessage message, AisPayload payload);

    /** A line or payload refused by the framer or the message decoder, with a bounded reason. */
    void onRejected(RejectReason reason, String detail, String raw);
}
