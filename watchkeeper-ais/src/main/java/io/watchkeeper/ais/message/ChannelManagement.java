package io.watchkeeper.ais.message;

/**
 * Type 22: a base station sets channels and power for a region or for two addressed stations. When
 * {@code addressed}, {@code dest1}/{@code dest2} are set and the corners are 0; otherwise the corners
 * (1/10 minute; lon 18 bits, lat 17 bits) are set and the destinations are 0.
 */
public record ChannelManagement(int type, int repeat, int mmsi, int channelA, int channelB, int txrx, boolean power,
        int neLonRaw, int neLatRaw, int swLonRaw, int swLatRaw, int dest1, int dest2, boolean addressed,
        boolean bandA, boolean bandB, int zoneSize) implements AisMessage {
}
