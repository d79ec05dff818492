package io.watchkeeper.core.fsm.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties over random trigger sequences on a machine that uses every kind of transition. */
class CanFirePropertyTest {

    enum S { IDLE, RUNNING, PAUSED, DONE }

    enum T { START, PAUSE, RESUME, FINISH, RESET, TICK }

    /** A value the guards look at, and a log every callback writes to. */
    record Ctx(int value, List<String> log) {}

    record Step(T trigger, int value) {}

    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    private static final StateMachine<S, T, Ctx> M = StateMachine.<S, T, Ctx>builder("prop", S.class, T.class)
            .initial(S.IDLE)
            .prepare((t, c) -> c.log().add("prepare"))
            .transition(T.START, S.IDLE, S.RUNNING).when("even", c -> c.value() % 2 == 0).add()
            .transition(T.START, S.IDLE, S.PAUSED).when("big", c -> c.value() > 50).add()
            .transition(T.PAUSE, S.RUNNING, S.PAUSED).unless("negative", c -> c.value() < 0).add()
            .transition(T.RESUME, S.PAUSED, S.RUNNING)
            .when("positive", c -> c.value() > 0).unless("multiple of 3", c -> c.value() % 3 == 0).add()
            .transition(T.RESUME, S.PAUSED, S.PAUSED).when("multiple of 3", c -> c.value() % 3 == 0).add()
            .transition(T.FINISH, EnumSet.of(S.RUNNING, S.PAUSED), S.DONE).when("over 10", c -> c.value() > 10).add()
            .transition(T.RESET, EnumSet.allOf(S.class), S.IDLE).when("zero", c -> c.value() == 0).add()
            .internal(T.TICK, S.RUNNING).after((t, c) -> c.log().add("tick")).add()
            .onEnter(S.RUNNING, (t, c) -> c.log().add("enter"))
            .onExit(S.RUNNING, (t, c) -> c.log().add("exit"))
            .afterAny((t, c) -> c.log().add("afterAny"))
            .finalizeWith((t, c) -> c.log().add("finalize"))
            .ignoreInvalidTriggers(true)
            .historySize(5)
            .build();

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.of(T.class), Arbitraries.integers().between(-5, 60))
                .as(Step::new).list().ofMaxSize(40);
    }

    @Property
    void canFireHasNoSideEffectsAndAgreesWithFire(@ForAll("steps") List<Step> steps) {
        MachineInstance<S, T, Ctx> vessel = M.newInstance(T0);
        int second = 0;
        for (Step step : steps) {
            Ctx ctx = new Ctx(step.value(), new ArrayList<>());
            S before = vessel.state();
            Instant enteredBefore = vessel.enteredAt();

            boolean can = M.canFire(before, step.trigger(), ctx);

            assertThat(ctx.log()).as("no callback ran").isEmpty();
            assertThat(vessel.state()).isEqualTo(before);
            assertThat(vessel.enteredAt()).isEqualTo(enteredBefore);
            Outcome<S, T> outcome = vessel.fire(step.trigger(), ctx, T0.plusSeconds(++second));
            assertThat(outcome.kind() == Outcome.Kind.FIRED).as("%s from %s", step, before).isEqualTo(can);
            assertThat(outcome.state()).isEqualTo(vessel.state());
        }
    }

    @Property
    void aRestoreMidwayChangesNothing(@ForAll("steps") List<Step> steps, @ForAll("cut") double cutFraction) {
        int cut = (int) (steps.size() * cutFraction);
        MachineInstance<S, T, Ctx> straight = M.newInstance(T0);
        MachineInstance<S, T, Ctx> interrupted = M.newInstance(T0);
        List<Outcome<S, T>> straightOutcomes = new ArrayList<>();
        List<Outcome<S, T>> interruptedOutcomes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (i == cut) {
                interrupted = M.restore(interrupted.snapshot());
            }
            Step step = steps.get(i);
            Instant at = T0.plusSeconds(i + 1);
            straightOutcomes.add(straight.fire(step.trigger(), new Ctx(step.value(), new ArrayList<>()), at));
            interruptedOutcomes.add(interrupted.fire(step.trigger(), new Ctx(step.value(), new ArrayList<>()), at));
        }
        assertThat(interruptedOutcomes).isEqualTo(straightOutcomes);
        assertThat(interrupted.snapshot()).isEqualTo(straight.snapshot());
    }

    @Provide
    Arbitrary<Double> cut() {
        return Arbitraries.doubles().between(0, 1);
    }
}
