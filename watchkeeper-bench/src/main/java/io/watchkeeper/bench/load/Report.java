package io.watchkeeper.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jetbrains.annotations.Nullable;

/** Renders results: a side-by-side table (one column per broker) or one JSON object per broker. */
final class Report {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Report() {
    }

    /**
     * The JSON object of one broker, with exactly the field names plus {@code target}:
     * {@code sent, expectedEvents, receivedEvents, lostEvents, duplicateEvents, inputRate, p50Ms, p99Ms,
     * maxMs}; {@code throughput} (positions per second end to end, the table's "e2e: throughput") and
     * {@code cpuMicrosPerPosition} (CPU of this JVM plus a broker process, per position sent), so the
     * ratio to {@code rawPassThroughRate}, present when the raw pass-through was measured, reads from one
     * object. Rates are per second, times in milliseconds; a value that could not be measured is
     * {@code null}.
     */
    static String json(E2eCommand.TargetResult r) {
        RunResult e = r.e2e();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("target", r.target());
        o.put("sent", e.sent());
        o.put("expectedEvents", e.expected());
        o.put("receivedEvents", e.received());
        o.put("lostEvents", e.lost());
        o.put("duplicateEvents", e.duplicates());
        o.put("inputRate", round(e.inputRate(), 1));
        o.put("p50Ms", round(e.latency().p50Ms(), 3));
        o.put("p99Ms", round(e.latency().p99Ms(), 3));
        o.put("maxMs", round(e.latency().maxMs(), 3));
        o.put("throughput", round(e.throughput(), 1));
        o.put("cpuMicrosPerPosition", round(e.cpuMicrosPerPosition(), 2));
        if (r.raw() != null) {
            o.put("rawPassThroughRate", round(r.raw().throughput(), 1));
        }
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The side-by-side table. */
    static String table(List<E2eCommand.TargetResult> results, String heading) {
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[results.size() + 1];
        header[0] = "";
        for (int i = 0; i < results.size(); i++) {
            header[i + 1] = results.get(i).target();
        }
        rows.add(header);
        boolean anyRaw = results.stream().anyMatch(r -> r.raw() != null);
        if (anyRaw) {
            row(rows, results, "raw: pass-through (msg/s)", r -> r.raw() == null ? "-" : rate(r.raw().throughput()));
            row(rows, results, "raw: input rate (msg/s)", r -> r.raw() == null ? "-" : rate(r.raw().inputRate()));
            row(rows, results, "raw: received / lost / dup", r -> r.raw() == null ? "-"
                    : count(r.raw().received()) + " / " + count(r.raw().lost()) + " / " + count(r.raw().duplicates()));
            row(rows, results, "raw: DATA->DATA p50/p99/max ms", r -> r.raw() == null ? "-" : latency(r.raw().latency()));
        }
        row(rows, results, "e2e: sent", r -> count(r.e2e().sent()));
        row(rows, results, "e2e: input rate (msg/s)", r -> rate(r.e2e().inputRate()));
        row(rows, results, "e2e: throughput (positions/s)", r -> rate(r.e2e().throughput()));
        if (anyRaw) {
            row(rows, results, "e2e throughput / raw", r -> r.raw() == null ? "-"
                    : r.raw().lost() > 0 || r.e2e().lost() > 0 ? "n/a (loss)"
                    : String.format(Locale.ROOT, "%.0f %%", 100 * r.e2e().throughput() / r.raw().throughput()));
        }
        row(rows, results, "expected events", r -> count(r.e2e().expected()));
        row(rows, results, "received events", r -> count(r.e2e().received()));
        row(rows, results, "lost events", r -> count(r.e2e().lost()));
        row(rows, results, "duplicate events", r -> count(r.e2e().duplicates()));
        row(rows, results, "unexpected events", r -> count(r.e2e().unexpected()));
        row(rows, results, "DATA->EVENT p50 (ms)", r -> ms(r.e2e().latency().p50Ms()));
        row(rows, results, "DATA->EVENT p99 (ms)", r -> ms(r.e2e().latency().p99Ms()));
        row(rows, results, "DATA->EVENT max (ms)", r -> ms(r.e2e().latency().maxMs()));
        row(rows, results, "publish / complete (s)", r -> String.format(Locale.ROOT, "%.2f / %.2f",
                r.e2e().publishSeconds(), r.e2e().completeSeconds()));
        row(rows, results, "e2e CPU s: JVM / broker process", r -> cpu(r.e2e()));
        row(rows, results, "e2e CPU busy (all cores)", r -> percent(r.e2e().cpuShare()));
        if (anyRaw) {
            row(rows, results, "raw CPU s: JVM / broker process", r -> r.raw() == null ? "-" : cpu(r.raw()));
            row(rows, results, "raw CPU busy (all cores)", r -> r.raw() == null ? "-" : percent(r.raw().cpuShare()));
        }
        row(rows, results, "failed publishes / reconnects", r -> count(r.e2e().failedPublishes()) + " / "
                + count(r.e2e().reconnects()));
        row(rows, results, "broker-dropped (e2e run)", r -> r.e2e().brokerDropped() < 0 ? "n/a"
                : count(r.e2e().brokerDropped()));

        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(heading).append('\n');
        for (String[] row : rows) {
            out.append(String.format("%-" + widths[0] + "s", row[0]));
            for (int i = 1; i < row.length; i++) {
                out.append("  ").append(String.format("%" + widths[i] + "s", row[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** One line for the progress log. */
    static String summary(RunResult r) {
        return String.format(Locale.ROOT,
                "sent %,d (failed %,d) in %.2f s = %s/s; %s %,d of %,d (lost %,d, dup %,d, unexpected %,d, foreign %,d) by %.2f s = %s/s; "
                        + "latency p50/p99/max %s ms; CPU s JVM/broker %s (%s of all cores)%s%s%s",
                r.sent(), r.failedPublishes(), r.publishSeconds(), rate(r.inputRate()),
                r.mode() == LoadRun.Mode.RAW ? "received" : "events", r.received(), r.expected(), r.lost(),
                r.duplicates(), r.unexpected(), r.foreign(), r.completeSeconds(), rate(r.throughput()), latency(r.latency()), cpu(r),
                percent(r.cpuShare()),
                r.reconnects() > 0 ? "; RECONNECTS " + r.reconnects() : "",
                r.overflow() > 0 ? "; OVERFLOW (not analysed) " + r.overflow() : "",
                r.brokerDropped() > 0 ? "; BROKER DROPPED " + r.brokerDropped() : "");
    }

    private static void row(List<String[]> rows, List<E2eCommand.TargetResult> results, String name,
                            Function<E2eCommand.TargetResult, String> cell) {
        String[] row = new String[results.size() + 1];
        row[0] = name;
        for (int i = 0; i < results.size(); i++) {
            row[i + 1] = cell.apply(results.get(i));
        }
        rows.add(row);
    }

    private static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "n/a" : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String cpu(RunResult r) {
        return String.format(Locale.ROOT, "%.2f / %s", r.jvmCpuSeconds(),
                Double.isNaN(r.brokerCpuSeconds()) ? "-" : String.format(Locale.ROOT, "%.2f", r.brokerCpuSeconds()));
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    private static String latency(LatencyStats s) {
        return ms(s.p50Ms()) + "/" + ms(s.p99Ms()) + "/" + ms(s.maxMs());
    }

    private static @Nullable Double round(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
