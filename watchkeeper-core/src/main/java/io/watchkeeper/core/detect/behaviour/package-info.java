/**
 * Per-vessel behaviour detectors (issue C, item 7): loitering (GFW), drifting (RTEC), speeding in a
 * speed-limit zone and sudden speed change. Each is one {@link io.watchkeeper.core.detect.Detector}
 * with a {@code Settings} record whose {@code DEFAULTS} cite their source, and a small immutable
 * {@code State} record that is replaced only when something changes.
 */
package io.watchkeeper.core.detect.behaviour;
