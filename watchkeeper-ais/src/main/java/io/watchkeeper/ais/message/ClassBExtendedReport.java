package io.watchkeeper.ais.message;

/** Type 19: extended class B position report, position plus name, ship type and dimensions. */
public record ClassBExtendedReport(int type, int repeat, int mmsi, int reserved, int speedRaw, boolean accuracy,
        int lonRaw, int latRaw, int courseRaw, int headingRaw, int second, int regional, String shipName,
        int shipType, int toBow, int toStern, int toPort, int toStarboard, int epfd, boolean raim, boolean dte,
        boolean assigned) implements PositionReport {
}
