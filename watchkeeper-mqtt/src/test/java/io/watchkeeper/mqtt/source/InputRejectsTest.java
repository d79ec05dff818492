package io.watchkeeper.mqtt.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.mqtt.wire.FixDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputRejectsTest {

    private static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final List<DeadLetter> dead = new ArrayList<>();

    @Test
    void aWrongTopicIsAnUnknownFormatDeadLetterFromUnknownAndCounted() {
        InputRejects rejects = new InputRejects(dead::add, CLOCK, StandardCharsets.ISO_8859_1);

        rejects.wrongTopic("AIS", "an AIS/<station>", "!AIVDM".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(dead).singleElement().isEqualTo(new DeadLetter("unknown", RejectReason.UNKNOWN_FORMAT,
                "not an AIS/<station> topic: AIS", "!AIVDM", NOW));
        assertThat(rejects.count()).isEqualTo(1);
    }

    @Test
    void theFixSourceRefusesAWrongTopicThroughTheSameRejectsAsUtf8() {
        FixSource source = new FixSource(new FixDecoder(), f -> { }, dead::add, CLOCK);

        source.onMessage("EVENT/x", new byte[] {'{', (byte) 0xff, '}'});

        assertThat(dead).singleElement().isEqualTo(new DeadLetter("unknown", RejectReason.UNKNOWN_FORMAT,
                "not a DATA/<station> topic: EVENT/x", "{\uFFFD}", NOW));
        assertThat(source.rejected()).isEqualTo(1);
    }

    @Test
    void anOversizedPayloadIsRefusedWholeAndOnlyItsShownPartBecomesText() {
        InputRejects rejects = new InputRejects(dead::add, CLOCK, StandardCharsets.ISO_8859_1);
        byte[] huge = "x".repeat(100_000).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(rejects.refusedAsTooLarge("DK", new byte[64], 64)).isFalse();
        assertThat(rejects.refusedAsTooLarge("DK", huge, 64)).isTrue();

        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.source()).isEqualTo("DK");
            assertThat(d.reason()).isEqualTo(RejectReason.TOO_LARGE);
            assertThat(d.detail()).isEqualTo("payload is 100000 bytes, limit 64");
            assertThat(d.payload()).isEqualTo("x".repeat(DeadLetter.MAX_PAYLOAD_CHARS) + DeadLetter.CUT_MARK);
        });
        assertThat(rejects.count()).isEqualTo(1);
    }
}
