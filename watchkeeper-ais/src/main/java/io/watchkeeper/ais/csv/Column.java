package io.watchkeeper.ais.csv;

/** What a CSV column means, whatever a layout calls it. */
enum Column {
    MMSI, TIME, EPOCH_MILLIS, LAT, LON, SOG, COG, HEADING, NAV_STATUS,
    NAME, CALL_SIGN, IMO, SHIP_TYPE, CARGO_TYPE, LENGTH, WIDTH, DRAUGHT, DESTINATION, ETA,
    TO_BOW, TO_STERN, TO_PORT, TO_STARBOARD
}
