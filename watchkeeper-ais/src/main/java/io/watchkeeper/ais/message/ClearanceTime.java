package io.watchkeeper.ais.message;

/**
 * DAC 1 FI 18 (IMO SN.1/Circ.289): clearance time to enter port, addressed. Time raw (month, day, hour,
 * minute); port position in 1/1000 minute.
 */
public record ClearanceTime(int linkage, int month, int day, int hour, int minute, String portName,
        String destination, int lonRaw, int latRaw) implements ApplicationData {
}
