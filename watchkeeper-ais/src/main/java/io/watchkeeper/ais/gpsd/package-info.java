/**
 * gpsd-compatible output: {@link io.watchkeeper.ais.gpsd.GpsdJson} writes a decoded AIS message as the
 * one-line JSON that {@code gpsdecode -u -j} (gpsd 3.22) prints for it, field for field, so that our
 * decoder can be proved against gpsd and its output fed to tools that read gpsd's format.
 */
package io.watchkeeper.ais.gpsd;
