package io.watchkeeper.ais.message;

/**
 * Type 18: standard class B position report. Raw fields as in {@link PositionReportClassA}; the flags
 * say what the class B unit can do ({@code cs}: carrier-sense unit, {@code msg22}: channel management).
 */
public record ClassBPositionReport(int type, int repeat, int mmsi, int reserved, int speedRaw, boolean accuracy,
        int lonRaw, int latRaw, int courseRaw, int headingRaw, int second, int regional, boolean cs,
        boolean display, boolean dsc, boolean band, boolean msg22, boolean assigned, boolean raim, int radio)
        implements PositionReport {
}
