package io.watchkeeper.ais.message;

/**
 * DAC 1 FI 16 (IMO SN.1/Circ.236 and 289): number of persons on board (13 bits right after the FI),
 * 0 = not available (8191 = 8191 or more).
 */
public record PersonsOnBoard(int persons) implements ApplicationData {
}
