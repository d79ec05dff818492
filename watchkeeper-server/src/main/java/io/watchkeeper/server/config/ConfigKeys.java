package io.watchkeeper.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every key the configuration knows, read from the same places the loader binds: the {@link JsonCreator}
 * parameters of {@link WatchkeeperConfig} and its sections, and each detector's settings record (what
 * {@link SettingsBinder} binds under {@code detectors.<name>}, plus {@code enabled}). Environment overrides,
 * the example file and the reference docs are all checked against this list, so a new key cannot be
 * left out of them.
 */
public final class ConfigKeys {

    /** The key under {@code detectors.<name>} that turns a detector off. */
    public static final String ENABLED = "enabled";

    private final List<ConfigKey> keys;
    private final Map<String, Record> detectors;

    private ConfigKeys(List<ConfigKey> keys, Map<String, Record> detectors) {
        this.keys = List.copyOf(keys);
        this.detectors = detectors;
    }

    /**
     * @param detectorDefaults each detector's key under {@code detectors:} and its default settings, in order
     */
    public static ConfigKeys of(Map<String, ? extends Record> detectorDefaults) {
        Map<String, Record> detectors = new LinkedHashMap<>(detectorDefaults);
        List<ConfigKey> keys = new ArrayList<>();
        for (Parameter p : creator(WatchkeeperConfig.class).getParameters()) {
            String name = p.getAnnotation(JsonProperty.class).value();
            Class<?> type = p.getType();
            if (type == JsonNode.class) {
                detectors.forEach((detector, defaults) -> {
                    keys.add(new ConfigKey(name + "." + detector + "." + ENABLED, boolean.class));
                    for (RecordComponent c : defaults.getClass().getRecordComponents()) {
                        keys.add(new ConfigKey(name + "." + detector + "." + c.getName(), c.getGenericType()));
                    }
                });
            } else if (type.isRecord()) {
                for (Parameter q : creator(type).getParameters()) {
                    keys.add(new ConfigKey(name + "." + q.getAnnotation(JsonProperty.class).value(),
                            q.getParameterizedType()));
                }
            } else {
                keys.add(new ConfigKey(name, p.getParameterizedType()));
            }
        }
        return new ConfigKeys(keys, detectors);
    }

    public List<ConfigKey> all() {
        return keys;
    }

    /** The key whose {@link ConfigKey#envName()} this is. */
    public Optional<ConfigKey> byEnvName(String name) {
        return keys.stream().filter(k -> k.envName().equals(name)).findFirst();
    }

    /** Each detector's default settings, by its key under {@code detectors:}. */
    public Map<String, Record> detectors() {
        return detectors;
    }

    /** The top-level names ({@code broker}, {@code detectors}, {@code zones}, ...). */
    List<String> sections() {
        return keys.stream().map(k -> k.path().split("\\.")[0]).distinct().toList();
    }

    private static Constructor<?> creator(Class<?> type) {
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.isAnnotationPresent(JsonCreator.class)) {
                return c;
            }
        }
        throw new IllegalStateException(type.getName() + " has no @JsonCreator constructor");
    }
}
