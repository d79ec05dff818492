package io.watchkeeper.server.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import io.watchkeeper.server.rules.YamlTree.Key;
import io.watchkeeper.server.rules.YamlTree.Loc;
import io.watchkeeper.server.rules.YamlTree.Scalar;
import io.watchkeeper.server.rules.YamlTree.ScalarType;
import io.watchkeeper.server.rules.YamlTree.YList;
import io.watchkeeper.server.rules.YamlTree.YMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jetbrains.annotations.Nullable;

/** Reads YAML text into a {@link YamlTree} with Jackson's streaming parser, which reports token positions. */
final class YamlTreeReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String file;
    private final Errors errors;

    private YamlTreeReader(String file) {
        this.file = file;
        this.errors = new Errors(file);
    }

    /**
     * The document's root, or null for an empty one; YAML errors become {@link RulesFileException}s.
     * Jackson's MarkedYAMLException is deprecated, but it is the only way to SnakeYAML's problem mark (the
     * exact place of a syntax error) without using SnakeYAML, which is not a declared dependency.
     */
    @SuppressWarnings("deprecation")
    static @Nullable YamlTree read(String text, String file) {
        YamlTreeReader reader = new YamlTreeReader(file);
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                return null;
            }
            YamlTree root = reader.node((YAMLParser) p);
            if (p.nextToken() != null) {
                throw reader.error(loc(p), "only one YAML document is allowed (found a second '---')");
            }
            return root;
        } catch (MarkedYAMLException e) {
            throw reader.syntaxError(e);
        } catch (JsonProcessingException e) {
            throw new RulesFileException(file, line(e.getLocation()), column(e.getLocation()),
                    "YAML syntax: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new RulesFileException(file, 0, 0, "cannot read: " + e.getMessage()); // from a String: not expected
        }
    }

    private YamlTree node(YAMLParser p) throws IOException {
        Loc at = loc(p);
        if (p.isCurrentAlias()) {
            throw error(at, "YAML aliases (*" + p.getText() + ") are not supported here; write the value out");
        }
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> map(p, at);
            case START_ARRAY -> list(p, at);
            case VALUE_STRING -> new Scalar(ScalarType.STRING, p.getText(), at);
            case VALUE_NUMBER_INT -> new Scalar(ScalarType.INT, p.getText(), at);
            case VALUE_NUMBER_FLOAT -> new Scalar(ScalarType.FLOAT, p.getText(), at);
            case VALUE_TRUE, VALUE_FALSE -> new Scalar(ScalarType.BOOLEAN, p.getText(), at);
            case VALUE_NULL -> new Scalar(ScalarType.NULL, p.getText(), at);
            default -> throw error(at, "unexpected YAML content " + t);
        };
    }

    private YMap map(YAMLParser p, Loc at) throws IOException {
        Map<Key, YamlTree> entries = new LinkedHashMap<>();
        Map<String, Key> seen = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            Key key = new Key(p.currentName(), loc(p));
            if (seen.containsKey(key.name())) {
                Loc first = seen.get(key.name()).loc();
                throw error(key.loc(), "duplicate key '" + key.name() + "' (first at line " + first.line() + ")");
            }
            seen.put(key.name(), key);
            p.nextToken();
            entries.put(key, node(p));
        }
        return new YMap(entries, at);
    }

    private YList list(YAMLParser p, Loc at) throws IOException {
        List<YamlTree> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(p));
        }
        return new YList(items, at);
    }

    @SuppressWarnings("deprecation")
    private RulesFileException syntaxError(MarkedYAMLException e) {
        var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : oneLine(e.getOriginalMessage());
        String context = e.getContext() != null ? e.getContext() + ": " : "";
        if (mark == null) {
            return new RulesFileException(file, line(e.getLocation()), column(e.getLocation()),
                    "YAML syntax: " + context + problem);
        }
        return new RulesFileException(file, mark.getLine() + 1, mark.getColumn() + 1, "YAML syntax: " + context + problem);
    }

    private RulesFileException error(Loc at, String problem) {
        return errors.at(at, problem);
    }

    private static Loc loc(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new Loc(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static int line(@Nullable JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getLineNr());
    }

    private static int column(@Nullable JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getColumnNr());
    }

    private static String oneLine(String text) {
        return text.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("in '") && !s.equals("^"))
                .reduce((a, b) -> a + "; " + b).orElse(text);
    }
}
