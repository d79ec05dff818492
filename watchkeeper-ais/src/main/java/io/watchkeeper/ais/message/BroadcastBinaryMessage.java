package io.watchkeeper.ais.message;

/** Type 8: binary data broadcast to all; {@code data} is decoded by {@code dac}/{@code fid} where we know the layout. */
public record BroadcastBinaryMessage(int type, int repeat, int mmsi, int dac, int fid, ApplicationData data)
        implements AisMessage {
}
