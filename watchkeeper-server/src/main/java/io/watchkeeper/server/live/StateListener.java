package io.watchkeeper.server.live;

import io.watchkeeper.core.fix.VesselId;

/**
 * Hears the state a detector's machine holds for a vessel after each of its steps, so that the map can
 * colour every vessel by what the engine knows, not only by the last event it happened to see. Called on
 * the engine worker that owns the vessel, once per step: it must be cheap and must not block.
 */
@FunctionalInterface
public interface StateListener {

    /**
     * @param machine the machine's name, as in its events ({@code boat}, {@code portcall})
     * @param state   the state after the step; enums, so that an unchanged state costs a comparison
     */
    void onState(VesselId vessel, String machine, Enum<?> state);
}
