package io.watchkeeper.server.config;

import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Objects;

/**
 * One key of the YAML configuration, such as {@code engine.queueCapacity} or {@code detectors.gap.atSea}, with
 * the Java type its value binds to.
 *
 * @param path the dotted path as written in YAML
 * @param type the type of the value ({@code Integer}, {@code Duration}, {@code List<String>}, ...)
 */
public record ConfigKey(String path, Type type) {

    /** Every override variable starts with this. */
    public static final String ENV_PREFIX = "WATCHKEEPER_";

    public ConfigKey {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }

    /**
     * The environment variable that overrides this key: {@code WATCHKEEPER_}, then each level of the path in
     * upper case with a {@code _} between levels and before each capital of a camelCase name
     * ({@code engine.queueCapacity} is {@code WATCHKEEPER_ENGINE_QUEUE_CAPACITY}, {@code detectors.gap.atSea}
     * is {@code WATCHKEEPER_DETECTORS_GAP_AT_SEA}).
     */
    public String envName() {
        StringBuilder out = new StringBuilder(ENV_PREFIX);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '-') {
                out.append('_');
            } else {
                if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(path.charAt(i - 1))) {
                    out.append('_');
                }
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
