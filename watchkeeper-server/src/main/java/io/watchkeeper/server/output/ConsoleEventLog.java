package io.watchkeeper.server.output;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The demo's readable live log: one line per event, for people rather than programs.
 * <pre>{@code 18:00:01.500  PORT1  boat 3      moving  -> resting   (x=0.125, y=-2.000)}</pre>
 * Thread-safe: {@link PrintStream#println} is synchronized, and each event is one call.
 */
public final class ConsoleEventLog implements EventSink {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final PrintStream out;

    public ConsoleEventLog(PrintStream out) {
        this.out = out;
    }

    @Override
    public void accept(Event e) {
        out.println(format(e));
    }

    public static String format(Event e) {
        Fix f = e.cause();
        String where = f.isPlanar()
                ? String.format(Locale.ROOT, "(x=%.3f, y=%.3f)", f.x(), f.y())
                : f.isGeo() ? String.format(Locale.ROOT, "(%.5f, %.5f)", f.lat(), f.lon()) : "";
        if (Event.STATE_TRANSITION.equals(e.type())) {
            return String.format(Locale.ROOT, "%s  %-8s %-6s %-8s %-8s -> %-8s %s", TIME.format(e.time()), e.site(),
                    e.machine(), e.vessel().id(), e.from(), e.to(), where).stripTrailing();
        }
        return String.format(Locale.ROOT, "%s  %-8s %-16s %-10s %s %s", TIME.format(e.time()), e.site(), e.type(),
                e.vessel().id(), where, e.details().isEmpty() ? "" : new TreeMap<>(e.details())).stripTrailing();
    }
}
