package io.watchkeeper.ais.message;

/** Type 24 part A: the class B unit's name. */
public record StaticDataReportA(int type, int repeat, int mmsi, String shipName) implements AisMessage {
}
