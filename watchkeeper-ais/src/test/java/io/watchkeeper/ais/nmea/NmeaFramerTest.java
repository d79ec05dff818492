package io.watchkeeper.ais.nmea;

import static io.watchkeeper.ais.nmea.RecordingListener.withChecksum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.deadletter.RejectReason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One test per framing rule, on real lines from the repository's data/ where there is one. */
class NmeaFramerTest {

    // gpsd-ais/sample.aivdm.sentences
    private static final String GPSD = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";
    // pyais/mixed.txt: a type 5 in two fragments
    private static final String PART1 = "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
    private static final String PART2 = "!AIVDM,2,2,1,A,88888888880,2*25";
    // libais/tagblock.nmea
    private static final String ORBCOMM_1 = "\\g:1-2-1604,s:rORBCOMM008,c:1418169601,T:2014-12-10 00.00.01*37\\"
            + "!AIVDM,2,1,6,A,53@o0E000001Q0CG37U8u<Tp4q@D00000000000018330400000000000000,0*63";
    private static final String ORBCOMM_SINGLE = "\\s:rORBCOMM104,q:u,c:1418172113,T:2014-12-10 00.41.53*55\\"
            + "!AIVDM,1,1,,B,13F?Vv700<DJuLEtvep`iToV0<00,0*78";
    private static final String ORBCOMM_2 = "\\g:2-2-1604,s:rORBCOMM008,c:1418169601,T:2014-12-10 00.00.01*34\\"
            + "!AIVDM,2,2,6,A,00000000008,2*2A";

    private final RecordingListener listener = new RecordingListener();
    private NmeaFramer framer = new NmeaFramer(listener, FramerSettings.defaults());

    private void feed(String... lines) {
        for (String line : lines) {
            framer.accept(line, 0);
        }
    }

    @Test
    void singleFragmentIsAViewIntoTheLineItself() {
        AisPayload[] seen = new AisPayload[1];
        NmeaFramer viewing = new NmeaFramer(new FrameListener() {
            @Override
            public void onPayload(AisPayload payload) {
                assertThat(payload.armored()).isSameAs(GPSD);
                assertThat(payload.raw()).isSameAs(GPSD);
                seen[0] = payload;
            }

            @Override
            public void onRejected(RejectReason reason, String detail, String raw) {
                throw new AssertionError(detail);
            }
        }, FramerSettings.defaults());
        viewing.accept(GPSD, 0);
        assertThat(seen[0]).isNotNull();
        feed(GPSD);
        RecordingListener.Payload payload = listener.onlyPayload();
        assertThat(payload.armored()).isEqualTo("15RTgt0PAso;90TKcjM8h6g208CQ");
        assertThat(payload).extracting(RecordingListener.Payload::fillBits, RecordingListener.Payload::channel,
                RecordingListener.Payload::talker, RecordingListener.Payload::ownShip,
                RecordingListener.Payload::receivedAtMillis, RecordingListener.Payload::source)
                .containsExactly(0, 'A', "AI", false, AisPayload.NO_TIME, null);
    }

    @Test
    void ownShipTalkerAndTrailingCarriageReturn() {
        // dma-aislib/replay_dump.txt
        feed("!BSVDO,1,1,,A,4025bp1ulq9CGPoQUBP5cJ10259<,0*7E\r");
        RecordingListener.Payload payload = listener.onlyPayload();
        assertThat(payload.ownShip()).isTrue();
        assertThat(payload.talker()).isEqualTo("BS");
        assertThat(payload.raw()).endsWith("\r");
    }

    @Test
    void wrongChecksumNamesBothValues() {
        feed("!AIVDM,1,1,,B,14pWHb?P03rwO<F:RQOnROw<25bd,0*3F");
        assertThat(listener.onlyRejection()).extracting(RecordingListener.Rejection::reason,
                RecordingListener.Rejection::detail).containsExactly(RejectReason.NMEA_CHECKSUM, "checksum *3F expected *3E");
    }

    @Test
    void missingChecksumIsRejectedUnlessSettingsAllowIt() {
        String line = "!AIVDM,1,1,,B,14pWHb?P03rwO<F:RQOnROw<25bd,0";
        feed(line);
        assertThat(listener.onlyRejection().reason()).isEqualTo(RejectReason.NMEA_CHECKSUM);
        RecordingListener lenient = new RecordingListener();
        new NmeaFramer(lenient, FramerSettings.defaults().withRequireChecksum(false)).accept(line, 0);
        assertThat(lenient.onlyPayload().armored()).isEqualTo("14pWHb?P03rwO<F:RQOnROw<25bd");
    }

    @Test
    void lowerCaseChecksumDigitsAreAccepted() {
        feed(GPSD.replace("*4A", "*4a"));
        assertThat(listener.onlyPayload().fillBits()).isZero();
    }

    @Test
    void missingFieldsAndEmptyPayloadAreTruncated() {
        feed(withChecksum("!AIVDM,1,1,A,15RTgt0PAso;90TKcjM8h6g208CQ,0"), "!AIVDM,1,1,,B,,0*25");
        assertThat(listener.rejections).extracting(RecordingListener.Rejection::reason, RecordingListener.Rejection::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RejectReason.NMEA_TRUNCATED, "6 fields, expected 7"),
                        org.assertj.core.groups.Tuple.tuple(RejectReason.NMEA_TRUNCATED, "empty payload"));
    }

    @Test
    void fillBitsOutsideRangeOrOnANonLastFragment() {
        feed(withChecksum("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,6"),
                withChecksum("!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,2"));
        assertThat(listener.rejections).extracting(RecordingListener.Rejection::reason)
                .containsExactly(RejectReason.NMEA_FILL_BITS, RejectReason.NMEA_FILL_BITS);
        assertThat(listener.rejections.get(1).detail()).isEqualTo("fill bits 2 on fragment 1 of 2");
        assertThat(framer.stats().pendingGroups()).isZero();
    }

    @Test
    void payloadCharacterOutsideTheArmourIsAisPayload() {
        feed(withChecksum("!AIVDM,1,1,,A,15RTgt0PAsoX90TKcjM8h6g208CQ,0"));
        RecordingListener.Rejection rejection = listener.onlyRejection();
        assertThat(rejection.reason()).isEqualTo(RejectReason.AIS_PAYLOAD);
        assertThat(rejection.detail()).contains("0x58", "at 11");
    }

    @Test
    void sentencesJoinedOnOneLineAreFramedOneByOneWithTheirTagBlocks() {
        // As in gfw-ais-tools/spire-test.nmea, with tag checksums that hold.
        feed(ORBCOMM_1 + ORBCOMM_2);
        assertThat(listener.rejections).isEmpty();
        assertThat(listener.payloads).singleElement().satisfies(p -> {
            assertThat(p.armored()).endsWith("00000000008");
            assertThat(p.source()).isEqualTo("rORBCOMM008");
        });
        assertThat(framer.stats().lines()).isEqualTo(2);
        assertThat(framer.stats().balanced()).isTrue();
    }

    @Test
    void tagBlockGivesSourceAndTimeAndItsGroupReassembles() {
        feed(ORBCOMM_1, ORBCOMM_SINGLE, ORBCOMM_2);
        assertThat(listener.rejections).isEmpty();
        assertThat(listener.payloads).hasSize(2);
        RecordingListener.Payload single = listener.payloads.get(0);
        assertThat(single.source()).isEqualTo("rORBCOMM104");
        assertThat(single.receivedAtMillis()).isEqualTo(1_418_172_113_000L);
        RecordingListener.Payload joined = listener.payloads.get(1);
        assertThat(joined.armored()).isEqualTo(
                "53@o0E000001Q0CG37U8u<Tp4q@D00000000000018330400000000000000" + "00000000008");
        assertThat(joined.fillBits()).isEqualTo(2);
        assertThat(joined.source()).isEqualTo("rORBCOMM008");
        assertThat(joined.receivedAtMillis()).isEqualTo(1_418_169_601_000L);
        assertThat(joined.raw()).isEqualTo(ORBCOMM_1 + "\n" + ORBCOMM_2);
    }

    @Test
    void groupFragmentWithOnlyGStillBelongsAndOldGroupFormWorks() {
        // gfw-ais-tools/ee-multiline.nmea, then pyais/mixed.txt's "1G2:" form
        feed("\\g:1-2-1278,s:66,c:1661782369*43\\!AIVDM,2,1,3,A,56=nR7D00003A<I@E=@TmDh637OS60mA:222220N1@6427?P00888888,0*66",
                "\\g:2-2-1278*51\\!AIVDM,2,2,3,A,888888888888880,2*27",
                "\\1G2:0125,c:1354719387*0D\\!AIVDM,2,1,4,A,539LiHP2;42`@pE<000<tq@V1<TpL4000000001?1SV@@73R0J0TQCAD,0*1E",
                "\\2G2:0125*7B\\!AIVDM,2,2,4,A,R0EQCP000000000,2*45");
        assertThat(listener.rejections).isEmpty();
        assertThat(listener.payloads).extracting(RecordingListener.Payload::source).containsExactly("66", null);
        assertThat(listener.payloads.get(1).receivedAtMillis()).isEqualTo(1_354_719_387_000L);
    }

    @Test
    void badTagBlockChecksumIsRejectedUnlessNotVerified() {
        String amsa = "\\c:1420030798*00\\!ABVDM,1,1,4,B,17P;HV?P008F98Il;EC1mOwL0@KP,0*22";
        feed(amsa);
        assertThat(listener.onlyRejection()).extracting(RecordingListener.Rejection::reason,
                RecordingListener.Rejection::detail)
                .containsExactly(RejectReason.NMEA_CHECKSUM, "tag block checksum *00 expected *5B");
        RecordingListener lenient = new RecordingListener();
        new NmeaFramer(lenient, FramerSettings.defaults().withVerifyTagBlockChecksum(false)).accept(amsa, 0);
        assertThat(lenient.onlyPayload().receivedAtMillis()).isEqualTo(1_420_030_798_000L);
    }

    @Test
    void tagTimeInMillisecondsIsKeptAsMilliseconds() {
        String tag = "c:1420030798123";
        feed("\\" + withChecksum("!" + tag).substring(1) + "\\" + GPSD);
        assertThat(listener.onlyPayload().receivedAtMillis()).isEqualTo(1_420_030_798_123L);
    }

    @Test
    void tagBlockOnlyLinesAreIgnoredAndCAndSApplyToTheNextSentenceOnly() {
        // dma-aisabnormal's "\si:AISD*3F\", then pyais/mixed.txt's context line
        feed("\\si:AISD*3F\\", "\\c:1354719388*56\\", "!BSVDM,1,1,,B,14QsDOP01?0nGuHOM4n;vqTn0p4S,0*23", GPSD);
        assertThat(listener.ignored).hasSize(2);
        assertThat(listener.payloads).extracting(RecordingListener.Payload::receivedAtMillis)
                .containsExactly(1_354_719_388_000L, AisPayload.NO_TIME);
    }

    @Test
    void gatehouseTimeAppliesToTheWholeFollowingMessage() {
        // pyais/examples_gatehouse.nmea
        feed("$PGHP,1,2012,12,6,9,53,48,612,244,,,1,02*21",
                "!AIVDM,2,1,1,,53B?8r021g8HuHtk:20dTpN1<D5L5U>22222220002R0L33Aa?4i@H888888,0*6E",
                "!AIVDM,2,2,1,,88888888888,2*6C", GPSD);
        assertThat(listener.ignored).hasSize(1);
        assertThat(listener.payloads).extracting(RecordingListener.Payload::receivedAtMillis).containsExactly(
                Instant.parse("2012-12-06T09:53:48.612Z").toEpochMilli(), AisPayload.NO_TIME);
        assertThat(listener.payloads.get(0).channel()).isEqualTo((char) 0);
    }

    @Test
    void gatehouseWithWrongChecksumIsRejected() {
        feed("$PGHP,1,2009,5,9,0,0,0,10,338,2,,1,09*17");
        assertThat(listener.onlyRejection().reason()).isEqualTo(RejectReason.NMEA_CHECKSUM);
    }

    @Test
    void trailingUnixTimeColumnTakesTheLastNumberAndJunkIsTolerated() {
        // pyais/timestamped.ais
        feed("!AIVDM,1,1,,B,14pWHb?P03rwO<F:RQOnROw<25bd,0*3E,1357134218",
                "!AIVDM,1,1,,B,14pWHb?P03rwO<F:RQOnROw<25bd,0*3E,1daasd4218,,1357134222",
                "!AIVDM,1,1,,B,14pWHb?P03rwO<F:RQOnROw<25bd,0*3E junk");
        assertThat(listener.rejections).isEmpty();
        assertThat(listener.payloads).extracting(RecordingListener.Payload::receivedAtMillis)
                .containsExactly(1_357_134_218_000L, 1_357_134_222_000L, AisPayload.NO_TIME);
    }

    @Test
    void otherSentencesBlankLinesAndCommentsAreIgnoredNoiseIsGarbage() {
        feed("$GPGGA,184353.07,1929.045,S,02410.506,E,1,04,2.6,100.00,M,-33.9,M,,0000*6D", "", "   ", "# comment",
                "foobar", "AIVDM,2,2,1,B,00000000000,2*26", "\u0000\u00ff\u0001");
        assertThat(listener.ignored).hasSize(4);
        assertThat(listener.rejections).extracting(RecordingListener.Rejection::reason)
                .containsOnly(RejectReason.NMEA_GARBAGE).hasSize(3);
    }

    @Test
    void twoFragmentsReassembleWithFillFromTheLast() {
        feed(PART1, PART2);
        RecordingListener.Payload payload = listener.onlyPayload();
        assertThat(payload.armored()).isEqualTo(
                "55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8" + "88888888880");
        assertThat(payload.fillBits()).isEqualTo(2);
        assertThat(payload.raw()).isEqualTo(PART1 + "\n" + PART2);
        assertThat(framer.stats().payloadLines()).isEqualTo(2);
    }

    @Test
    void fragmentWithoutItsFirstIsASequenceError() {
        feed(PART2);
        assertThat(listener.onlyRejection()).extracting(RecordingListener.Rejection::reason,
                RecordingListener.Rejection::detail).containsExactly(RejectReason.FRAGMENT_SEQUENCE,
                "fragment 2 of 2 without fragment 1 (seq 1, channel A)");
    }

    @Test
    void duplicateFirstFragmentRejectsTheHeldOneAndStartsAgain() {
        feed(PART1, PART1);
        assertThat(listener.onlyRejection()).extracting(RecordingListener.Rejection::reason,
                RecordingListener.Rejection::raw).containsExactly(RejectReason.FRAGMENT_SEQUENCE, PART1);
        assertThat(framer.stats().pendingLines()).isEqualTo(1);
        feed(PART2);
        assertThat(listener.payloads).hasSize(1);
        assertThat(framer.stats().balanced()).isTrue();
    }

    @Test
    void outOfOrderFragmentRejectsBothTheGroupAndItself() {
        String first = withChecksum("!AIVDM,3,1,7,B,55?MbV02;H;s<HtKR20EHE:0,0");
        String third = withChecksum("!AIVDM,3,3,7,B,8888,2");
        feed(first, third);
        assertThat(listener.rejections).extracting(RecordingListener.Rejection::reason, RecordingListener.Rejection::raw)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RejectReason.FRAGMENT_SEQUENCE, first),
                        org.assertj.core.groups.Tuple.tuple(RejectReason.FRAGMENT_SEQUENCE, third));
        assertThat(framer.stats().pendingGroups()).isZero();
        assertThat(framer.stats().balanced()).isTrue();
    }

    @Test
    void groupsExpireAfterTheTimeoutAndOnFlush() {
        framer.accept(PART1, 1_000);
        framer.expire(1_000 + FramerSettings.DEFAULT_FRAGMENT_TIMEOUT.toMillis() - 1);
        assertThat(listener.rejections).isEmpty();
        framer.expire(1_000 + FramerSettings.DEFAULT_FRAGMENT_TIMEOUT.toMillis());
        assertThat(listener.onlyRejection()).extracting(RecordingListener.Rejection::reason,
                RecordingListener.Rejection::raw).containsExactly(RejectReason.FRAGMENT_EXPIRED, PART1);
        framer.accept(PART1, 20_000);
        framer.flush();
        assertThat(listener.rejections).hasSize(2);
        assertThat(listener.rejections.get(1).detail()).startsWith("end of input");
        assertThat(framer.stats().pendingGroups()).isZero();
        assertThat(framer.stats().balanced()).isTrue();
    }

    @Test
    void lateFragmentFindsItsGroupExpired() {
        framer.accept(PART1, 0);
        framer.accept(PART2, 60_000);
        assertThat(listener.rejections).extracting(RecordingListener.Rejection::reason)
                .containsExactly(RejectReason.FRAGMENT_EXPIRED, RejectReason.FRAGMENT_SEQUENCE);
    }

    @Test
    void fullTableEvictsTheOldestGroup() {
        framer = new NmeaFramer(listener, FramerSettings.defaults().withMaxPendingGroups(2));
        feed(PART1, PART1.replace(",1,A,", ",2,A,").transform(s -> withChecksum(s.substring(0, s.indexOf('*')))),
                PART1.replace(",1,A,", ",3,A,").transform(s -> withChecksum(s.substring(0, s.indexOf('*')))));
        assertThat(listener.onlyRejection()).extracting(RecordingListener.Rejection::reason,
                RecordingListener.Rejection::raw).containsExactly(RejectReason.FRAGMENT_EXPIRED, PART1);
        assertThat(framer.stats().pendingGroups()).isEqualTo(2);
    }

    @Test
    void aFragmentLongerThanAnySentenceIsNotHeld() {
        String longPayload = PART1.replace(",1,A,", ",4,A,").transform(s -> {
            int payload = s.indexOf(",A,") + 3;
            return withChecksum(s.substring(0, payload) + "0".repeat(2_000) + s.substring(payload, s.indexOf('*')));
        });
        feed(longPayload);
        assertThat(listener.onlyRejection()).satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.TOO_LARGE);
            assertThat(r.detail()).contains("more than 1024");
        });
        assertThat(framer.stats().pendingGroups()).isZero();
        assertThat(framer.stats().balanced()).isTrue();
    }

    @Test
    void defaultSourceUnlessTheTagBlockNamesOne() {
        framer = new NmeaFramer(listener, FramerSettings.defaults().withDefaultSource("station-1"));
        feed(GPSD, ORBCOMM_SINGLE);
        assertThat(listener.payloads).extracting(RecordingListener.Payload::source)
                .containsExactly("station-1", "rORBCOMM104");
    }

    @Test
    void statsCountEveryOutcome() {
        feed(GPSD, "", "foobar", PART1);
        FramerStats stats = framer.stats();
        assertThat(stats.lines()).isEqualTo(4);
        assertThat(stats.payloads()).isEqualTo(1);
        assertThat(stats.ignored()).isEqualTo(1);
        assertThat(stats.rejected(RejectReason.NMEA_GARBAGE)).isEqualTo(1);
        assertThat(stats.pendingGroups()).isEqualTo(1);
        assertThat(stats.balanced()).isTrue();
    }

    @Test
    void settingsValidate() {
        assertThatThrownBy(() -> FramerSettings.defaults().withMaxPendingGroups(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FramerSettings.defaults().withFragmentTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> framer.accept(null, 0)).isInstanceOf(NullPointerException.class);
    }
}
