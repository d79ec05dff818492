package io.watchkeeper.server.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.core.engine.Engine;
import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.core.engine.EngineSnapshot;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    private static final DetectionSetup SETUP = DetectionSetup.of(List.of(new BoatDetector()));

    private static EngineSnapshot snapshot(int vessels) throws Exception {
        try (Engine engine = Engine.start(new EngineConfig(2, 64), SETUP, e -> { }, d -> { }, Clock.systemUTC())) {
            for (int i = 0; i < vessels; i++) {
                engine.submit(Fix.planar(VesselId.scoped("P", Integer.toString(i), true), "P",
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), i, i, null));
            }
            return engine.barrier(true).get(30, TimeUnit.SECONDS).withInput(new byte[] {1, 2, 3});
        }
    }

    @Test
    void whatIsWrittenIsReadBackWholeAndNoTemporaryFileStays(@TempDir Path dir) throws Exception {
        EngineSnapshot written = snapshot(50);
        try (CheckpointStore store = CheckpointStore.open(dir.resolve("state"))) {
            assertThat(store.read(SETUP)).as("no checkpoint yet").isEmpty();
            long bytes = store.write(written, SETUP);
            assertThat(bytes).isEqualTo(Files.size(dir.resolve("state").resolve("engine.ckpt")));
            EngineSnapshot read = store.read(SETUP).orElseThrow();
            assertThat(read.vessels()).hasSize(50);
            assertThat(read.input()).containsExactly(1, 2, 3);
            assertThat(read.sites()).isEqualTo(written.sites());
        }
        try (var files = Files.list(dir.resolve("state"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("engine.ckpt", "lock");
        }
    }

    @Test
    void aCorruptCheckpointStopsTheStartWithOneLineThatSaysWhatToDo(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state");
        try (CheckpointStore store = CheckpointStore.open(state)) {
            store.write(snapshot(20), SETUP);
        }
        byte[] bytes = Files.readAllBytes(state.resolve("engine.ckpt"));
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(state.resolve("engine.ckpt"), bytes);
        try (CheckpointStore store = CheckpointStore.open(state)) {
            assertThatThrownBy(() -> store.read(SETUP)).isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("engine.ckpt").hasMessageContaining("move it away")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void aSecondEngineOnTheSameStateIsRefused(@TempDir Path dir) {
        try (CheckpointStore first = CheckpointStore.open(dir)) {
            assertThatThrownBy(() -> CheckpointStore.open(dir)).isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("in use by another Watchkeeper engine");
        }
        CheckpointStore.open(dir).close(); // released with the first
    }
}
