/**
 * NMEA 0183 framing for AIS: {@link io.watchkeeper.ais.nmea.NmeaFramer} takes lines from one input
 * source and hands complete {@link io.watchkeeper.ais.nmea.AisPayload}s to a
 * {@link io.watchkeeper.ais.nmea.FrameListener}. It verifies {@code *hh} checksums (IEC 61162-1), reads
 * NMEA 4.0 tag blocks ({@code c:} time, {@code s:} source, {@code g:} group), Gatehouse {@code $PGHP}
 * times and trailing unix-time columns, and reassembles multi-fragment {@code !xxVDM}/{@code !xxVDO}
 * messages. Bad input becomes a bounded {@link io.watchkeeper.core.deadletter.RejectReason}, never an
 * exception. Decoding the six-bit payload into messages is {@code io.watchkeeper.ais.message}'s job.
 */
package io.watchkeeper.ais.nmea;
