package io.watchkeeper.core.fsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.checkpoint.StateCodec;
import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The library's contract: order of a step, timers of the three forms, publishing, codecs, definitions. */
class MachineTest {

    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
    private static final VesselId BOAT = VesselId.scoped("P", "1", true);

    private static final DetectorContext CTX = new DetectorContext() {
        @Override
        public Instant eventTime() {
            return T0;
        }

        @Override
        public Instant wallClock() {
            return T0.plusSeconds(3600);
        }
    };

    /** A light switched by the sign of x; it goes dark after 10 s in "on", and "off" counts its fixes. */
    private static final Machine<Integer, Double> LIGHT = Machine.<Integer, Double>named("light")
            .states("off", "on", "dark").initial("off", 0)
            .read((at, fix, ctx) -> Double.isNaN(fix.x()) ? null : fix.x())
            .update((count, x) -> count + 1)
            .codec(new StateCodec<>() {
                @Override
                public void write(Integer n, StateOut out) throws IOException {
                    out.writeVarInt(n);
                }

                @Override
                public Integer read(StateIn in, VesselId vessel) throws IOException {
                    return in.readVarInt();
                }
            })
            .on("off", "on").when("positive", x -> x > 0).then((n, x) -> 0)
            .publish("ON", (before, cause, x) -> Map.of("fixesWhileOff", before.data() + 1))
            .on("on", "off").unless("positive", x -> x > 0).publish("OFF")
            .on("on", "dark").after(Timer.inState(Duration.ofSeconds(10))).publish("DARK")
            .on("dark", "off").after(Timer.silentFor(Duration.ofSeconds(60)))
            .build();

    private static Fix fix(int second, double x) {
        return Fix.planar(BOAT, "P", T0.plusSeconds(second), x, 0, null);
    }

    private static List<Event> run(Machine<Integer, Double> m, List<Fix> fixes, List<Place<Integer>> places) {
        Place<Integer> at = m.initial(BOAT);
        List<Event> events = new ArrayList<>();
        for (Fix f : fixes) {
            Step<Place<Integer>> s = m.step(at, f, CTX);
            events.addAll(s.events());
            at = s.state();
            places.add(at);
        }
        return events;
    }

    @Test
    void aFixTakesTheFirstTransitionWhoseGuardsPassAndPublishesFromThePlaceBeforeIt() {
        List<Place<Integer>> places = new ArrayList<>();
        List<Event> events = run(LIGHT, List.of(fix(0, -1), fix(1, -2), fix(2, 5), fix(3, -1)), places);

        assertThat(events).extracting(Event::type, Event::from, Event::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ON", "off", "on"),
                        org.assertj.core.groups.Tuple.tuple("OFF", "on", "off"));
        assertThat(events.get(0).details()).containsEntry("fixesWhileOff", 3);
        assertThat(events.get(0).time()).isEqualTo(T0.plusSeconds(2));
        assertThat(places.get(2).data()).as("then() ran after update()").isZero();
        assertThat(places.get(2).enteredAtMillis()).isEqualTo(T0.plusSeconds(2).toEpochMilli());
        assertThat(LIGHT.stateName(places.get(3).state())).isEqualTo("off");
    }

    @Test
    void aNullReadingIgnoresTheFixAndAllocatesNothing() {
        Place<Integer> at = LIGHT.step(LIGHT.initial(BOAT), fix(0, -1), CTX).state();
        Step<Place<Integer>> s = LIGHT.step(at, Fix.planar(BOAT, "P", T0.plusSeconds(1), Double.NaN, 0, null), CTX);
        assertThat(s.state()).isSameAs(at);
        assertThat(s.events()).isEmpty();
    }

    @Test
    void timersFireAtTheirDueTimeBeforeALaterFixAndOnTheSweep() {
        List<Place<Integer>> places = new ArrayList<>();
        // on at 2 s; dark due at 12 s; a fix at 30 s comes after it, so DARK fires first at 12 s
        List<Event> events = run(LIGHT, List.of(fix(2, 5), fix(30, 5)), places);
        assertThat(events).extracting(Event::type).containsExactly("ON", "DARK");
        assertThat(events.get(1).time()).isEqualTo(T0.plusSeconds(12));
        assertThat(events.get(1).cause().time()).as("the cause of a timer event is the latest fix")
                .isEqualTo(T0.plusSeconds(2));
        Place<Integer> dark = places.get(1);
        assertThat(LIGHT.stateName(dark.state())).isEqualTo("dark");
        assertThat(LIGHT.wakeAtMillis(dark)).as("silence counted from the latest fix, at 30 s")
                .isEqualTo(T0.plusSeconds(90).toEpochMilli());

        Step<Place<Integer>> early = LIGHT.onTime(dark, BOAT, T0.plusSeconds(89).toEpochMilli(), CTX);
        assertThat(early.state()).isSameAs(dark);
        Step<Place<Integer>> swept = LIGHT.onTime(dark, BOAT, T0.plusSeconds(500).toEpochMilli(), CTX);
        assertThat(LIGHT.stateName(swept.state().state())).isEqualTo("off");
        assertThat(swept.state().enteredAtMillis()).isEqualTo(T0.plusSeconds(90).toEpochMilli());
        assertThat(LIGHT.wakeAtMillis(swept.state())).isEqualTo(Detector.NO_TIMER);
    }

    @Test
    void theCodecRoundTripsAPlaceAndItsDueTime() throws IOException {
        List<Place<Integer>> places = new ArrayList<>();
        run(LIGHT, List.of(fix(0, -1), fix(2, 5), fix(30, 5)), places);
        for (Place<Integer> p : places) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StateCodec<Place<Integer>> codec = Detector.codecOf(LIGHT);
            codec.write(p, new StateOut(bytes));
            Place<Integer> back = codec.read(new StateIn(new ByteArrayInputStream(bytes.toByteArray()), id -> null), BOAT);
            assertThat(back).isEqualTo(p);
        }
    }

    @Test
    void aCheckpointOfAnotherDefinitionIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new StateOut(bytes).writeVarInt(7);
        assertThatThrownBy(() -> Detector.codecOf(LIGHT).read(
                new StateIn(new ByteArrayInputStream(bytes.toByteArray()), id -> null), BOAT))
                .isInstanceOf(IOException.class).hasMessageContaining("state 7 of machine light");
    }

    @Test
    void theDefinitionListsAndDrawsItsTransitions() {
        assertThat(LIGHT.states()).containsExactly("off", "on", "dark");
        assertThat(LIGHT.transitions()).hasSize(4);
        assertThat(LIGHT.toMermaid()).isEqualTo("""
                stateDiagram-v2
                    [*] --> off
                    off --> on : fix [positive]
                    on --> off : fix [!positive]
                    on --> dark : timer
                    dark --> off : timer
                """);
    }

    @Test
    void aTimerThatDoesNotMoveForwardIsRefusedInsteadOfFiringWithoutEnd() {
        Machine<Integer, Double> stuck = Machine.<Integer, Double>named("stuck").states("quiet").initial("quiet", 0)
                .read((at, fix, ctx) -> fix.x())
                .internal("quiet").after(Timer.silentFor(Duration.ofSeconds(5))).publish("SILENT")
                .build();
        Place<Integer> at = stuck.step(stuck.initial(BOAT), fix(0, 1), CTX).state();
        assertThatThrownBy(() -> stuck.onTime(at, BOAT, T0.plusSeconds(60).toEpochMilli(), CTX))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("machine stuck: the timer of state quiet is due again");
    }

    enum Door { OPEN, SHUT }

    @Test
    void enumStatesAreTheirLowerCaseNamesAndOrdinals() {
        Machine<Boolean, Boolean> door = Machine.<Boolean, Boolean>named("door").states(Door.class)
                .initial(Door.SHUT, false).read((at, fix, ctx) -> fix.x() > 0)
                .on(Door.SHUT, Door.OPEN).when(b -> b).publish("OPENED")
                .build();
        assertThat(door.states()).containsExactly("open", "shut");
        assertThat(door.initial(BOAT).state()).isEqualTo(Door.SHUT.ordinal());
        assertThat(door.codec()).as("no data codec, no checkpoint").isNull();
    }

    @Test
    void mistakesInADefinitionAreNamed() {
        assertThatThrownBy(() -> Machine.<Integer, Double>named("m").states("a", "b").on("a", "c"))
                .hasMessageContaining("machine m has no state 'c'");
        assertThatThrownBy(() -> Machine.<Integer, Double>named("m").states("a").initial("a", 0).build())
                .hasMessageContaining("needs read");
        assertThatThrownBy(() -> Machine.<Integer, Double>named("m").states("a", "b").initial("a", 0)
                .read((at, f, c) -> 1.0).on("a", "b").when(x -> true).after(Timer.inState(Duration.ofSeconds(1)))
                .build()).hasMessageContaining("timed transition");
        assertThatThrownBy(() -> Machine.<Integer, Double>named("m").states("a", "a"))
                .hasMessageContaining("unique");
    }
}
