package io.watchkeeper.core.detect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.detect.identity.InvalidIdentityDetector.Identity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidIdentityDetectorTest {

    private static final InvalidIdentityDetector DETECTOR = new InvalidIdentityDetector();

    /** Reads static data at every fix. */
    private static final InvalidIdentityDetector EVERY_FIX = new InvalidIdentityDetector(
            new InvalidIdentityDetector.Settings(3, Duration.ofHours(24), Duration.ZERO));

    private static Vessel<Place<Identity>> vessel(String id) {
        return new Vessel<>(DETECTOR, id);
    }

    private static Vessel<Place<Identity>> fixes(Vessel<Place<Identity>> v, int from, int to) {
        for (int s = from; s < to; s += 10) {
            v.at(s, 55.0, 10.0);
        }
        return v;
    }

    private static List<Object> reasons(Vessel<?> v) {
        return v.events().stream().map(e -> e.details().get("reason")).toList();
    }

    @Test
    void aValidShipIsQuietAndItsPlaceSettles() {
        var v = fixes(vessel("219000001").info(0, 9074729, 70, 100, 20), 0, 70); // static data read at 0 and 60 s
        assertThat(v.events()).isEmpty();
        Place<Identity> settled = v.state();
        fixes(v, 70, 120);
        assertThat(v.state()).isSameAs(settled); // between readings: the same place, no allocation
        fixes(v, 120, 130);
        assertThat(v.state().enteredAtMillis()).isEqualTo(Vessel.time(120).toEpochMilli()); // read again
    }

    @Test
    void anMmsiOfNoFormatIsReportedOnceOnTheFirstFix() {
        var v = fixes(vessel("123456789"), 0, 600);
        assertThat(v.events()).hasSize(1);
        Event e = v.events().get(0);
        assertThat(e.type()).isEqualTo("INVALID_IDENTITY");
        assertThat(e.time()).isEqualTo(Vessel.T0);
        assertThat(e.from()).isEqualTo("watching");
        assertThat(e.details()).containsEntry("reason", "mmsi-format").containsEntry("mmsi", "123456789")
                .containsEntry("kind", "none");
    }

    @Test
    void stationsThatSendNoPositionsAndUnallocatedMidsAreReported() {
        assertThat(reasons(fixes(vessel("992191234"), 0, 50))).containsExactly("mmsi-not-a-vessel");
        assertThat(reasons(fixes(vessel("2190048"), 0, 50))).containsExactly("mmsi-not-a-vessel");
        assertThat(reasons(fixes(vessel("200123456"), 0, 50))).containsExactly("mid-unallocated");
        assertThat(fixes(vessel("200123456"), 0, 50).events().get(0).details()).containsEntry("mid", 200);
        // SAR aircraft, SART, tender of a parent ship: valid
        assertThat(fixes(vessel("111219001"), 0, 50).events()).isEmpty();
        assertThat(fixes(vessel("970012345"), 0, 50).events()).isEmpty();
        assertThat(fixes(vessel("982190001"), 0, 50).events()).isEmpty();
    }

    @Test
    void idsThatAreNotMmsisAndPlanarFixesAreNotJudged() {
        assertThat(fixes(vessel("ferry-1"), 0, 50).events()).isEmpty();
        var boat = new Vessel<>(DETECTOR, VesselId.scoped("port-1", "0", true));
        boat.fix(Fix.planar(boat.id(), "port-1", Vessel.T0, 1.0, 2.0, null));
        assertThat(boat.state()).isSameAs(DETECTOR.initial(boat.id()));
        var planarMmsi = new Vessel<>(DETECTOR, VesselId.of("123456789"));
        planarMmsi.fix(Fix.planar(planarMmsi.id(), "port-1", Vessel.T0, 1.0, 2.0, null));
        assertThat(planarMmsi.events()).isEmpty();
    }

    @Test
    void aBadImoCheckDigitIsReportedOnce() {
        var v = fixes(vessel("219000001").info(0, 9074728, 70, 100, 20), 0, 100);
        assertThat(reasons(v)).containsExactly("imo-invalid");
        assertThat(v.events().get(0).details()).containsEntry("imo", 9074728).containsEntry("check", "bad_check_digit");
        v.info(200, 9074728, 70, 100, 20);
        fixes(v, 200, 300);
        assertThat(v.events()).hasSize(1);
        assertThat(fixes(vessel("219000002").info(0, 123456, 70, 100, 20), 0, 50).events()).hasSize(1);
        assertThat(fixes(vessel("219000003").info(0, 12345678, 70, 100, 20), 0, 50).events()).isEmpty();
    }

    @Test
    void twoReasonsAreTwoEventsOnTwoReadings() {
        var v = vessel("123456789").info(0, 9074728, 70, 100, 20).at(0, 55.0, 10.0);
        assertThat(reasons(v)).containsExactly("mmsi-format");
        v.at(10, 55.0, 10.0).at(50, 55.0, 10.0);
        assertThat(reasons(v)).containsExactly("mmsi-format"); // the next reading is a minute after the first
        v.at(60, 55.0, 10.0);
        assertThat(reasons(v)).containsExactly("mmsi-format", "imo-invalid");
        fixes(v, 20, 200);
        assertThat(v.events()).hasSize(2);
    }

    @Test
    void aLengthThatChangesBackIsReportedOnce() {
        var v = vessel("219000001").info(0, 0, 70, 80, 20).at(0, 55.0, 10.0);
        v.info(3600, 0, 70, 180, 20).at(3600, 55.0, 10.0);
        assertThat(v.events()).isEmpty(); // one change: a correction
        v.info(7200, 0, 70, 80, 20).at(7200, 55.0, 10.0);
        assertThat(reasons(v)).containsExactly("length-changes");
        assertThat(v.events().get(0).details()).containsEntry("lengthMetres", 100)
                .containsEntry("previousLengthMetres", 200).containsEntry("changes", 2);
        v.info(10800, 0, 70, 180, 20).at(10800, 55.0, 10.0);
        assertThat(v.events()).hasSize(1);
    }

    @Test
    void shipTypeChangesCountTheCategoryNotTheCargo() {
        // cargo 70, then cargo with hazardous category X, back to 70: the same kind of ship
        var cargo = vessel("219000001").info(0, 0, 70, 80, 20).at(0, 55.0, 10.0);
        cargo.info(3600, 0, 71, 80, 20).at(3600, 55.0, 10.0).info(7200, 0, 70, 80, 20).at(7200, 55.0, 10.0);
        assertThat(cargo.events()).isEmpty();
        // cargo, fishing, cargo
        var flip = vessel("219000002").info(0, 0, 70, 80, 20).at(0, 55.0, 10.0);
        flip.info(3600, 0, 30, 80, 20).at(3600, 55.0, 10.0).info(7200, 0, 79, 80, 20).at(7200, 55.0, 10.0);
        assertThat(reasons(flip)).containsExactly("ship-type-changes");
    }

    @Test
    void threeChangesInADayAreReportedButNotSpreadOverDays() {
        var v = vessel("219000001").info(0, 0, 70, 100, 20).at(0, 55.0, 10.0);
        v.info(3600, 0, 70, 120, 20).at(3600, 55.0, 10.0).info(7200, 0, 70, 140, 20).at(7200, 55.0, 10.0);
        assertThat(v.events()).isEmpty();
        v.info(10800, 0, 70, 160, 20).at(10800, 55.0, 10.0);
        assertThat(reasons(v)).containsExactly("length-changes");

        var slow = vessel("219000002").info(0, 0, 70, 100, 20).at(0, 55.0, 10.0);
        for (int day = 1; day <= 5; day++) {
            slow.info(day * 30 * 3600, 0, 70, 100 + 20 * day, 20).at(day * 30 * 3600, 55.0, 10.0);
        }
        assertThat(slow.events()).isEmpty();
    }

    @Test
    void theSummarySurvivesACheckpoint() throws Exception {
        // after the first fix: mmsi-format reported, imo-invalid waiting, length 100 and type 70 known
        var v = vessel("123456789").info(0, 9074728, 70, 80, 20).at(0, 55.0, 10.0);
        assertThat(v.state().data().length()).isEqualTo((short) 100);
        var codec = io.watchkeeper.core.detect.Detector.codecOf(DETECTOR);
        var bytes = new java.io.ByteArrayOutputStream();
        var out = new io.watchkeeper.core.checkpoint.StateOut(bytes);
        codec.write(v.state(), out);
        out.flush();
        var back = codec.read(new io.watchkeeper.core.checkpoint.StateIn(
                new java.io.ByteArrayInputStream(bytes.toByteArray()), id -> null), v.id());
        assertThat(back.data()).isEqualTo(v.state().data());
        assertThat(back.data().pending()).isNotZero(); // imo-invalid still to report
        assertThat(codec.read(new io.watchkeeper.core.checkpoint.StateIn(new java.io.ByteArrayInputStream(
                serialise(codec, DETECTOR.initial(v.id()))), id -> null), v.id()).data()).isSameAs(Identity.INITIAL);
    }

    @Test
    void aLengthBeyondAnyShipSurvivesACheckpoint() throws Exception {
        // VesselInfo does not bound the antenna offsets; 30000 + 10000 m is kept as the largest length
        var v = vessel("219000001").info(0, 0, 70, 30_000, 10_000).at(0, 55.0, 10.0);
        var codec = io.watchkeeper.core.detect.Detector.codecOf(DETECTOR);

        var back = codec.read(new io.watchkeeper.core.checkpoint.StateIn(
                new java.io.ByteArrayInputStream(serialise(codec, v.state())), id -> null), v.id());

        assertThat(back.data()).isEqualTo(v.state().data());
    }

    @Test
    void aCheckpointWithAReasonThatDoesNotExistIsRefused() throws Exception {
        // A damaged checkpoint: the summary's flags say a seventh reason is waiting, and there are six.
        // Read back, every later fix of the vessel would fail in the detector; the codec refuses it instead.
        var v = vessel("219000001").at(0, 55.0, 10.0);
        Identity damaged = v.state().data().withFlags(v.state().data().flags() | (1 << (8 + InvalidIdentityDetector.Reason.values().length)));
        var codec = io.watchkeeper.core.detect.Detector.codecOf(DETECTOR);
        Place<Identity> p = v.state();
        byte[] bytes = serialise(codec, new Place<>(p.state(), p.enteredAtMillis(), p.dueAtMillis(), p.lastFix(),
                damaged));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.read(new io.watchkeeper.core.checkpoint.StateIn(
                new java.io.ByteArrayInputStream(bytes), id -> null), v.id()))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("corrupt checkpoint");
    }

    private static byte[] serialise(io.watchkeeper.core.checkpoint.StateCodec<Place<Identity>> codec, Place<Identity> p)
            throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        var out = new io.watchkeeper.core.checkpoint.StateOut(bytes);
        codec.write(p, out);
        out.flush();
        return bytes.toByteArray();
    }

    @Test
    void staticDataIsReadAtMostOncePerCheckEvery() {
        var v = vessel("219000001").info(0, 0, 70, 100, 20).at(0, 55.0, 10.0);
        v.info(10, 9074728, 70, 100, 20);
        fixes(v, 10, 60);
        assertThat(v.events()).isEmpty(); // read at 0 s, next at 60 s
        v.at(60, 55.0, 10.0);
        assertThat(reasons(v)).containsExactly("imo-invalid");
        assertThat(v.events().get(0).time()).isEqualTo(Vessel.time(60));
    }

    @Test
    void unknownValuesAreNoChange() {
        var v = new Vessel<>(EVERY_FIX, "219000001").info(0, 0, 70, 100, 20).at(0, 55.0, 10.0);
        v.info(10, 0, -1, -1, -1).at(10, 55.0, 10.0).info(20, 0, 70, 100, 20).at(20, 55.0, 10.0);
        v.info(30, 0, 0, -1, -1).at(30, 55.0, 10.0).info(40, 0, 70, 100, 20).at(40, 55.0, 10.0);
        assertThat(v.events()).isEmpty();
    }
}
