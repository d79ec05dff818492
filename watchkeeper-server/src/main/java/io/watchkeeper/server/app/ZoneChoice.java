package io.watchkeeper.server.app;

import io.watchkeeper.core.zone.ZoneLookup;
import io.watchkeeper.server.config.ConfigException;
import java.util.List;

/** The zones the detectors look at, from {@code --zones} or {@code zones:}. */
public final class ZoneChoice {

    private ZoneChoice() {
    }

    /**
     * @param specs {@code builtin:NAME} or GeoJSON file paths
     * @throws ConfigException naming the spec that could not be loaded
     */
    public static ZoneLookup load(List<String> specs) {
        if (specs.isEmpty()) {
            return ZoneLookup.NONE;
        }
        throw new ConfigException("zones are not wired yet: " + specs);
    }
}
