package io.watchkeeper.ais.message;

/**
 * Type 23: a base station assigns a reporting interval to the stations of a type inside a region
 * (corners in 1/10 minute).
 */
public record GroupAssignmentCommand(int type, int repeat, int mmsi, int neLonRaw, int neLatRaw, int swLonRaw,
        int swLatRaw, int stationType, int shipType, int txrx, int interval, int quiet) implements AisMessage {
}
