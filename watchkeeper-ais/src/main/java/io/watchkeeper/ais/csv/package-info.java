/**
 * Decoded-position CSV archives (MarineCadastre, DMA, Stone Soup's Solent, AMSA) read straight into
 * core {@code Fix}es and {@code VesselInfo}s, bypassing NMEA. Layouts are recognised by header names;
 * bad rows become {@link io.watchkeeper.ais.csv.CsvRejection}s with a bounded reason and reading goes on.
 */
package io.watchkeeper.ais.csv;
