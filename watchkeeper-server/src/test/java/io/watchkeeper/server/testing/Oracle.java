package io.watchkeeper.server.testing;

import io.watchkeeper.core.testing.OriginalBoatModel;
import io.watchkeeper.server.sim.StationSimulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the original semantics say a seeded station stream must produce, per boat, in order. */
public final class Oracle {

    private Oracle() {
    }

    /** Expected transitions per boat key ({@code station/boat}) for {@code count} reports of the seeded station. */
    public static Map<String, List<OriginalBoatModel.Expected>> expected(List<String> stations, List<Long> seeds,
                                                                        int boats, double rate, int count) {
        OriginalBoatModel model = new OriginalBoatModel();
        for (int s = 0; s < stations.size(); s++) {
            StationSimulator sim = new StationSimulator(stations.get(s), boats, rate, seeds.get(s));
            for (int i = 0; i < count; i++) {
                StationSimulator.Report r = sim.next();
                model.report(stations.get(s) + "/" + r.boatId(), r.x(), r.y());
            }
        }
        return byBoat(model.expected());
    }

    public static Map<String, List<OriginalBoatModel.Expected>> byBoat(List<OriginalBoatModel.Expected> all) {
        Map<String, List<OriginalBoatModel.Expected>> out = new LinkedHashMap<>();
        for (OriginalBoatModel.Expected e : all) {
            out.computeIfAbsent(e.boatKey(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    /** The received events per boat key, in the same shape as {@link #expected}. */
    public static Map<String, List<OriginalBoatModel.Expected>> actual(List<EventCollector.Received> events) {
        List<OriginalBoatModel.Expected> all = new ArrayList<>();
        for (EventCollector.Received r : events) {
            all.add(new OriginalBoatModel.Expected(r.boatKey(), r.state(), r.json().at("/body/position/x").asDouble(),
                    r.json().at("/body/position/y").asDouble()));
        }
        return byBoat(all);
    }

    public static int total(Map<String, List<OriginalBoatModel.Expected>> byBoat) {
        return byBoat.values().stream().mapToInt(List::size).sum();
    }
}
