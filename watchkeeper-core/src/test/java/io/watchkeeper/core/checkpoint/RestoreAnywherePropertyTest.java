package io.watchkeeper.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.checkpoint.DetectorCases.Case;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.testing.RealTracks;
import io.watchkeeper.core.testing.RealTracks.Data;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Determinism across a restart (STYLE.md §8): for any detector, any fix of a real recording to cut
 * after and any sweep cadence, a restore into a fresh detector continues with exactly the events of
 * the uninterrupted run.
 */
class RestoreAnywherePropertyTest {

    private static final List<Data> DATA = List.of(RealTracks.solent(), RealTracks.boston());

    @Property(tries = 60)
    void aRestoreAtAnyFixContinuesWithTheUninterruptedEvents(
            @ForAll @IntRange(min = 0, max = 1_000) int detectorSeed,
            @ForAll @IntRange(min = 0, max = 1) int recording,
            @ForAll @IntRange(min = 0, max = 1_000_000) int cutSeed,
            @ForAll @IntRange(min = 1, max = 500) int sweepEvery) {
        // every case, however many there are (a fixed range once left the newest cases out)
        Case c = DetectorCases.all().get(detectorSeed % DetectorCases.all().size());
        Data data = DATA.get(recording);
        List<Fix> fixes = data.fixes();
        int cut = cutSeed % fixes.size();

        VesselRun<?> whole = new VesselRun<>(c.make().get(), data.zones());
        int eventsAtCut = 0;
        for (int i = 0; i < fixes.size(); i++) {
            feed(whole, fixes, i, sweepEvery);
            if (i == cut) {
                eventsAtCut = whole.events().size();
            }
        }

        VesselRun<?> before = new VesselRun<>(c.make().get(), data.zones());
        for (int i = 0; i <= cut; i++) {
            feed(before, fixes, i, sweepEvery);
        }
        VesselRun<?> after = VesselRun.restore(c.make().get(), data.zones(), before.checkpoint());
        for (int i = cut + 1; i < fixes.size(); i++) {
            feed(after, fixes, i, sweepEvery);
        }

        List<Event> expected = whole.events().subList(eventsAtCut, whole.events().size());
        assertThat(after.events()).as("%s on %s after fix %d", c.name(), data.name(), cut)
                .containsExactlyElementsOf(expected);
    }

    private static void feed(VesselRun<?> run, List<Fix> fixes, int i, int sweepEvery) {
        run.fix(fixes.get(i));
        if (i % sweepEvery == sweepEvery - 1) {
            run.sweep(fixes.get(i).time());
        }
    }
}
