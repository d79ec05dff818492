package io.watchkeeper.server.zones;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchkeeper.core.zone.Zone;
import io.watchkeeper.core.zone.ZoneKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads zones from a GeoJSON FeatureCollection (RFC 7946), plain or gzip (recognised by its magic bytes).
 *
 * <p>Feature properties understood (all optional; any others are ignored):
 * <ul>
 *   <li>{@code id}: the zone id (string or integer); else the feature's own {@code id}; else
 *       {@code <source>#<index>}. Ids must be unique in the file.</li>
 *   <li>{@code name}: human name; defaults to the id.</li>
 *   <li>{@code kind}: {@code port | berth | anchorage | pilot_boarding | speed_limit | other}; defaults to
 *       the kind passed in.</li>
 *   <li>{@code radius_m}: for Point features only, the radius in metres that makes the point an area;
 *       defaults to the radius passed in.</li>
 *   <li>{@code speed_limit_kn}: the limit in knots; required for, and only allowed on, {@code speed_limit}
 *       zones.</li>
 * </ul>
 * Geometries: Polygon, MultiPolygon (holes allowed) and Point, in WGS84 longitude, latitude order. A
 * polygon that crosses ±180° must be split in two (RFC 7946 §3.1.9). Anything else is rejected with one
 * {@link ZoneFileException} naming the file, the feature and the problem.
 */
public final class ZoneGeoJson {

    /** Radius for Point features without {@code radius_m}: GFW's 3 km port-entry distance (DESIGN.md §6). */
    public static final double DEFAULT_POINT_RADIUS_METRES = 3000.0;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ZoneGeoJson() {
    }

    /** Reads a file with default kind {@code port} and {@link #DEFAULT_POINT_RADIUS_METRES}. */
    public static List<Zone> read(Path file) {
        return read(file, ZoneKind.PORT, DEFAULT_POINT_RADIUS_METRES);
    }

    public static List<Zone> read(Path file, ZoneKind defaultKind, double defaultRadiusMetres) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), defaultKind, defaultRadiusMetres);
        } catch (NoSuchFileException e) {
            throw new ZoneFileException(file + ": no such zones file", e);
        } catch (IOException e) {
            throw new ZoneFileException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stream (not closed here).
     *
     * @param sourceName names the input in error messages and in {@link Zone#source()}
     */
    public static List<Zone> read(InputStream in, String sourceName, ZoneKind defaultKind, double defaultRadiusMetres) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(defaultKind, "defaultKind");
        if (!(defaultRadiusMetres >= 0) || Double.isInfinite(defaultRadiusMetres)) {
            throw new IllegalArgumentException("defaultRadiusMetres must be finite and >= 0, was " + defaultRadiusMetres);
        }
        FeatureReader features = new FeatureReader(sourceName, defaultKind, defaultRadiusMetres);
        try (JsonParser parser = MAPPER.createParser(ungzipped(in))) {
            return readCollection(parser, features, sourceName);
        } catch (JsonParseException e) {
            throw new ZoneFileException(sourceName + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ZoneFileException(sourceName + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static List<Zone> readCollection(JsonParser parser, FeatureReader features, String source)
            throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new ZoneFileException(source + ": expected a GeoJSON FeatureCollection object");
        }
        String type = null;
        List<Zone> zones = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("type".equals(field)) {
                type = parser.getValueAsString();
            } else if ("features".equals(field) && value == JsonToken.START_ARRAY) {
                zones = readFeatures(parser, features);
            } else {
                parser.skipChildren();
            }
        }
        if (!"FeatureCollection".equals(type)) {
            throw new ZoneFileException(source + ": expected a GeoJSON FeatureCollection, found type " + type);
        }
        if (zones == null) {
            throw new ZoneFileException(source + ": FeatureCollection has no \"features\" array");
        }
        return List.copyOf(zones);
    }

    private static List<Zone> readFeatures(JsonParser parser, FeatureReader features) throws IOException {
        List<Zone> zones = new ArrayList<>();
        Map<String, Integer> indexById = new HashMap<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode node = parser.readValueAsTree();
            Zone zone = features.zone(index, node);
            Integer before = indexById.putIfAbsent(zone.id(), index);
            if (before != null) {
                throw features.error(index, zone.id(), "duplicate id, also used by feature " + before);
            }
            zones.add(zone);
            index++;
        }
        return zones;
    }

    private static InputStream ungzipped(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 65_536);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        return gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 65_536), 65_536) : buffered;
    }
}
