package io.watchkeeper.mqtt.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @Test
    void buildsTheOriginalTopics() {
        assertThat(Topics.data("P1")).isEqualTo("DATA/P1");
        assertThat(Topics.data("P1", "3")).isEqualTo("DATA/P1/3");
        assertThat(Topics.dataFilter()).isEqualTo("DATA/#");
        assertThat(Topics.ais("solent")).isEqualTo("AIS/solent");
        assertThat(Topics.aisFilter()).isEqualTo("AIS/#");
        assertThat(Topics.event("P1", "STATETRANSITION", "3")).isEqualTo("EVENT/P1/STATETRANSITION/3");
        assertThat(Topics.eventFilter()).isEqualTo("EVENT/#");
        assertThat(Topics.deadLetter("DATA")).isEqualTo("DEADLETTER/DATA");
        assertThat(Topics.status("detector-1")).isEqualTo("STATUS/detector-1");
        assertThat(Topics.NOTIFICATIONS).isEqualTo("notifications");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "a+", "#", "x\0y"})
    void buildersRejectBadLevels(String level) {
        assertThatThrownBy(() -> Topics.data(level)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.ais(level)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.deadLetter(level)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.status(level)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.event("P1", level, "3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.data("P1", level)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectionNamesTheLevel() {
        assertThatThrownBy(() -> Topics.status("a/b"))
                .hasMessage("clientId 'a/b' must not contain '/', '+', '#' or NUL");
        assertThatThrownBy(() -> Topics.data("")).hasMessage("station must not be empty");
    }

    @Test
    void eventRepairsUntrustedSiteAndVessel() {
        assertThat(Topics.event("P/1", "GAP_START", "boat#1")).isEqualTo("EVENT/P_1/GAP_START/boat_1");
        assertThat(Topics.event("", "GAP_START", "+")).isEqualTo("EVENT/_/GAP_START/_");
    }

    @Test
    void safeLevelRepairsOnlyWhatIsBroken() {
        assertThat(Topics.safeLevel("235009802")).isEqualTo("235009802");
        assertThat(Topics.safeLevel("a/b+c#d\0e")).isEqualTo("a_b_c_d_e");
        assertThat(Topics.safeLevel("tab\there")).isEqualTo("tab_here");
        assertThat(Topics.safeLevel("")).isEqualTo("_");
        assertThat(Topics.safeLevel("Ålesund ⚓ 🚢")).isEqualTo("Ålesund ⚓ 🚢");
        assertThat(Topics.safeLevel("x\uD800y")).isEqualTo("x_y");
    }

    @Test
    void parsesStationAndVesselOfData() {
        assertThat(Topics.stationOfData("DATA/P1")).contains("P1");
        assertThat(Topics.stationOfData("DATA/P1/3")).contains("P1");
        assertThat(Topics.vesselOfData("DATA/P1/3")).contains("3");
        assertThat(Topics.vesselOfData("DATA/P1")).isEmpty();
        assertThat(Topics.stationOfData("DATA/")).isEmpty();
        assertThat(Topics.stationOfData("DATA//3")).isEmpty();
        assertThat(Topics.stationOfData("DATA/P1/")).isEmpty();
        assertThat(Topics.stationOfData("DATA/P1/3/x")).isEmpty();
        assertThat(Topics.stationOfData("DATA")).isEmpty();
        assertThat(Topics.stationOfData("EVENT/P1/STATETRANSITION/3")).isEmpty();
        assertThat(Topics.stationOfData("data/P1")).isEmpty();
    }

    @Test
    void parsesStationOfAis() {
        assertThat(Topics.stationOfAis("AIS/solent")).contains("solent");
        assertThat(Topics.stationOfAis("AIS/")).isEmpty();
        assertThat(Topics.stationOfAis("AIS/a/b")).isEmpty();
        assertThat(Topics.stationOfAis("DATA/a")).isEmpty();
    }

    @Property
    void safeLevelAlwaysGivesAValidLevel(@ForAll("anyText") String raw) {
        String level = Topics.safeLevel(raw);
        assertThat(level).isNotEmpty().doesNotContain("/", "+", "#", "\0");
        assertThat(Topics.safeLevel(level)).isEqualTo(level);
        assertThat(Topics.status(level)).isEqualTo("STATUS/" + level);
        assertThat(Topics.stationOfData(Topics.data(level))).contains(level);
    }

    @Property
    void dataTopicsRoundTrip(@ForAll("levels") String station, @ForAll("levels") String vessel) {
        assertThat(Topics.stationOfData(Topics.data(station, vessel))).contains(station);
        assertThat(Topics.vesselOfData(Topics.data(station, vessel))).contains(vessel);
        assertThat(Topics.stationOfData(Topics.data(station))).contains(station);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(20)
                .edgeCases(edges -> edges.add("/")).injectDuplicates(0.1);
    }

    @Provide
    Arbitrary<String> levels() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12)
                .filter(s -> s.chars().noneMatch(c -> c == '/' || c == '+' || c == '#' || c == 0));
    }
}
