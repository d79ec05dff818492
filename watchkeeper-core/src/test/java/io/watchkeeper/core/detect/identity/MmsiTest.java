package io.watchkeeper.core.detect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.detect.identity.Mmsi.Kind;
import io.watchkeeper.core.fix.VesselId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MmsiTest {

    /** One of each format of ITU-R M.585-9, and ids that fit none. */
    @ParameterizedTest
    @CsvSource({
        "219000001, 219000001, SHIP, 219",
        "2190048, 002190048, COAST_STATION, 219",
        "21900001, 021900001, GROUP, 219",
        "111219001, 111219001, SAR_AIRCRAFT, 219",
        "821912345, 821912345, HANDHELD, 219",
        "982190001, 982190001, CRAFT_OF_PARENT_SHIP, 219",
        "992191234, 992191234, AID_TO_NAVIGATION, 219",
        "970012345, 970012345, DISTRESS_DEVICE, -1",
        "972012345, 972012345, DISTRESS_DEVICE, -1",
        "974012345, 974012345, DISTRESS_DEVICE, -1",
        "0, 000000000, NONE, -1",
        "123456789, 123456789, NONE, -1",
        "111119001, 111119001, NONE, -1",
        "975000000, 975000000, NONE, -1",
        "912345678, 912345678, NONE, -1",
        "1073741823, 1073741823, NONE, -1",
        "1234, 000001234, NONE, -1",
    })
    void formats(String id, String digits, Kind kind, int mid) {
        Mmsi m = Mmsi.of(VesselId.of(id));
        assertThat(m).isEqualTo(new Mmsi(digits, kind, mid));
    }

    @Test
    void midsAreCheckedAgainstTheItuTable() {
        assertThat(Mmsi.of(VesselId.of("219000001")).midAllocated()).isTrue();       // Denmark
        assertThat(Mmsi.of(VesselId.of("374000001")).midAllocated()).isTrue();       // Panama, added since libais
        assertThat(Mmsi.of(VesselId.of("200000001")).midAllocated()).isFalse();
        assertThat(Mmsi.of(VesselId.of("217000001")).midAllocated()).isFalse();
        assertThat(Mmsi.of(VesselId.of("776000001")).midAllocated()).isFalse();
        assertThat(Mmsi.of(VesselId.of("111200001")).midAllocated()).isFalse();      // a SAR aircraft of MID 200
        assertThat(Mmsi.of(VesselId.of("970012345")).midAllocated()).isTrue();       // no MID to check
        assertThat(MidTable.size()).isEqualTo(292);
        assertThat(MidTable.country(219)).contains("Denmark");
    }

    @Test
    void onlyUnscopedDecimalIdsAreMmsis() {
        assertThat(Mmsi.of(VesselId.of("ferry-1"))).isNull();
        assertThat(Mmsi.of(VesselId.scoped("port-1", "3", true))).isNull();
        assertThat(Mmsi.of(VesselId.of("-219000001"))).isNull();
    }
}
