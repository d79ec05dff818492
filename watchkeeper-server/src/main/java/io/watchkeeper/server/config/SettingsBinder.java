package io.watchkeeper.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jetbrains.annotations.Nullable;

/**
 * Overlays a YAML block on a detector's settings record: every key names a record component, every
 * component not named keeps its default, and the record's own constructor validates the result.
 * One binder serves every detector, so a new detector's settings are configurable the moment its
 * record exists, and the docs can list them from the same components.
 */
public final class SettingsBinder {

    private SettingsBinder() {
    }

    /**
     * @param path     where the block sits, for messages ({@code detectors.gap})
     * @param defaults the record with every default
     * @param block    the YAML mapping, or null for "all defaults"
     * @throws ConfigException naming the path, the key and the problem
     */
    public static <R extends Record> R bind(String path, R defaults, @Nullable JsonNode block, Set<String> ignored) {
        if (block == null || block.isNull()) {
            return defaults;
        }
        if (!block.isObject()) {
            throw new ConfigException(path + ": expected a mapping of settings, got " + block.getNodeType());
        }
        RecordComponent[] components = defaults.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = read(components[i], defaults);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = block.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (ignored.contains(field.getKey())) {
                continue;
            }
            int i = indexOf(components, field.getKey());
            if (i < 0) {
                throw new ConfigException(path + ": unknown setting '" + field.getKey() + "' (known here: "
                        + names(components) + ")");
            }
            values[i] = convert(path + "." + field.getKey(), components[i].getGenericType(), field.getValue());
        }
        return construct(path, defaults, components, values);
    }

    /** Each component's name and its default as YAML would say it, for docs and {@code --help}. */
    public static List<String> describe(Record defaults) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : defaults.getClass().getRecordComponents()) {
            Object v = read(c, defaults);
            out.add(c.getName() + ": " + yamlText(v));
        }
        return out;
    }

    /** A default as a user would write it: {@code 6h}, {@code 0.5}, {@code [anchorage, port]} (sorted). */
    private static String yamlText(Object v) {
        if (v instanceof Duration d) {
            return Durations.format(d);
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(SettingsBinder::yamlText).sorted().toList().toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (v instanceof Double x && x == Math.rint(x) && !Double.isInfinite(x)) {
            return String.valueOf(x.longValue());
        }
        return String.valueOf(v);
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
        }
    }

    private static int indexOf(RecordComponent[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> names(RecordComponent[] components) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : components) {
            names.add(c.getName());
        }
        return names;
    }

    private static Object convert(String path, Type type, JsonNode v) {
        try {
            if (type == double.class || type == Double.class) {
                return number(v).doubleValue();
            }
            if (type == int.class || type == Integer.class) {
                return Math.toIntExact(wholeNumber(v));
            }
            if (type == long.class || type == Long.class) {
                return wholeNumber(v);
            }
            if (type == boolean.class || type == Boolean.class) {
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException("expected true or false");
                }
                return v.booleanValue();
            }
            if (type == Duration.class) {
                return v.isNumber() ? Duration.ofMillis(Math.round(v.doubleValue() * 1000)) : Durations.parse(v.asText());
            }
            if (type == String.class) {
                return text(v);
            }
            if (type instanceof Class<?> cls && cls.isEnum()) {
                return enumValue(cls, text(v));
            }
            if (type instanceof ParameterizedType p && (p.getRawType() == Set.class || p.getRawType() == List.class)) {
                return collection(path, p, v);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ConfigException(path + ": " + e.getMessage());
        }
        throw new IllegalStateException(path + ": settings of type " + type + " are not supported by the binder");
    }

    private static Object collection(String path, ParameterizedType p, JsonNode v) {
        Type element = p.getActualTypeArguments()[0];
        List<Object> items = new ArrayList<>();
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                items.add(convert(path + "[" + i + "]", element, v.get(i)));
            }
        } else {
            items.add(convert(path, element, v));
        }
        return p.getRawType() == Set.class ? Set.copyOf(new LinkedHashSet<>(items)) : List.copyOf(items);
    }

    private static Number number(JsonNode v) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException("expected a number, got '" + v.asText() + "'");
        }
        return v.numberValue();
    }

    private static long wholeNumber(JsonNode v) {
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException("expected a whole number, got '" + v.asText() + "'");
        }
        return v.longValue();
    }

    private static String text(JsonNode v) {
        if (!v.isValueNode() || v.isNull()) {
            throw new IllegalArgumentException("expected a value, got " + v.getNodeType());
        }
        return v.asText();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> cls, String text) {
        String key = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (Object c : cls.getEnumConstants()) {
            if (((Enum) c).name().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + List.of(cls.getEnumConstants()));
    }

    private static <R extends Record> R construct(String path, R defaults, RecordComponent[] components,
                                                  Object[] values) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            @SuppressWarnings("unchecked")
            Constructor<R> ctor = (Constructor<R>) defaults.getClass().getDeclaredConstructor(types);
            return ctor.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
                throw new ConfigException(path + ": " + cause.getMessage());
            }
            throw new IllegalStateException(path + ": settings constructor failed", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(path + ": cannot construct " + defaults.getClass().getName(), e);
        }
    }
}
