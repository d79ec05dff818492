package io.watchkeeper.ais.message;

/**
 * DAC 235/250 FI 10 (UK and Irish lighthouse authorities): aid-to-navigation monitoring. Voltages raw in
 * 0.05 V; {@code racon} and {@code light} 0 none, 1 not monitored/on, 2 operational/off, 3 error.
 */
public record AtonMonitoring(int analogueInternal, int analogueExternal1, int analogueExternal2, int racon,
        int light, boolean alarm, int statusExternal, boolean offPosition) implements ApplicationData {
}
