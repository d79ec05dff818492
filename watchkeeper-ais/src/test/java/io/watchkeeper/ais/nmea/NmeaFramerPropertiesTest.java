package io.watchkeeper.ais.nmea;

import static io.watchkeeper.ais.nmea.RecordingListener.withChecksum;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Properties: the framer never throws, accounts for every line, and reassembles amid other traffic. */
class NmeaFramerPropertiesTest {

    private static final List<String> VALID = List.of(
            "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A",
            "!BSVDO,1,1,,A,4025bp1ulq9CGPoQUBP5cJ10259<,0*7E",
            "\\s:rORBCOMM104,q:u,c:1418172113,T:2014-12-10 00.41.53*55\\!AIVDM,1,1,,B,13F?Vv700<DJuLEtvep`iToV0<00,0*78",
            "!AIVDM,1,1,,B,14pWHb?P03rwO<F:RQOnROw<25bd,0*3E,1357134218");

    private static boolean feedAndCheck(NmeaFramer framer, List<String> lines) {
        long wallClock = 0;
        for (String line : lines) {
            framer.accept(line, wallClock += 1000);
            FramerStats stats = framer.stats();
            if (!stats.balanced()) {
                return false;
            }
        }
        framer.flush();
        return framer.stats().balanced() && framer.stats().pendingGroups() == 0
                && framer.stats().lines() == lines.size();
    }

    @Property(tries = 300)
    boolean nmeaLikeStringsNeverThrowAndEveryLineIsAccountedFor(
            @ForAll @Size(max = 20) List<@StringLength(max = 90) @Chars({'!', '$', '\\', '*', ',', ':', '-', '\r', ' '})
            @CharRange(from = '0', to = 'z') String> lines) {
        return feedAndCheck(new NmeaFramer(new RecordingListener(), FramerSettings.defaults()), lines);
    }

    @Property(tries = 300)
    boolean randomBytesNeverThrowAndEveryLineIsAccountedFor(@ForAll @Size(max = 10) List<@Size(max = 120) byte[]> lines) {
        List<String> text = new ArrayList<>();
        for (byte[] bytes : lines) {
            text.add(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        return feedAndCheck(new NmeaFramer(new RecordingListener(), FramerSettings.defaults().withRequireChecksum(false)),
                text);
    }

    @Property(tries = 1000)
    void oneMutatedCharacterIsStillValidOrRejected(@ForAll @IntRange(max = 3) int which, @ForAll @IntRange(max = 500) int at,
                                                    @ForAll @CharRange(from = ' ', to = '~') char replacement) {
        String valid = VALID.get(which);
        int index = at % valid.length();
        String mutated = valid.substring(0, index) + replacement + valid.substring(index + 1);
        RecordingListener listener = new RecordingListener();
        new NmeaFramer(listener, FramerSettings.defaults()).accept(mutated, 0);

        assertThat(listener.outcomes).hasSize(1);
        int bang = valid.indexOf('!');
        int star = valid.indexOf('*');
        boolean insideChecksummedBody = index > bang && index < star && replacement != valid.charAt(index);
        if (insideChecksummedBody) {
            assertThat(listener.payloads).as(mutated).isEmpty();
        }
        if (!listener.payloads.isEmpty()) {
            assertThat(listener.payloads.get(0).raw()).isEqualTo(mutated);
        }
    }

    /** One message of {@code count} fragments on a channel and sequence id, as lines in order. */
    record Message(String payload, int fillBits, char channel, int seq, List<String> lines) {

        static Message of(String payload, int fillBits, char channel, int seq, int count) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String part = payload.substring(i * payload.length() / count, (i + 1) * payload.length() / count);
                int fill = i == count - 1 ? fillBits : 0;
                lines.add(withChecksum("!AIVDM," + count + "," + (i + 1) + "," + seq + "," + channel + "," + part + ","
                        + fill));
            }
            return new Message(payload, fillBits, channel, seq, lines);
        }
    }

    @Provide
    Arbitrary<String> armour() {
        return Arbitraries.strings().withCharRange('0', 'W').withCharRange('`', 'w').ofMinLength(9).ofMaxLength(160);
    }

    @Provide
    Arbitrary<List<Message>> otherTraffic() {
        Arbitrary<Message> message = Combinators.combine(armour(), Arbitraries.integers().between(0, 5),
                Arbitraries.of('A', 'B'), Arbitraries.integers().between(0, 9), Arbitraries.integers().between(1, 3))
                .as((payload, fill, channel, seq, count) -> Message.of(payload, fill, channel, seq, count));
        // Other traffic must not reuse the target's (channel A, seq 5), nor each other's key.
        return message.filter(m -> !(m.channel() == 'A' && m.seq() == 5)).list().ofMaxSize(6)
                .uniqueElements(m -> m.channel() + "/" + m.seq());
    }

    @Property(tries = 300)
    void fragmentsReassembleWhenInterleavedWithOtherTraffic(@ForAll("armour") String payload,
                                                             @ForAll @IntRange(min = 2, max = 5) int count,
                                                             @ForAll @IntRange(max = 5) int fillBits,
                                                             @ForAll("otherTraffic") List<Message> others,
                                                             @ForAll Random random) {
        Message target = Message.of(payload, fillBits, 'A', 5, count);
        List<List<String>> streams = new ArrayList<>();
        streams.add(new ArrayList<>(target.lines()));
        others.forEach(m -> streams.add(new ArrayList<>(m.lines())));
        List<String> merged = new ArrayList<>();
        while (!streams.isEmpty()) {
            List<String> stream = streams.get(random.nextInt(streams.size()));
            merged.add(stream.remove(0));
            if (stream.isEmpty()) {
                streams.remove(stream);
            }
        }
        RecordingListener listener = new RecordingListener();
        NmeaFramer framer = new NmeaFramer(listener, FramerSettings.defaults());
        merged.forEach(line -> framer.accept(line, 0));

        assertThat(listener.rejections).isEmpty();
        assertThat(listener.payloads).hasSize(1 + others.size());
        assertThat(listener.payloads).filteredOn(p -> p.raw().equals(String.join("\n", target.lines())))
                .singleElement().satisfies(p -> {
                    assertThat(p.armored()).isEqualTo(payload);
                    assertThat(p.fillBits()).isEqualTo(fillBits);
                    assertThat(p.channel()).isEqualTo('A');
                });
        assertThat(framer.stats().balanced()).isTrue();
    }
}
