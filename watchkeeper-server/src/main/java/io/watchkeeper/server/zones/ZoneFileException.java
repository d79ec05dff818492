package io.watchkeeper.server.zones;

/**
 * A zone file or zone-set spec that cannot be used. The message is complete and meant for the operator:
 * it names the file, the feature (index and id) and the problem, e.g.
 * {@code zones.geojson: feature 12 (id 'x'): Polygon ring 0 has 3 positions, needs at least 4}.
 */
public final class ZoneFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ZoneFileException(String message) {
        super(message);
    }

    public ZoneFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
