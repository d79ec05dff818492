package io.watchkeeper.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

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
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
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
