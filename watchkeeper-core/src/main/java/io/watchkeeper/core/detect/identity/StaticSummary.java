package io.watchkeeper.core.detect.identity;

import io.watchkeeper.core.detect.identity.InvalidIdentityDetector.Identity;
import io.watchkeeper.core.detect.identity.InvalidIdentityDetector.Reason;
import io.watchkeeper.core.detect.identity.InvalidIdentityDetector.Settings;
import io.watchkeeper.core.vessel.VesselInfo;

/**
 * How new static data changes an {@link Identity}: its IMO number checked, its length and ship type
 * compared with the last ones. A value that is unknown (-1) is no change: reports come in pieces.
 */
final class StaticSummary {

    private StaticSummary() {
    }

    static Identity next(Settings settings, Identity d, VesselInfo info, long nowMillis) {
        int flags = d.flags();
        ImoNumber.Verdict imo = ImoNumber.check(info.imo());
        if (imo == ImoNumber.Verdict.BAD_CHECK_DIGIT || imo == ImoNumber.Verdict.UNUSED_RANGE) {
            flags = pending(flags, Reason.IMO_INVALID);
        }
        int length = Math.min(info.lengthMetres(), Short.MAX_VALUE);
        int kind = InvalidIdentityDetector.kindOf(info.shipType());
        boolean lengthChanged = length >= 0 && d.length() >= 0 && length != d.length();
        boolean kindChanged = kind >= 0 && d.kind() >= 0 && kind != d.kind();
        long since = d.sinceMillis();
        int lengthChanges = d.lengthChanges();
        int kindChanges = d.kindChanges();
        if ((lengthChanged || kindChanged) && (since == Long.MIN_VALUE
                || nowMillis - since > settings.window().toMillis())) {
            since = nowMillis; // a new window starts at this change
            lengthChanges = 0;
            kindChanges = 0;
        }
        if (lengthChanged) {
            lengthChanges = Math.min(lengthChanges + 1, Byte.MAX_VALUE);
            if (length == d.prevLength() || lengthChanges >= settings.maxChanges()) {
                flags = pending(flags, Reason.LENGTH_CHANGES);
            }
        }
        if (kindChanged) {
            kindChanges = Math.min(kindChanges + 1, Byte.MAX_VALUE);
            if (kind == d.prevKind() || kindChanges >= settings.maxChanges()) {
                flags = pending(flags, Reason.SHIP_TYPE_CHANGES);
            }
        }
        return new Identity(flags, info.updatedAt().toEpochMilli(),
                (short) (length >= 0 ? length : d.length()), (short) (lengthChanged ? d.length() : d.prevLength()),
                (short) (kind >= 0 ? kind : d.kind()), (short) (kindChanged ? d.kind() : d.prevKind()),
                (byte) lengthChanges, (byte) kindChanges, since);
    }

    /** {@code flags} with {@code r} waiting to be reported, unless it was reported already. */
    private static int pending(int flags, Reason r) {
        return (flags & r.bit()) != 0 ? flags : flags | (r.bit() << 8);
    }
}
