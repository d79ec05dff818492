package io.watchkeeper.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A structural check of a JSON value against a schema of an OpenAPI 3.1 document: {@code $ref} (within the
 * document), {@code type} (one or a list, {@code "null"} among them), {@code enum}, {@code required},
 * {@code properties}, {@code additionalProperties} ({@code false} or a schema) and {@code items}. Other keywords
 * (descriptions, formats, ranges) are not checked. Written here rather than taking a validator library: these
 * keywords are all the document uses, and about eighty lines cover them.
 */
final class SchemaCheck {

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** Every way {@code value} breaks {@code schema}, as {@code /path: problem}; empty when it fits. */
    List<String> problems(JsonNode value, JsonNode schema) {
        List<String> out = new ArrayList<>();
        check(value, schema, "", out);
        return out;
    }

    /** The node a local {@code $ref} such as {@code #/components/schemas/Vessel} points to. */
    JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are supported: " + ref);
            }
            node = document.at(ref.substring(1));
            if (node.isMissingNode()) {
                throw new IllegalArgumentException("dangling reference " + ref);
            }
        }
        return node;
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> out) {
        schema = resolve(schema);
        JsonNode type = schema.get("type");
        if (type != null) {
            List<String> types = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else {
                types.add(type.asText());
            }
            if (value.isNull() && types.contains("null")) {
                return;
            }
            if (types.stream().noneMatch(t -> is(value, t))) {
                out.add(at + ": expected " + types + ", got " + value.getNodeType());
                return;
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode e : schema.get("enum")) {
                listed |= e.equals(value);
            }
            if (!listed) {
                out.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            object(value, schema, at, out);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), at + "/" + i, out);
            }
        }
    }

    private void object(JsonNode value, JsonNode schema, String at, List<String> out) {
        if (schema.has("required")) {
            for (JsonNode name : schema.get("required")) {
                if (!value.has(name.asText())) {
                    out.add(at + ": missing required '" + name.asText() + "'");
                }
            }
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String where = at + "/" + field.getKey();
            if (properties != null && properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), where, out);
            } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                out.add(where + ": not in the schema");
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, where, out);
            }
        }
    }

    private static boolean is(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }
}
