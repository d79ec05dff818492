package io.watchkeeper.ais.message;

/**
 * Type 17: DGNSS corrections from a reference station. Position in 1/10 minute (lon 181°, lat 91° = not
 * available); {@code data} the correction words (ITU-R M.823), not decoded.
 */
public record DgnssBroadcast(int type, int repeat, int mmsi, int lonRaw, int latRaw, BinaryData data)
        implements AisMessage {
}
