package io.watchkeeper.core.fix;

import java.util.Objects;

/**
 * Identifies one vessel for the engine: the unit that owns a state machine and a worker thread.
 *
 * <p>The original stations number their boats per port ({@code boat_id} 0..3 at every station), so a
 * boat id alone is ambiguous; {@code scope} is the station that numbered it. Globally unique ids
 * (an MMSI, a native fix's {@code vessel}) use an empty scope. {@code numeric} remembers whether the
 * id arrived as a JSON number, so events echo {@code "boat_id": 3} and not {@code "boat_id": "3"}.
 */
public record VesselId(String scope, String id, boolean numeric) {

    public VesselId {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("vessel id must not be empty");
        }
    }

    /** A globally unique vessel id, such as an MMSI. */
    public static VesselId of(String id) {
        return new VesselId("", id, false);
    }

    /** A boat numbered by a station, as in the original {@code boat_id}. */
    public static VesselId scoped(String station, String id, boolean numeric) {
        return new VesselId(station, id, numeric);
    }

    /** A stable key, used for partitioning and for deterministic event ids. */
    public String key() {
        return scope.isEmpty() ? id : scope + '/' + id;
    }

    @Override
    public String toString() {
        return key();
    }
}
