package io.watchkeeper.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.ais.nmea.AisPayload;
import io.watchkeeper.ais.nmea.FrameListener;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.nmea.NmeaFramer;
import io.watchkeeper.ais.source.LineFiles;
import io.watchkeeper.core.deadletter.RejectReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayLinesTest {

    /** The first two reports of the bundled Danish recording, as recorded. */
    private static final String RECORDING = String.join("\n",
            "\\si:AISD*3F\\",
            "$PGHP,1,2013,11,12,12,0,0,11,219,,2190067,1,62*26",
            "!BSVDM,1,1,,A,13@:`L001N0ded0O6Fp8wW<00<0t,0*62",
            "\\si:AISD*3F\\",
            "$PGHP,1,2013,11,12,12,0,0,26,219,,2190074,1,67*25",
            "!BSVDM,1,1,,A,13Aq6h000KPem06Q9w23:ja>0HG?,0*67", "");
    private static final Instant RECORDED = Instant.parse("2013-11-12T12:00:00.011Z");
    private static final Instant NOW = Instant.parse("2026-12-07T18:30:00Z");

    private static ReplayLines.Opener recording() {
        return () -> LineFiles.of(new ByteArrayInputStream(RECORDING.getBytes(StandardCharsets.US_ASCII)), "test", -1);
    }

    @Test
    void onceGivesTheLinesAsRecorded() throws IOException {
        List<String> lines = new ArrayList<>();
        try (ReplayLines replay = ReplayLines.once("test", recording())) {
            for (String l = replay.next(); l != null; l = replay.next()) {
                lines.add(l);
            }
        }
        assertThat(String.join("\n", lines) + "\n").isEqualTo(RECORDING);
    }

    @Test
    void loopedMovesTheTimesOntoTheClockAndKeepsThemIncreasingPassAfterPass() throws IOException {
        List<Instant> times = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        NmeaFramer framer = new NmeaFramer(new FrameListener() {
            @Override
            public void onPayload(AisPayload payload) {
                times.add(Instant.ofEpochMilli(payload.receivedAtMillis()));
            }

            @Override
            public void onRejected(RejectReason reason, String detail, String raw) {
                refused.add(reason + " " + detail + ": " + raw);
            }
        }, FramerSettings.defaults());
        try (ReplayLines replay = ReplayLines.looped("test", recording(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            for (int i = 0; i < 18; i++) { // three passes
                framer.accept(replay.next(), 0L);
            }
            assertThat(replay.passes()).isEqualTo(3);
        }

        assertThat(refused).as("every moved line keeps a valid checksum").isEmpty();
        Instant secondReport = NOW.plusMillis(15); // 26 ms after the first, as recorded
        Instant nextPass = secondReport.plusMillis(ReplayLines.LOOP_PAUSE_MILLIS);
        assertThat(times).containsExactly(NOW, secondReport, nextPass, nextPass.plusMillis(15),
                nextPass.plusMillis(15 + ReplayLines.LOOP_PAUSE_MILLIS),
                nextPass.plusMillis(30 + ReplayLines.LOOP_PAUSE_MILLIS));
    }

    @Test
    void aLineWithoutAGatehouseTimeIsLeftAlone() {
        assertThat(GatehouseTime.shift("!BSVDM,1,1,,A,13@:`L001N0ded0O6Fp8wW<00<0t,0*62", 5000))
                .isEqualTo("!BSVDM,1,1,,A,13@:`L001N0ded0O6Fp8wW<00<0t,0*62");
        assertThat(GatehouseTime.millis("$PGHP,1,2013,11,12,12,0,0,11,219,,2190067,1,62*26"))
                .isEqualTo(RECORDED.toEpochMilli());
        assertThat(GatehouseTime.shift("$PGHP,1,2013,11,12,12,0,0,11,219,,2190067,1,62*26", 86_400_000L))
                .startsWith("$PGHP,1,2013,11,13,12,0,0,11,219,,2190067,1,62*");
    }
}
