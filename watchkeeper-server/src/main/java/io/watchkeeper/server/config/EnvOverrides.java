package io.watchkeeper.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code WATCHKEEPER_<KEY>} environment variables, one per configuration key ({@link ConfigKey#envName()}),
 * laid over the YAML file's keys. Values are typed by their key: whole numbers, numbers, {@code true} or
 * {@code false}, durations and names as text, and lists as comma-separated items
 * ({@code WATCHKEEPER_ZONES=builtin:wpi,ports.geojson}).
 *
 * <p>A variable that starts like a section ({@code WATCHKEEPER_ENGINE_...}) but names no key is an error, so a
 * typo is not silently ignored; other {@code WATCHKEEPER_} variables ({@code WATCHKEEPER_LOG_LEVEL},
 * {@code WATCHKEEPER_MQTT_PASSWORD}, ...) are not configuration keys and are left to their readers.
 */
final class EnvOverrides {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EnvOverrides() {
    }

    /**
     * The configuration keys {@code env} sets, with their text, sorted by variable name.
     *
     * @throws ConfigException naming a variable that looks like a key but is none
     */
    static Map<ConfigKey, String> find(Map<String, String> env, ConfigKeys keys) {
        Map<ConfigKey, String> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(ConfigKey.ENV_PREFIX)) {
                continue;
            }
            var key = keys.byEnvName(name);
            if (key.isPresent()) {
                found.put(key.get(), e.getValue());
            } else {
                for (String section : keys.sections()) {
                    String prefix = new ConfigKey(section, Object.class).envName() + "_";
                    if (name.startsWith(prefix)) {
                        throw new ConfigException(name + ": no such setting; the " + prefix + "* variables are "
                                + keys.all().stream().map(ConfigKey::envName).filter(n -> n.startsWith(prefix)).toList());
                    }
                }
            }
        }
        return found;
    }

    /**
     * The value of {@code text} for {@code key}, as YAML would have given it.
     *
     * @throws ConfigException naming {@code key}'s variable when the text is not of the key's type
     */
    static JsonNode value(ConfigKey key, String text) {
        try {
            return typed(key.type(), text.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key.envName() + ": " + e.getMessage());
        }
    }

    /** Sets {@code value} at {@code path} in {@code tree}, making (or replacing null with) the mappings on the way. */
    static void set(ObjectNode tree, String path, JsonNode value) {
        String[] levels = path.split("\\.");
        ObjectNode at = tree;
        for (int i = 0; i < levels.length - 1; i++) {
            JsonNode next = at.get(levels[i]);
            if (next == null || !next.isObject()) {
                next = at.putObject(levels[i]);
            }
            at = (ObjectNode) next;
        }
        at.set(levels[levels.length - 1], value);
    }

    private static JsonNode typed(Type type, String text) {
        if (type instanceof ParameterizedType p) {
            ArrayNode items = NODES.arrayNode();
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    items.add(typed(p.getActualTypeArguments()[0], item.strip()));
                }
            }
            return items;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            try {
                return NODES.numberNode(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number, got '" + text + "'");
            }
        }
        if (type == Double.class || type == double.class) {
            try {
                return NODES.numberNode(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number, got '" + text + "'");
            }
        }
        if (type == Boolean.class || type == boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("expected true or false, got '" + text + "'");
            }
            return NODES.booleanNode(Boolean.parseBoolean(text));
        }
        return NODES.textNode(text);
    }
}
