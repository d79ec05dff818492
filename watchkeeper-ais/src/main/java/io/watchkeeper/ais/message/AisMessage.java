package io.watchkeeper.ais.message;

/**
 * One decoded AIS message. Every message starts with type, repeat indicator and MMSI; the rest depends
 * on the kind. Types we do not decode field by field arrive as {@link OtherMessage}.
 */
public sealed interface AisMessage
        permits PositionReport, BaseStationReport, StaticAndVoyageData, SarAircraftReport,
        AidToNavigationReport, StaticDataReportA,
        StaticDataReportB, LongRangeReport, OtherMessage {

    /** Message type, 1..27 (0 and 28..63 are possible on air and land in {@link OtherMessage}). */
    int type();

    /** Repeat indicator, 0..3. */
    int repeat();

    /** The sender's MMSI, 30 bits as transmitted (not validated). */
    int mmsi();
}
