package io.watchkeeper.ais.message;

/**
 * One decoded AIS message. Every message starts with type, repeat indicator and MMSI; the rest depends
 * on the kind. Undefined types, type 24 parts 2 and 3, and messages whose length is outside what their
 * type allows arrive as {@link OtherMessage}.
 */
public sealed interface AisMessage
        permits PositionReport, BaseStationReport, StaticAndVoyageData, SarAircraftReport,
        AidToNavigationReport, StaticDataReportA,
        StaticDataReportB, LongRangeReport, AddressedBinaryMessage, BroadcastBinaryMessage, Acknowledgement,
        UtcEnquiry, SafetyMessage, Interrogation, AssignedModeCommand, DgnssBroadcast, DataLinkManagement,
        ChannelManagement, GroupAssignmentCommand, SlotBinaryMessage, OtherMessage {

    /** Message type, 1..27 (0 and 28..63 are possible on air and land in {@link OtherMessage}). */
    int type();

    /** Repeat indicator, 0..3. */
    int repeat();

    /** The sender's MMSI, 30 bits as transmitted (not validated). */
    int mmsi();
}
