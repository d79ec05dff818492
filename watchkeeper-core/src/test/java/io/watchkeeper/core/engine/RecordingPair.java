package io.watchkeeper.core.engine;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.pair.PairDetector;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pair detector that only records the fixes it is shown ({@code vessel@epochSeconds}) and the times it is
 * advanced to; it cannot be checkpointed (the interface's default). Read from a test thread while the
 * engine's pair thread writes, hence the concurrent lists.
 */
final class RecordingPair implements PairDetector {

    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<Long> advances = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "recorder";
    }

    @Override
    public void accept(Fix fix, DetectorContext ctx, EventSink out) {
        seen.add(fix.vessel().key() + "@" + fix.time().getEpochSecond());
    }

    @Override
    public void advanceTo(long nowMillis, DetectorContext ctx, EventSink out) {
        advances.add(nowMillis);
    }

    @Override
    public int trackedVessels() {
        return 0;
    }

    @Override
    public int trackedPairs() {
        return 0;
    }
}
