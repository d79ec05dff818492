package io.watchkeeper.ais.fix;

import io.watchkeeper.ais.AisDecoderStats;

/**
 * Counters of one AIS input.
 *
 * @param fixes                 position reports handed to the engine
 * @param positionNotAvailable  position reports that said "position not available" (lat 91 / lon 181)
 * @param staticReports         static reports merged into the vessel registry (types 5, 19, 24)
 * @param safetyMessages        safety-related texts (types 12, 14) sent on as events, repeats not counted
 * @param weatherReports        weather reports (type 8, DAC 1 FI 11 and 31) kept for the map
 * @param deadLetters           inputs refused, all reasons together (per reason: {@code decoder})
 * @param decoder               the framer's and decoder's own counters
 */
public record AisIngestStats(String source, long fixes, long positionNotAvailable, long staticReports,
                             long safetyMessages, long weatherReports, long deadLetters, AisDecoderStats decoder) {
}
