package io.watchkeeper.ais.gpsd;

import static io.watchkeeper.ais.gpsd.JsonFields.bool;
import static io.watchkeeper.ais.gpsd.JsonFields.number;
import static io.watchkeeper.ais.gpsd.JsonFields.pad;
import static io.watchkeeper.ais.gpsd.JsonFields.string;

import io.watchkeeper.ais.message.Acknowledgement;
import io.watchkeeper.ais.message.AddressedBinaryMessage;
import io.watchkeeper.ais.message.AidToNavigationReport;
import io.watchkeeper.ais.message.AisMessage;
import io.watchkeeper.ais.message.AssignedModeCommand;
import io.watchkeeper.ais.message.BaseStationReport;
import io.watchkeeper.ais.message.BroadcastBinaryMessage;
import io.watchkeeper.ais.message.ChannelManagement;
import io.watchkeeper.ais.message.ClassBExtendedReport;
import io.watchkeeper.ais.message.ClassBPositionReport;
import io.watchkeeper.ais.message.DataLinkManagement;
import io.watchkeeper.ais.message.DgnssBroadcast;
import io.watchkeeper.ais.message.GroupAssignmentCommand;
import io.watchkeeper.ais.message.Interrogation;
import io.watchkeeper.ais.message.LongRangeReport;
import io.watchkeeper.ais.message.OtherMessage;
import io.watchkeeper.ais.message.PositionReportClassA;
import io.watchkeeper.ais.message.SafetyMessage;
import io.watchkeeper.ais.message.SarAircraftReport;
import io.watchkeeper.ais.message.SlotBinaryMessage;
import io.watchkeeper.ais.message.StaticAndVoyageData;
import io.watchkeeper.ais.message.StaticDataReportA;
import io.watchkeeper.ais.message.StaticDataReportB;
import io.watchkeeper.ais.message.UtcEnquiry;
import java.util.Objects;

/**
 * Writes AIS messages as the JSON {@code gpsdecode -u -j} prints: same field names and order, unscaled
 * values, {@code "class":"AIS","device":"stdin"}, {@code "scaled":false}, the {@code *_text} fields.
 * Stateless and thread-safe; appends to a caller's builder, no reflection, no JSON library.
 *
 * <p>Type 24: gpsdecode prints nothing for part A alone; it keeps part A and prints one merged line
 * when the same MMSI's part B arrives ({@link #writeType24}). {@link #write} on a single part writes
 * that part's fields only, in the merged line's order.
 * The types without a position are written by {@link GpsdBinaryJson} and
 * {@link GpsdManagementJson}; an {@link OtherMessage} (a type
 * or length gpsdecode does not decode) gets the common header fields only.
 */
public final class GpsdJson {

    /** Appends one JSON object for {@code message} to {@code out}, without a line end. */
    public void write(AisMessage message, StringBuilder out) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(out, "out");
        header(message, out);
        if (message instanceof PositionReportClassA m) {
            classA(m, out);
        } else if (message instanceof BaseStationReport m) {
            baseStation(m, out);
        } else if (message instanceof StaticAndVoyageData m) {
            staticAndVoyage(m, out);
        } else if (message instanceof SarAircraftReport m) {
            sarAircraft(m, out);
        } else if (message instanceof ClassBPositionReport m) {
            classB(m, out);
        } else if (message instanceof ClassBExtendedReport m) {
            classBExtended(m, out);
        } else if (message instanceof AidToNavigationReport m) {
            aidToNavigation(m, out);
        } else if (message instanceof StaticDataReportA m) {
            string(out, "shipname", m.shipName());
        } else if (message instanceof StaticDataReportB m) {
            partB(m, out);
        } else if (message instanceof LongRangeReport m) {
            longRange(m, out);
        } else if (message instanceof AddressedBinaryMessage m) {
            GpsdBinaryJson.addressed(m, out);
        } else if (message instanceof BroadcastBinaryMessage m) {
            GpsdBinaryJson.broadcast(m, out);
        } else if (message instanceof DgnssBroadcast m) {
            GpsdBinaryJson.dgnss(m, out);
        } else if (message instanceof SlotBinaryMessage m) {
            GpsdBinaryJson.slot(m, out);
        } else if (message instanceof SafetyMessage m) {
            GpsdManagementJson.safety(m, out);
        } else if (message instanceof Acknowledgement m) {
            GpsdManagementJson.acknowledgement(m, out);
        } else if (message instanceof UtcEnquiry m) {
            GpsdManagementJson.utcEnquiry(m, out);
        } else if (message instanceof Interrogation m) {
            GpsdManagementJson.interrogation(m, out);
        } else if (message instanceof AssignedModeCommand m) {
            GpsdManagementJson.assignedMode(m, out);
        } else if (message instanceof DataLinkManagement m) {
            GpsdManagementJson.dataLinkManagement(m, out);
        } else if (message instanceof ChannelManagement m) {
            GpsdManagementJson.channelManagement(m, out);
        } else if (message instanceof GroupAssignmentCommand m) {
            GpsdManagementJson.groupAssignment(m, out);
        }
        out.append('}');
    }

    /** Appends the merged type 24 line gpsdecode prints when part B follows part A of the same MMSI. */
    public void writeType24(StaticDataReportA partA, StaticDataReportB partB, StringBuilder out) {
        Objects.requireNonNull(partA, "partA");
        Objects.requireNonNull(partB, "partB");
        Objects.requireNonNull(out, "out");
        header(partB, out);
        string(out, "shipname", partA.shipName());
        partB(partB, out);
        out.append('}');
    }

    private static void header(AisMessage m, StringBuilder out) {
        out.append("{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":").append(m.type())
                .append(",\"repeat\":").append(m.repeat())
                .append(",\"mmsi\":").append(m.mmsi())
                .append(",\"scaled\":false");
    }

    private static void classA(PositionReportClassA m, StringBuilder out) {
        number(out, "status", m.navStatus());
        string(out, "status_text", GpsdText.navStatus(m.navStatus()));
        number(out, "turn", m.turnRaw());
        number(out, "speed", m.speedRaw());
        bool(out, "accuracy", m.accuracy());
        number(out, "lon", m.lonRaw());
        number(out, "lat", m.latRaw());
        number(out, "course", m.courseRaw());
        number(out, "heading", m.headingRaw());
        number(out, "second", m.second());
        number(out, "maneuver", m.maneuver());
        bool(out, "raim", m.raim());
        number(out, "radio", m.radio());
    }

    private static void baseStation(BaseStationReport m, StringBuilder out) {
        out.append(",\"timestamp\":\"");
        pad(out, m.year(), 4).append('-');
        pad(out, m.month(), 2).append('-');
        pad(out, m.day(), 2).append('T');
        pad(out, m.hour(), 2).append(':');
        pad(out, m.minute(), 2).append(':');
        pad(out, m.second(), 2).append("Z\"");
        bool(out, "accuracy", m.accuracy());
        number(out, "lon", m.lonRaw());
        number(out, "lat", m.latRaw());
        epfd(out, m.epfd());
        bool(out, "raim", m.raim());
        number(out, "radio", m.radio());
    }

    private static void staticAndVoyage(StaticAndVoyageData m, StringBuilder out) {
        number(out, "imo", m.imo());
        number(out, "ais_version", m.aisVersion());
        string(out, "callsign", m.callsign());
        string(out, "shipname", m.shipName());
        shipType(out, m.shipType());
        dimensions(out, m.toBow(), m.toStern(), m.toPort(), m.toStarboard());
        epfd(out, m.epfd());
        out.append(",\"eta\":\"");
        pad(out, m.etaMonth(), 2).append('-');
        pad(out, m.etaDay(), 2).append('T');
        pad(out, m.etaHour(), 2).append(':');
        pad(out, m.etaMinute(), 2).append("Z\"");
        number(out, "draught", m.draughtRaw());
        string(out, "destination", m.destination());
        number(out, "dte", m.dte() ? 1 : 0);
    }

    private static void sarAircraft(SarAircraftReport m, StringBuilder out) {
        number(out, "alt", m.altitudeRaw());
        number(out, "speed", m.speedRaw());
        bool(out, "accuracy", m.accuracy());
        number(out, "lon", m.lonRaw());
        number(out, "lat", m.latRaw());
        number(out, "course", m.courseRaw());
        number(out, "second", m.second());
        number(out, "regional", m.regional());
        number(out, "dte", m.dte() ? 1 : 0);
        bool(out, "raim", m.raim());
        number(out, "radio", m.radio());
    }

    private static void classB(ClassBPositionReport m, StringBuilder out) {
        number(out, "reserved", m.reserved());
        number(out, "speed", m.speedRaw());
        bool(out, "accuracy", m.accuracy());
        number(out, "lon", m.lonRaw());
        number(out, "lat", m.latRaw());
        number(out, "course", m.courseRaw());
        number(out, "heading", m.headingRaw());
        number(out, "second", m.second());
        number(out, "regional", m.regional());
        bool(out, "cs", m.cs());
        bool(out, "display", m.display());
        bool(out, "dsc", m.dsc());
        bool(out, "band", m.band());
        bool(out, "msg22", m.msg22());
        bool(out, "raim", m.raim());
        number(out, "radio", m.radio());
    }

    private static void classBExtended(ClassBExtendedReport m, StringBuilder out) {
        number(out, "reserved", m.reserved());
        number(out, "speed", m.speedRaw());
        bool(out, "accuracy", m.accuracy());
        number(out, "lon", m.lonRaw());
        number(out, "lat", m.latRaw());
        number(out, "course", m.courseRaw());
        number(out, "heading", m.headingRaw());
        number(out, "second", m.second());
        number(out, "regional", m.regional());
        string(out, "shipname", m.shipName());
        shipType(out, m.shipType());
        dimensions(out, m.toBow(), m.toStern(), m.toPort(), m.toStarboard());
        epfd(out, m.epfd());
        bool(out, "raim", m.raim());
        number(out, "dte", m.dte() ? 1 : 0);
        bool(out, "assigned", m.assigned());
    }

    private static void aidToNavigation(AidToNavigationReport m, StringBuilder out) {
        number(out, "aid_type", m.aidType());
        string(out, "aid_type_text", GpsdText.aidType(m.aidType()));
        string(out, "name", m.name());
        bool(out, "accuracy", m.accuracy());
        number(out, "lon", m.lonRaw());
        number(out, "lat", m.latRaw());
        dimensions(out, m.toBow(), m.toStern(), m.toPort(), m.toStarboard());
        epfd(out, m.epfd());
        number(out, "second", m.second());
        number(out, "regional", m.regional());
        bool(out, "off_position", m.offPosition());
        bool(out, "raim", m.raim());
        bool(out, "virtual_aid", m.virtualAid());
    }

    private static void partB(StaticDataReportB m, StringBuilder out) {
        shipType(out, m.shipType());
        string(out, "vendorid", m.vendorId());
        number(out, "model", m.model());
        number(out, "serial", m.serial());
        string(out, "callsign", m.callsign());
        if (m.auxiliaryCraft()) {
            number(out, "mothership_mmsi", m.mothershipMmsi());
        } else {
            dimensions(out, m.toBow(), m.toStern(), m.toPort(), m.toStarboard());
        }
    }

    private static void longRange(LongRangeReport m, StringBuilder out) {
        number(out, "status", m.navStatus());
        bool(out, "accuracy", m.accuracy());
        number(out, "lon", m.lonRaw());
        number(out, "lat", m.latRaw());
        number(out, "speed", m.speedRaw());
        number(out, "course", m.courseRaw());
        bool(out, "raim", m.raim());
        bool(out, "gnss", m.gnss());
    }

    private static void shipType(StringBuilder out, int shipType) {
        number(out, "shiptype", shipType);
        string(out, "shiptype_text", GpsdText.shipType(shipType));
    }

    private static void epfd(StringBuilder out, int epfd) {
        number(out, "epfd", epfd);
        string(out, "epfd_text", GpsdText.epfd(epfd));
    }

    private static void dimensions(StringBuilder out, int toBow, int toStern, int toPort, int toStarboard) {
        number(out, "to_bow", toBow);
        number(out, "to_stern", toStern);
        number(out, "to_port", toPort);
        number(out, "to_starboard", toStarboard);
    }
}
