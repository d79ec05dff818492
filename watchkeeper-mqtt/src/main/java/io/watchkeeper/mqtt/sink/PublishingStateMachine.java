package io.watchkeeper.mqtt.sink;

import io.watchkeeper.core.Evolving;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fsm.MachineInstance;
import io.watchkeeper.core.fsm.Outcome;
import io.watchkeeper.core.fsm.StateMachine;
import io.watchkeeper.core.fsm.Transition;
import io.watchkeeper.mqtt.client.Publisher;
import io.watchkeeper.mqtt.wire.EventJson;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A state machine with a publisher attached: every change of state is published in the original
 * envelope on {@code EVENT/<site>/STATETRANSITION/<vessel>}, as the original system's
 * {@code PublisherSM._after_transition} did.
 *
 * <p>The definition stays shared and immutable; this wrapper adds only the sink, the clock and how to
 * find the report (the {@link Fix}) that caused a transition in the machine's context. Like the
 * instances it fires, it is meant for one thread per vessel.
 *
 * <pre>{@code
 * var machine = PublishingStateMachine.attach(BoatDetector.MACHINE, publisher, report -> report.fix());
 * MachineInstance<BoatState, BoatTrigger, MyReport> boat = machine.newInstance(Instant.now());
 * machine.fire(boat, BoatTrigger.REPORT, myReport);   // publishes if the state changed
 * }</pre>
 */
@Evolving
public final class PublishingStateMachine<S extends Enum<S>, T extends Enum<T>, C> {

    private final StateMachine<S, T, C> definition;
    private final EventSink sink;
    private final Function<C, Fix> causeOf;
    private final Clock clock;

    private PublishingStateMachine(StateMachine<S, T, C> definition, EventSink sink, Function<C, Fix> causeOf,
                                   Clock clock) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.causeOf = Objects.requireNonNull(causeOf, "causeOf");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Publishes every transition of {@code definition} through {@code publisher} (QoS 1). */
    public static <S extends Enum<S>, T extends Enum<T>, C> PublishingStateMachine<S, T, C> attach(
            StateMachine<S, T, C> definition, Publisher publisher, Function<C, Fix> causeOf) {
        return attach(definition, new MqttEventSink(publisher, new EventJson()), causeOf, Clock.systemUTC());
    }

    /** Hands every transition of {@code definition} to any sink, with an explicit wall clock (for tests). */
    public static <S extends Enum<S>, T extends Enum<T>, C> PublishingStateMachine<S, T, C> attach(
            StateMachine<S, T, C> definition, EventSink sink, Function<C, Fix> causeOf, Clock clock) {
        return new PublishingStateMachine<>(definition, sink, causeOf, clock);
    }

    public StateMachine<S, T, C> definition() {
        return definition;
    }

    public MachineInstance<S, T, C> newInstance(java.time.Instant eventTime) {
        return definition.newInstance(eventTime);
    }

    /** Fires on the instance at the cause's event time; publishes when the state changed. */
    public Outcome<S, T> fire(MachineInstance<S, T, C> instance, T trigger, C ctx) {
        Fix cause = causeOf.apply(ctx);
        Outcome<S, T> outcome = instance.fire(trigger, ctx, cause.time());
        if (outcome.changed()) {
            Transition<S, T> t = outcome.transition().orElseThrow();
            sink.accept(Event.transition(Event.STATE_TRANSITION, definition.name(), wire(t.from()), wire(t.to()),
                    cause, clock.instant(), Map.of()));
        }
        return outcome;
    }

    private static String wire(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
