package io.watchkeeper.mqtt.wire;

import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.fix.Fix;

/**
 * The result of decoding untrusted input: a fix, or a reason to refuse it. Never an exception.
 */
public sealed interface Decoded permits Decoded.Accepted, Decoded.Rejected {

    record Accepted(Fix fix) implements Decoded {
    }

    record Rejected(RejectReason reason, String detail) implements Decoded {
    }
}
