package io.watchkeeper.core.testing;

import java.util.ArrayList;
import java.util.List;

/** Where checkpoint tests cut a run: just before its transitions, where a lost or repeated effect shows. */
public final class TransitionCuts {

    private TransitionCuts() {
    }

    /**
     * The fix before each of up to {@code max} transitions, spread over the run.
     *
     * @param eventsAfter how many events the run had emitted after each fix
     */
    public static List<Integer> before(int[] eventsAfter, int max) {
        List<Integer> before = new ArrayList<>();
        for (int i = 1; i < eventsAfter.length; i++) {
            if (eventsAfter[i] > eventsAfter[i - 1]) {
                before.add(i - 1);
            }
        }
        List<Integer> cuts = new ArrayList<>();
        int step = Math.max(1, before.size() / max);
        for (int k = 0; k < before.size() && cuts.size() < max; k += step) {
            cuts.add(before.get(k));
        }
        return cuts;
    }
}
