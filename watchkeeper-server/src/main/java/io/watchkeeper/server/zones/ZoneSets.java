package io.watchkeeper.server.zones;

import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Zone sets by name: the built-in ones shipped in the jar ({@code builtin:wpi}, {@code builtin:amsa},
 * {@code builtin:gfw-anchorages}; see docs/zones.md for sources, licences and radii) and GeoJSON files.
 */
public final class ZoneSets {

    /** Prefix of a built-in set in a spec. */
    public static final String BUILTIN_PREFIX = "builtin:";

    /** The built-in sets, each a gzip GeoJSON resource under {@code /zones/} built by tools/zones/. */
    public static final List<String> BUILTIN_NAMES = List.of("wpi", "amsa", "gfw-anchorages");

    private ZoneSets() {
    }

    /** One built-in set by its bare name ({@code amsa}), in file order. */
    public static List<Zone> builtin(String name) {
        Objects.requireNonNull(name, "name");
        if (!BUILTIN_NAMES.contains(name)) {
            throw new ZoneFileException("unknown built-in zone set '" + name + "'; known: "
                    + String.join(", ", BUILTIN_NAMES));
        }
        String resource = "/zones/" + name + ".geojson.gz";
        try (InputStream in = ZoneSets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in zone set resource " + resource + " is missing from the jar");
            }
            return ZoneGeoJson.read(in, BUILTIN_PREFIX + name, ZoneKind.PORT, ZoneGeoJson.DEFAULT_POINT_RADIUS_METRES);
        } catch (IOException e) {
            throw new ZoneFileException(BUILTIN_PREFIX + name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a comma-separated list of {@code builtin:NAME} and GeoJSON file paths (plain or gzip), e.g.
     * {@code builtin:amsa,zones/solent.geojson}. Files use default kind {@code port} and a
     * {@link ZoneGeoJson#DEFAULT_POINT_RADIUS_METRES} radius for points without one.
     *
     * @throws ZoneFileException on an unknown set, an unreadable or invalid file, or an id used twice
     */
    public static List<Zone> load(String spec) {
        Objects.requireNonNull(spec, "spec");
        List<Zone> zones = new ArrayList<>();
        Map<String, Zone> byId = new HashMap<>();
        for (String part : spec.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                throw new ZoneFileException("zone set spec '" + spec + "' has an empty entry");
            }
            List<Zone> set = item.startsWith(BUILTIN_PREFIX)
                    ? builtin(item.substring(BUILTIN_PREFIX.length()))
                    : ZoneGeoJson.read(Path.of(item));
            for (Zone z : set) {
                Zone before = byId.putIfAbsent(z.id(), z);
                if (before != null) {
                    throw new ZoneFileException("zone id '" + z.id() + "' is in both " + before.source() + " and "
                            + z.source() + "; zone ids must be unique across the sets loaded together");
                }
                zones.add(z);
            }
        }
        return List.copyOf(zones);
    }
}
