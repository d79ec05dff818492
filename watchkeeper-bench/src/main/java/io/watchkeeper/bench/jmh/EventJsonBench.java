package io.watchkeeper.bench.jmh;

import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.detect.boat.BoatTrack;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventIds;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.mqtt.wire.EventJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events encoded per second in the original envelope ({@link EventJson#encode(Event)}), and, for
 * comparison, deterministic event ids computed per second ({@link EventIds#of}, a name-based UUID,
 * which the detector pays for every event).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EventJsonBench {

    private static final int COUNT = 1024;

    private final EventJson json = new EventJson();
    private Event[] events;
    private int cursor;

    @Setup
    public void setUp() {
        int[] vesselOf = new int[COUNT * 8];
        Fix[] fixes = BenchData.fixes(16, COUNT * 8, vesselOf);
        BoatDetector detector = new BoatDetector();
        DetectorContext ctx = new BenchData.FixedContext();
        Place<BoatTrack>[] states = newStates(16);
        java.util.Arrays.fill(states, detector.initial(null));
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < fixes.length && out.size() < COUNT; i++) {
            Step<Place<BoatTrack>> s = detector.step(states[vesselOf[i]], fixes[i], ctx);
            states[vesselOf[i]] = s.state();
            out.addAll(s.events());
        }
        if (out.size() < COUNT) {
            throw new IllegalStateException("only " + out.size() + " events");
        }
        events = out.toArray(new Event[0]);
    }

    @Benchmark
    public byte[] encode() {
        return json.encode(events[cursor++ & (COUNT - 1)]);
    }

    @Benchmark
    public String eventId() {
        Event e = events[cursor++ & (COUNT - 1)];
        return EventIds.of(e.machine(), e.type(), e.cause(), e.from(), e.to());
    }

    @SuppressWarnings("unchecked")
    private static Place<BoatTrack>[] newStates(int n) {
        return (Place<BoatTrack>[]) new Place<?>[n];
    }
}
