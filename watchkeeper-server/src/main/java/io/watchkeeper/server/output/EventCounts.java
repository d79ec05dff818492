package io.watchkeeper.server.output;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Counts events per type and per vessel, for the summary table of {@code replay}. One thread. */
public final class EventCounts implements EventSink {

    private final Map<String, Long> byType = new TreeMap<>();
    private final Map<String, Map<String, Long>> byVessel = new HashMap<>();
    private long total;

    @Override
    public void accept(Event e) {
        total++;
        byType.merge(e.type(), 1L, Long::sum);
        byVessel.computeIfAbsent(e.vessel().key(), k -> new TreeMap<>()).merge(e.type(), 1L, Long::sum);
    }

    public long total() {
        return total;
    }

    public Map<String, Long> byType() {
        return Map.copyOf(byType);
    }

    /** Events of {@code type} for {@code vessel}. */
    public long count(String vessel, String type) {
        return byVessel.getOrDefault(vessel, Map.of()).getOrDefault(type, 0L);
    }

    /**
     * Two tables: events per type, then per vessel (most events first, at most {@code maxVessels}
     * rows, ties by id so the table is the same on every run).
     */
    public String table(int maxVessels) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-20s %10s%n", "event type", "count"));
        byType.forEach((type, n) -> b.append(String.format(Locale.ROOT, "%-20s %10d%n", type, n)));
        b.append(String.format(Locale.ROOT, "%-20s %10d%n", "total", total));
        if (byVessel.isEmpty()) {
            return b.toString();
        }
        List<String> types = new ArrayList<>(byType.keySet());
        List<Map.Entry<String, Map<String, Long>>> rows = new ArrayList<>(byVessel.entrySet());
        rows.sort(Comparator.<Map.Entry<String, Map<String, Long>>>comparingLong(e -> -sum(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        b.append(System.lineSeparator()).append(String.format(Locale.ROOT, "%-12s", "vessel"));
        types.forEach(t -> b.append(String.format(Locale.ROOT, " %" + Math.max(6, t.length()) + "s", t)));
        b.append(System.lineSeparator());
        for (int i = 0; i < Math.min(maxVessels, rows.size()); i++) {
            Map.Entry<String, Map<String, Long>> row = rows.get(i);
            b.append(String.format(Locale.ROOT, "%-12s", row.getKey()));
            for (String t : types) {
                b.append(String.format(Locale.ROOT, " %" + Math.max(6, t.length()) + "d", row.getValue().getOrDefault(t, 0L)));
            }
            b.append(System.lineSeparator());
        }
        if (rows.size() > maxVessels) {
            b.append("... and ").append(rows.size() - maxVessels).append(" more vessels (--vessels N shows more)")
                    .append(System.lineSeparator());
        }
        return b.toString();
    }

    private static long sum(Map<String, Long> m) {
        long s = 0;
        for (long v : m.values()) {
            s += v;
        }
        return s;
    }
}
