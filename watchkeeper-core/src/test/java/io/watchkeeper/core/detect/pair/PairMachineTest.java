package io.watchkeeper.core.detect.pair;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.fix.VesselId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The pair lifecycles as declared machines: their states are the events' {@code body.from} and
 * {@code body.to} (docs/detectors.md names them), and their data come back from a checkpoint as they went in.
 */
class PairMachineTest {

    @Test
    void theEncounterLifecycleIsCloseToEncounterToApartOrSilent() {
        assertThat(new EncounterDetector().machine().toMermaid()).isEqualTo("""
                stateDiagram-v2
                    [*] --> close
                    close --> dropped : fix [silent]
                    close --> dropped : fix [beyond distance]
                    close --> encounter : fix [long and slow enough]
                    encounter --> silent : fix [silent]
                    encounter --> apart : fix [beyond exit distance]
                """);
    }

    @Test
    void theTugAssistLifecycleIsCloseToAssistingToApartConditionsOrSilent() {
        assertThat(new TugAssistDetector().machine().toMermaid()).isEqualTo("""
                stateDiagram-v2
                    [*] --> close
                    close --> dropped : fix [silent]
                    close --> dropped : fix [beyond distance]
                    close --> assisting : fix [held long enough]
                    assisting --> silent : fix [silent]
                    assisting --> apart : fix [beyond exit distance]
                    assisting --> conditions : fix [grace over]
                """);
    }

    @Test
    void theCpaLifecycleIsWatchToWarningToClearOrSilent() {
        assertThat(new CpaDetector().machine().toMermaid()).isEqualTo("""
                stateDiagram-v2
                    [*] --> watch
                    watch --> dropped : fix [silent]
                    watch --> dropped : fix [no risk]
                    watch --> warning : fix [risk confirmed]
                    warning --> silent : fix [silent]
                    warning --> clear : fix [risk over]
                """);
    }

    @Test
    void pairDataComeBackFromTheirCodecs() throws IOException {
        Together together = Together.startingAt(1_452_603_731_000L).seenAt(1_452_603_741_000L, 321.4, 0.3, 0.25)
                .seenAt(1_452_603_751_000L, 300.0, 1.9, 0.25).seenAt(1_452_603_761_000L, 280.0, 40.0, 0.25);
        Together back = roundTrip(together, Together.CODEC);
        assertThat(back).usingRecursiveComparison().isEqualTo(together);
        assertThat(back.samples()).isEqualTo(3);
        assertThat(back.medianKnots(0.25)).isEqualTo(together.medianKnots(0.25));

        Tugging tugging = Tugging.starting(false).heldAt(1_452_603_731_000L, 150.5).failedAt(180.0, false);
        assertThat(roundTrip(tugging, Tugging.CODEC)).isEqualTo(tugging);

        Closing closing = new Closing(0, 1_452_603_731_000L, false, true).confirmed().confirmed();
        assertThat(roundTrip(closing, Closing.CODEC)).isEqualTo(closing);
    }

    private static <T> T roundTrip(T value, io.watchkeeper.core.checkpoint.StateCodec<T> codec) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateOut out = new StateOut(bytes);
        codec.write(value, out);
        out.flush();
        ByteArrayInputStream in = new ByteArrayInputStream(bytes.toByteArray());
        T back = codec.read(new StateIn(in, id -> null), VesselId.of("235070762"));
        assertThat(in.available()).as("bytes left unread").isZero();
        return back;
    }
}
