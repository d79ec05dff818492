/**
 * The live read model behind the dashboard and the REST API: per vessel, the latest fix, a short
 * track, the current state of each machine and the latest events.
 *
 * <p>{@link io.watchkeeper.server.live.LiveView} is written by the engine's worker threads and read by
 * HTTP threads; readers get immutable snapshots ({@link io.watchkeeper.server.live.VesselSnapshot},
 * {@link io.watchkeeper.server.live.VesselDetail}).
 */
package io.watchkeeper.server.live;
