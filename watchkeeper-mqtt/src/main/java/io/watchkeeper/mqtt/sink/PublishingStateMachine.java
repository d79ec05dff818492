package io.watchkeeper.mqtt.sink;

import io.watchkeeper.core.Evolving;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.wire.EventJson;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A state machine with a publisher attached, without the engine: every event a step yields is published
 * in the original envelope on {@code EVENT/<site>/<type>/<vessel>}, as the original system's
 * {@code PublisherSM._after_transition} did. For a program that runs one machine itself; the engine does
 * this for every detector.
 *
 * <p>The definition stays shared and immutable; the caller keeps each vessel's state, as the engine
 * does, and calls {@link #step} from one thread per vessel.
 *
 * <pre>{@code
 * var boats = PublishingStateMachine.attach(new BoatDetector(), publisher);
 * Place<BoatTrack> boat = boats.initial(vessel);
 * boat = boats.step(boat, fix);   // publishes STATETRANSITION if the state changed
 * }</pre>
 *
 * @param <S> the machine's per-vessel state ({@code Place<...>} for a {@link io.watchkeeper.core.fsm.Machine})
 */
@Evolving
public final class PublishingStateMachine<S> {

    private final Detector<S> machine;
    private final EventSink sink;
    private final Clock clock;

    private PublishingStateMachine(Detector<S> machine, EventSink sink, Clock clock) {
        this.machine = Objects.requireNonNull(machine, "machine");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Publishes every event of {@code machine} through {@code publisher} (QoS 1). */
    public static <S> PublishingStateMachine<S> attach(Detector<S> machine, Publisher publisher) {
        return attach(machine, new MqttEventSink(publisher, new EventJson()), Clock.systemUTC());
    }

    /** Hands every event of {@code machine} to any sink, with an explicit wall clock (for tests). */
    public static <S> PublishingStateMachine<S> attach(Detector<S> machine, EventSink sink, Clock clock) {
        return new PublishingStateMachine<>(machine, sink, clock);
    }

    public Detector<S> machine() {
        return machine;
    }

    /** The state of a vessel not seen yet. */
    public S initial(VesselId vessel) {
        return machine.initial(vessel);
    }

    /** Steps the machine on {@code fix} and publishes what it yields; returns the vessel's next state. */
    public S step(S state, Fix fix) {
        Step<S> step = machine.step(state, fix, new At(fix.time(), clock.instant()));
        step.events().forEach(sink::accept);
        return step.state();
    }

    /** A fix's event time and the wall clock; no zones and no static data, which only the engine has. */
    private record At(Instant eventTime, Instant wallClock) implements DetectorContext {
    }
}
