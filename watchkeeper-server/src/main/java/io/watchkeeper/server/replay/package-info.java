/**
 * Replaying a recording: {@link io.watchkeeper.server.replay.Recording} reads NMEA, CSV tracks or JSON lines
 * whole and orders the fixes by event time; {@link io.watchkeeper.server.replay.Replay} runs them through the
 * detectors on the caller's thread with a clock at each fix's time, so a recording always gives the same events.
 */
package io.watchkeeper.server.replay;
