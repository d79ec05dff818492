package io.watchkeeper.ais.message;

/**
 * DAC 1 FI 12 (IMO SN.1/Circ.236): dangerous cargo on board, addressed. Ports are UN/LOCODEs; times are
 * raw month/day/hour/minute of departure ({@code l*}) and arrival ({@code n*}); {@code unid} the UN number,
 * {@code amount} in {@code unit} (1 kg, 2 t, 3 1000 t).
 */
public record DangerousCargoIndication(String lastPort, int lastMonth, int lastDay, int lastHour, int lastMinute,
        String nextPort, int nextMonth, int nextDay, int nextHour, int nextMinute, String dangerous, String imdCategory,
        int unid, int amount, int unit) implements ApplicationData {
}
