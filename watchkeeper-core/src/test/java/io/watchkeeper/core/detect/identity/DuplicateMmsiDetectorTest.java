package io.watchkeeper.core.detect.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.checkpoint.StateIn;
import io.watchkeeper.core.checkpoint.StateOut;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.fsm.Place;
import io.watchkeeper.core.geo.Geo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DuplicateMmsiDetectorTest {

    private static final DuplicateMmsiDetector DETECTOR = new DuplicateMmsiDetector();

    private static Vessel<Place<DuplicateMmsiDetector.Tracks>> vessel() {
        return new Vessel<>(DETECTOR, "219000001");
    }

    @Test
    void twoTransmittersInTurnAreADuplicateOnTheThirdSwitch() {
        // A off Skagen, B off Gothenburg, 1 degree of latitude apart (60 nm), heard in turn every 10 s
        var v = vessel().at(0, 57.0, 11.0).at(10, 58.0, 11.0).at(20, 57.0, 11.0);
        assertThat(v.events()).isEmpty(); // out and back: could be one bad fix
        v.at(30, 58.0, 11.0);
        assertThat(v.events()).hasSize(1);
        Event e = v.events().get(0);
        assertThat(e.type()).isEqualTo("DUPLICATE_MMSI");
        assertThat(e.from()).isEqualTo("single");
        assertThat(e.to()).isEqualTo("duplicate");
        assertThat(e.time()).isEqualTo(Vessel.time(30));
        assertThat(e.details()).containsEntry("lat", 58.0).containsEntry("otherLat", 57.0)
                .containsEntry("switches", 3).containsEntry("seconds", 20.0)
                .containsEntry("distanceMetres", Math.round(Geo.METRES_PER_DEGREE_LAT));
        for (int s = 40; s < 600; s += 10) { // the alternation goes on: no more events
            v.at(s, (s / 10) % 2 == 0 ? 57.0 : 58.0, 11.0);
        }
        assertThat(v.events()).hasSize(1);
    }

    @Test
    void oneBadFixOrOneJumpIsNotADuplicate() {
        var glitch = vessel().at(0, 57.0, 11.0).at(10, 58.0, 11.0).at(20, 57.0, 11.0).at(30, 57.0, 11.0);
        assertThat(glitch.events()).isEmpty();
        var moved = vessel().at(0, 57.0, 11.0).at(10, 58.0, 11.0).at(20, 58.0, 11.0).at(30, 58.0, 11.0);
        assertThat(moved.events()).isEmpty();
        // bad fixes to different places each time: no second track seen twice
        var scattered = vessel().at(0, 57.0, 11.0).at(10, 58.0, 11.0).at(20, 57.0, 11.0).at(30, 56.0, 11.0)
                .at(40, 57.0, 11.0).at(50, 57.0, 13.0).at(60, 57.0, 11.0);
        assertThat(scattered.events()).isEmpty();
    }

    @Test
    void switchesSpreadOverMoreThanTheWindowDoNotAddUp() {
        var v = vessel().at(0, 57.0, 11.0).at(10, 58.0, 11.0).at(20, 57.0, 11.0);
        for (int s = 30; s < 4000; s += 10) {
            v.at(s, 57.0, 11.0);
        }
        v.at(4000, 58.0, 11.0); // 66 min after the first switch
        assertThat(v.events()).isEmpty();
    }

    @Test
    void theDuplicateEndsWhenTheOtherTrackFallsSilentAndCanStartAgain() {
        var v = vessel().at(0, 57.0, 11.0).at(10, 58.0, 11.0).at(20, 57.0, 11.0).at(30, 58.0, 11.0);
        assertThat(v.events()).hasSize(1);
        // only B from now on; A (other track) last heard at 20 s, the window is 1 h
        for (int s = 40; s < 3600; s += 60) {
            v.at(s, 58.0, 11.0);
        }
        assertThat(v.state().state()).isEqualTo(1);
        v.sweep(3620);
        assertThat(v.state().state()).isZero();
        assertThat(v.state().data()).isEqualTo(DuplicateMmsiDetector.Tracks.NONE);
        v.at(3700, 57.0, 11.0).at(3710, 58.0, 11.0).at(3720, 57.0, 11.0);
        assertThat(v.events()).hasSize(2);
    }

    @Test
    void planarFixesChangeNothing() {
        var v = new Vessel<>(DETECTOR, VesselId.scoped("port-1", "3", true));
        for (int i = 0; i < 10; i++) {
            v.fix(Fix.planar(v.id(), "port-1", Vessel.time(i), (i % 2) * 100_000.0, 0.0, null));
        }
        assertThat(v.events()).isEmpty();
        assertThat(v.state()).isSameAs(DETECTOR.initial(v.id()));
    }

    @Test
    void theTracksSurviveACheckpoint() throws Exception {
        var v = vessel().at(0, 57.0, 11.0).at(10, 58.0, 11.0).at(20, 57.0, 11.0);
        var codec = Detector.codecOf(DETECTOR);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateOut out = new StateOut(bytes);
        codec.write(v.state(), out);
        out.flush();
        var back = codec.read(new StateIn(new ByteArrayInputStream(bytes.toByteArray()), id -> null), v.id());
        assertThat(back.data()).isEqualTo(v.state().data());
        assertThat(back.data().switches()).isEqualTo(2);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new DuplicateMmsiDetector.Settings(50, 1852, 1, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minSwitches");
    }
}
