package io.watchkeeper.ais.gpsd;

import static io.watchkeeper.ais.gpsd.JsonFields.bool;
import static io.watchkeeper.ais.gpsd.JsonFields.number;
import static io.watchkeeper.ais.gpsd.JsonFields.string;

import io.watchkeeper.ais.message.Acknowledgement;
import io.watchkeeper.ais.message.AssignedModeCommand;
import io.watchkeeper.ais.message.ChannelManagement;
import io.watchkeeper.ais.message.DataLinkManagement;
import io.watchkeeper.ais.message.GroupAssignmentCommand;
import io.watchkeeper.ais.message.Interrogation;
import io.watchkeeper.ais.message.SafetyMessage;
import io.watchkeeper.ais.message.UtcEnquiry;

/**
 * The members gpsdecode -u -j prints after the header for safety text (12, 14) and for the link
 * management messages (7, 10, 13, 15, 16, 20, 22, 23), in its names and order, unscaled.
 */
final class GpsdManagementJson {

    private GpsdManagementJson() {
    }

    /** gpsd prints the acknowledged MMSIs only, not their sequence numbers. */
    static void acknowledgement(Acknowledgement m, StringBuilder out) {
        number(out, "mmsi1", m.mmsi1());
        number(out, "mmsi2", m.mmsi2());
        number(out, "mmsi3", m.mmsi3());
        number(out, "mmsi4", m.mmsi4());
    }

    static void utcEnquiry(UtcEnquiry m, StringBuilder out) {
        number(out, "dest_mmsi", m.destMmsi());
    }

    static void safety(SafetyMessage m, StringBuilder out) {
        if (m.addressed()) {
            number(out, "seqno", m.seqno());
            number(out, "dest_mmsi", m.destMmsi());
            bool(out, "retransmit", m.retransmit());
        }
        string(out, "text", m.text());
    }

    static void interrogation(Interrogation m, StringBuilder out) {
        number(out, "mmsi1", m.mmsi1());
        number(out, "type1_1", m.type1_1());
        number(out, "offset1_1", m.offset1_1());
        number(out, "type1_2", m.type1_2());
        number(out, "offset1_2", m.offset1_2());
        number(out, "mmsi2", m.mmsi2());
        number(out, "type2_1", m.type2_1());
        number(out, "offset2_1", m.offset2_1());
    }

    static void assignedMode(AssignedModeCommand m, StringBuilder out) {
        number(out, "mmsi1", m.mmsi1());
        number(out, "offset1", m.offset1());
        number(out, "increment1", m.increment1());
        number(out, "mmsi2", m.mmsi2());
        number(out, "offset2", m.offset2());
        number(out, "increment2", m.increment2());
    }

    static void dataLinkManagement(DataLinkManagement m, StringBuilder out) {
        int index = 1;
        for (DataLinkManagement.Reservation r : m.reservations()) {
            number(out, "offset" + index, r.offset());
            number(out, "number" + index, r.number());
            number(out, "timeout" + index, r.timeout());
            number(out, "increment" + index, r.increment());
            index++;
        }
    }

    static void channelManagement(ChannelManagement m, StringBuilder out) {
        number(out, "channel_a", m.channelA());
        number(out, "channel_b", m.channelB());
        number(out, "txrx", m.txrx());
        bool(out, "power", m.power());
        if (m.addressed()) {
            number(out, "dest1", m.dest1());
            number(out, "dest2", m.dest2());
        } else {
            number(out, "ne_lon", m.neLonRaw());
            number(out, "ne_lat", m.neLatRaw());
            number(out, "sw_lon", m.swLonRaw());
            number(out, "sw_lat", m.swLatRaw());
        }
        bool(out, "addressed", m.addressed());
        bool(out, "band_a", m.bandA());
        bool(out, "band_b", m.bandB());
        number(out, "zonesize", m.zoneSize());
    }

    /** gpsd does not print the Tx/Rx mode of a type 23. */
    static void groupAssignment(GroupAssignmentCommand m, StringBuilder out) {
        number(out, "ne_lon", m.neLonRaw());
        number(out, "ne_lat", m.neLatRaw());
        number(out, "sw_lon", m.swLonRaw());
        number(out, "sw_lat", m.swLatRaw());
        number(out, "stationtype", m.stationType());
        string(out, "stationtype_text", GpsdText.stationType(m.stationType()));
        number(out, "shiptype", m.shipType());
        string(out, "shiptype_text", GpsdText.shipType(m.shipType()));
        number(out, "interval", m.interval());
        number(out, "quiet", m.quiet());
    }
}
