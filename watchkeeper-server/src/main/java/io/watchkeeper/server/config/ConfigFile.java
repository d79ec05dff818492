package io.watchkeeper.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.watchkeeper.mqtt.client.BrokerAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jetbrains.annotations.Nullable;

/** Reads {@link WatchkeeperConfig} from YAML, turning every problem into one line that names the place. */
public final class ConfigFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigFile() {
    }

    /**
     * @throws ConfigException with a message like {@code watchkeeper.yaml line 3: unknown key 'brokr'}
     */
    public static WatchkeeperConfig load(Path file) {
        return parse(read(file), file.toString());
    }

    /**
     * The file's settings (defaults if {@code file} is null) with the {@code WATCHKEEPER_*} variables of
     * {@code env} laid over them: a variable beats the file's key, and the caller's flags and the original
     * system's variables beat both. Each variable is checked on its own first, so a bad value is one line that
     * names the variable: {@code WATCHKEEPER_ENGINE_WORKERS: expected a whole number, got 'many'}.
     *
     * @throws ConfigException for a bad file (as {@link #load(Path)}) or a bad or unknown variable
     */
    public static WatchkeeperConfig load(@Nullable Path file, Map<String, String> env, ConfigKeys keys) {
        String text = file == null ? "" : read(file);
        String name = file == null ? "defaults" : file.toString();
        WatchkeeperConfig fromFile = parse(text, name); // first, so that file errors keep their line numbers
        Map<ConfigKey, String> overrides = EnvOverrides.find(env, keys);
        if (overrides.isEmpty()) {
            return fromFile;
        }
        ObjectNode tree = tree(text, name);
        overrides.forEach((key, value) -> {
            JsonNode node = EnvOverrides.value(key, value);
            ObjectNode alone = YAML.createObjectNode();
            EnvOverrides.set(alone, key.path(), node);
            try {
                check(bind(alone), keys);
            } catch (ConfigException | IllegalArgumentException e) {
                throw new ConfigException(key.envName() + ": " + e.getMessage());
            }
            EnvOverrides.set(tree, key.path(), node);
        });
        return bind(tree);
    }

    /**
     * Checks what the loader leaves to later (durations, ranges, the broker address, detector settings), so that
     * it fails now, where the caller can say which setting it was.
     *
     * @throws ConfigException or {@link IllegalArgumentException} for the first bad value
     */
    static void check(WatchkeeperConfig c, ConfigKeys keys) {
        c.broker().maxPacketBytesOrDefault();
        if (c.broker().url() != null) {
            BrokerAddress.parse(c.broker().url());
        }
        c.engine().toEngineConfig();
        c.input().maxAheadOrDefault();
        c.motion().toSpeedProfile();
        c.store().retentionOrDefault();
        Integer port = c.http().port();
        if (port != null && (port < 0 || port > 65_535)) {
            throw new ConfigException("http.port must be 0..65535, got " + port);
        }
        JsonNode detectors = c.detectors();
        if (detectors != null && detectors.isObject()) {
            keys.detectors().forEach((name, defaults) -> {
                JsonNode block = detectors.get(name);
                JsonNode enabled = block == null ? null : block.get(ConfigKeys.ENABLED);
                if (enabled != null && !enabled.isBoolean()) {
                    throw new ConfigException("detectors." + name + ".enabled: expected true or false");
                }
                SettingsBinder.bind("detectors." + name, defaults, block, Set.of(ConfigKeys.ENABLED));
            });
        }
    }

    private static WatchkeeperConfig bind(ObjectNode tree) {
        try {
            return YAML.treeToValue(tree, WatchkeeperConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ConfigException(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
        }
    }

    private static ObjectNode tree(String text, String file) {
        if (text.isBlank()) {
            return YAML.createObjectNode();
        }
        try {
            JsonNode node = YAML.readTree(text);
            return node instanceof ObjectNode o ? o : YAML.createObjectNode();
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + where(e.getLocation()) + ": " + e.getOriginalMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * @param file the name that messages give the text, e.g. {@code watchkeeper.yaml}
     * @throws ConfigException as {@link #load}
     */
    static WatchkeeperConfig parse(String text, String file) {
        if (text.isBlank()) {
            return WatchkeeperConfig.DEFAULTS;
        }
        try {
            WatchkeeperConfig c = YAML.readValue(text, WatchkeeperConfig.class);
            return c != null ? c : WatchkeeperConfig.DEFAULTS;
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + lineOfKey(text, e.getPropertyName(), e.getLocation())
                    + ": unknown key '" + e.getPropertyName()
                    + "' (known here: " + e.getKnownPropertyIds() + ")");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + where(e.getLocation()) + ": " + e.getOriginalMessage());
        }
    }

    /**
     * Jackson reports where it noticed an unknown key, which for records can be the end of the enclosing
     * block; the line that holds the key is what a user needs.
     */
    private static String lineOfKey(String text, String key, JsonLocation fallback) {
        Pattern p = Pattern.compile("^\\s*(- )?" + Pattern.quote(key) + "\\s*:");
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return " line " + (i + 1);
            }
        }
        return where(fallback);
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " line " + at.getLineNr();
    }
}
