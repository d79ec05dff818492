package io.watchkeeper.ais.message;

/** DAC 1 FI 16 (IMO SN.1/Circ.236 and 289): number of persons on board, 8191 = not available. */
public record PersonsOnBoard(int persons) implements ApplicationData {
}
