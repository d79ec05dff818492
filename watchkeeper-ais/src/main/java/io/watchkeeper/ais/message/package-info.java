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
 * {@code watchkeeper-ais/DIFFERENCES-vs-gpsdecode.md}); a payload too short for its type is an
 * {@link io.watchkeeper.ais.message.AisPayloadException} with a bounded reason, never a crash.
 */
package io.watchkeeper.ais.message;
