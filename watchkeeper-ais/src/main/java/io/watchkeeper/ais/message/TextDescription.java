package io.watchkeeper.ais.message;

/** DAC 1 FI 30 (addressed) and FI 29 (broadcast), IMO SN.1/Circ.289: free six-bit text with a linkage id. */
public record TextDescription(int linkage, String text) implements ApplicationData {
}
