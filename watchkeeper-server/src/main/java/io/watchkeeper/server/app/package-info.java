/**
 * The wiring only: {@link io.watchkeeper.server.app.DetectorService} is the running detector that
 * {@code DetectorWiring} builds part by part (outputs and engine, input, subscription);
 * {@code Metering} is the one place that puts metrics around that flow;
 * {@link io.watchkeeper.server.app.DetectorSuite} builds the detectors and zones
 * ({@link io.watchkeeper.server.app.ZoneChoice}, {@code StateTap});
 * {@link io.watchkeeper.server.app.WebFront} is what the detector feeds besides MQTT (store, live view, HTTP).
 */
package io.watchkeeper.server.app;
