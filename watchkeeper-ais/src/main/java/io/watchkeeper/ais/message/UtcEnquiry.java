package io.watchkeeper.ais.message;

/** Type 10: asks {@code destMmsi} for its UTC time and date (answered by a type 11). */
public record UtcEnquiry(int type, int repeat, int mmsi, int destMmsi) implements AisMessage {
}
