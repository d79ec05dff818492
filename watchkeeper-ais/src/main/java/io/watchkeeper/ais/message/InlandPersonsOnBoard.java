package io.watchkeeper.ais.message;

/**
 * DAC 200 FI 55 (Inland AIS, CCNR): persons on board. {@code crew} and {@code personnel} 255 = not
 * available, {@code passengers} 8191 = not available.
 */
public record InlandPersonsOnBoard(int crew, int passengers, int personnel) implements ApplicationData {
}
