/**
 * AIS messages: the six-bit payload a framer hands on, decoded into one record per message kind under
 * the sealed {@link io.watchkeeper.ais.message.AisMessage}.
 *
 * <p>Record components ending in {@code Raw} hold the integer as transmitted (ITU-R M.1371 units,
 * "not available" sentinels included) so that {@code io.watchkeeper.ais.gpsd} can reproduce gpsd's
 * unscaled JSON exactly. The scaled accessors ({@code latDegrees()}, {@code sogKnots()}, ...) carry
 * their unit in the name and turn every sentinel into {@link Double#NaN}; the sentinels stop there.
 *
 * <p>Length rules follow gpsd's {@code gpsdecode} where it decodes short messages (see
 * {@code watchkeeper-ais/DIFFERENCES-vs-gpsdecode.md}); a position or static report too short for its
 * type is an {@link io.watchkeeper.ais.message.AisPayloadException} with a bounded reason, never a crash.
 * A message without a position (binary, safety text, link management) outside the lengths its type
 * allows stays an {@link io.watchkeeper.ais.message.OtherMessage}, counted as before, never refused.
 *
 * <p>Binary messages (types 6 and 8) carry {@link io.watchkeeper.ais.message.ApplicationData} chosen by
 * DAC and FI: a record per application decoded (met/hydro reports, Inland AIS data, ...), else the bits
 * as {@link io.watchkeeper.ais.message.BinaryData}, never more than 1,008 bits.
 */
package io.watchkeeper.ais.message;
