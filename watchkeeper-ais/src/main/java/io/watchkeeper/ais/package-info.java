/**
 * AIS input: NMEA 0183 framing ({@code nmea}), AIS message decoding ({@code message}), gpsd-compatible
 * JSON ({@code gpsd}), and the sources that feed lines in ({@code source}, {@code csv}). Our own code,
 * validated field by field against gpsd's {@code gpsdecode}; it knows no MQTT and no web library.
 */
package io.watchkeeper.ais;
