package io.watchkeeper.server.app;

import io.watchkeeper.core.zone.ZoneIndex;
import io.watchkeeper.core.zone.ZoneLookup;
import io.watchkeeper.server.config.ConfigException;
import io.watchkeeper.server.zones.ZoneFileException;
import io.watchkeeper.server.zones.ZoneSets;
import java.util.List;

/** The zones the detectors look at, from {@code --zones} or {@code zones:}. */
public final class ZoneChoice {

    private ZoneChoice() {
    }

    /**
     * @param specs        {@code builtin:NAME} or GeoJSON file paths (each may be a comma-separated list)
     * @param marginMetres how far outside a zone a hit is still reported: the largest exit distance
     *                     of any detector that reads zones
     * @throws ConfigException naming the spec and the problem
     */
    public static ZoneLookup load(List<String> specs, double marginMetres) {
        if (specs.isEmpty()) {
            return ZoneLookup.NONE;
        }
        String joined = String.join(",", specs);
        try {
            return ZoneIndex.of(ZoneSets.load(joined), marginMetres);
        } catch (ZoneFileException e) {
            throw new ConfigException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("zones " + joined + ": " + e.getMessage());
        }
    }
}
