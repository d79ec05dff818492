/**
 * Per-vessel behaviour detectors: loitering (GFW), drifting (DMA, RTEC), speeding in a speed-limit zone and
 * sudden speed change. Each has a {@code Settings} record whose {@code DEFAULTS} cite their source.
 * Drifting, loitering and speed change are {@link io.watchkeeper.core.fsm.Machine}s whose per-vessel
 * data is a small immutable record, replaced only when something changes; speeding is a hand-written
 * {@link io.watchkeeper.core.detect.Detector} (its Javadoc says why).
 */
package io.watchkeeper.core.detect.behaviour;
