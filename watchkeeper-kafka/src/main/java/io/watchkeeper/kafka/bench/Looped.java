package io.watchkeeper.kafka.bench;

import io.watchkeeper.core.fix.Fix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording played on in time until it makes {@code n} positions: each pass is shifted by the
 * recording's span plus a second, so every vessel's time keeps moving forward (at the seam a ship
 * jumps back to where the recording first saw it, as in the demo's loop).
 */
final class Looped {

    private Looped() {
    }

    static List<Fix> fixes(List<Fix> base, int n) {
        if (base.isEmpty()) {
            throw new IllegalArgumentException("the recording has no positions");
        }
        Duration pass = Duration.between(base.get(0).time(), base.get(base.size() - 1).time()).plusSeconds(1);
        List<Fix> out = new ArrayList<>(n);
        for (int i = 0; out.size() < n; i++) {
            Fix f = base.get(i % base.size());
            Duration shift = pass.multipliedBy(i / base.size());
            out.add(shift.isZero() ? f : new Fix(f.vessel(), f.site(), f.time().plus(shift), f.x(), f.y(), f.lat(),
                    f.lon(), f.sogKnots(), f.cogDegrees(), f.headingDegrees(), f.navStatus(), f.positionJson()));
        }
        return out;
    }
}
