/**
 * Where AIS input comes from, as raw text lines: files (plain, gzip, standard input) via
 * {@link io.watchkeeper.ais.source.FileReplay}, NMEA-over-TCP relays via
 * {@link io.watchkeeper.ais.source.TcpLineSource} and UDP via {@link io.watchkeeper.ais.source.UdpLineSource},
 * all ending in a {@link io.watchkeeper.ais.source.LineHandler}. Sources do not parse: the framer judges
 * every line, junk included. {@link io.watchkeeper.ais.source.Pacer} replays at a speed relative to
 * message time once a decoder knows it.
 */
package io.watchkeeper.ais.source;
