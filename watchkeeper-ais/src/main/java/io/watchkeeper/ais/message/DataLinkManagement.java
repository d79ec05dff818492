package io.watchkeeper.ais.message;

import java.util.List;

/**
 * Type 20: a base station reserves slots. Always four reservations; those the message does not carry
 * are all 0, as gpsd prints them.
 */
public record DataLinkManagement(int type, int repeat, int mmsi, List<Reservation> reservations) implements AisMessage {

    public DataLinkManagement {
        reservations = List.copyOf(reservations);
    }

    /** Slot {@code offset}, {@code number} of slots, {@code timeout} in minutes, {@code increment} between blocks. */
    public record Reservation(int offset, int number, int timeout, int increment) {
    }
}
