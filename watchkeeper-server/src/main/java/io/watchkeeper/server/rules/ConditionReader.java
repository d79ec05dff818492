package io.watchkeeper.server.rules;

import io.watchkeeper.core.detect.rule.Condition;
import io.watchkeeper.core.zone.ZoneKind;
import io.watchkeeper.server.rules.YamlTree.Key;
import io.watchkeeper.server.rules.YamlTree.Scalar;
import io.watchkeeper.server.rules.YamlTree.ScalarType;
import io.watchkeeper.server.rules.YamlTree.YList;
import io.watchkeeper.server.rules.YamlTree.YMap;
import io.watchkeeper.server.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetbrains.annotations.Nullable;

/** Turns one {@code {name: value}} map of a rules file into a {@link Condition}, or says what is wrong and where. */
final class ConditionReader {

    /** The condition names, in the order docs/rules.md lists them. */
    static final List<String> KNOWN = List.of("speedBelow", "speedAbove", "inZone", "inZoneKind", "shipType",
            "navStatus", "courseHeadingDiffAbove", "timeInState", "silentFor", "not");

    private static final Pattern TYPE_RANGE = Pattern.compile("(\\d{1,3})\\s*-\\s*(\\d{1,3})");

    private final Errors errors;

    ConditionReader(Errors errors) {
        this.errors = errors;
    }

    /** A list of conditions; a single condition map is accepted as a list of one. */
    List<Condition> list(YamlTree node, String field) {
        List<YamlTree> items = node instanceof YList l ? l.items() : List.of(node);
        List<Condition> out = new ArrayList<>(items.size());
        for (YamlTree item : items) {
            out.add(condition(item, field));
        }
        return out;
    }

    Condition condition(YamlTree node, String field) {
        if (!(node instanceof YMap map) || map.entries().size() != 1) {
            throw errors.at(node.loc(), field + ": each condition is a map of one entry like {speedBelow: 3}, found "
                    + (node instanceof YMap m ? "a map of " + m.entries().size() + " entries" : node.kind()));
        }
        Map.Entry<Key, YamlTree> e = map.entries().entrySet().iterator().next();
        Key key = e.getKey();
        YamlTree value = e.getValue();
        try {
            return switch (key.name()) {
                case "speedBelow" -> new Condition.SpeedBelow(number(value, key, "knots"));
                case "speedAbove" -> new Condition.SpeedAbove(number(value, key, "knots"));
                case "inZone" -> new Condition.InZone(text(value, key, "a zone id"));
                case "inZoneKind" -> new Condition.InZoneKind(zoneKind(value, key));
                case "shipType" -> new Condition.ShipTypeIn(typeRanges(value, key));
                case "navStatus" -> new Condition.NavStatusIn(navStatuses(value, key));
                case "courseHeadingDiffAbove" -> new Condition.CourseHeadingDiffAbove(number(value, key, "degrees"));
                case "timeInState" -> new Condition.TimeInState(duration(value, key));
                case "silentFor" -> new Condition.SilentFor(duration(value, key));
                case "not" -> new Condition.Not(condition(value, "not"));
                default -> throw errors.at(key.loc(), "unknown condition '" + key.name() + "'; known: "
                        + String.join(", ", KNOWN));
            };
        } catch (IllegalArgumentException ex) {
            throw errors.at(value.loc(), ex.getMessage()); // a range check of the core record
        }
    }

    private double number(YamlTree value, Key key, String unit) {
        if (value instanceof Scalar s && (s.type() == ScalarType.INT || s.type() == ScalarType.FLOAT)) {
            return Double.parseDouble(s.text());
        }
        throw errors.at(value.loc(), key.name() + ": expected a number (" + unit + "), found " + value.kind());
    }

    private String text(YamlTree value, Key key, String what) {
        if (value instanceof Scalar s && (s.type() == ScalarType.STRING || s.type() == ScalarType.INT)) {
            return s.text();
        }
        throw errors.at(value.loc(), key.name() + ": expected " + what + ", found " + value.kind());
    }

    private ZoneKind zoneKind(YamlTree value, Key key) {
        return ZoneKind.parse(text(value, key, "a zone kind"));
    }

    private List<YamlTree> oneOrMany(YamlTree value) {
        return value instanceof YList l ? l.items() : List.of(value);
    }

    private List<Condition.TypeRange> typeRanges(YamlTree value, Key key) {
        List<Condition.TypeRange> out = new ArrayList<>();
        for (YamlTree item : oneOrMany(value)) {
            out.add(typeRange(item, key));
        }
        return out;
    }

    private Condition.TypeRange typeRange(YamlTree item, Key key) {
        if (item instanceof Scalar s && s.type() == ScalarType.INT) {
            return Condition.TypeRange.of(Integer.parseInt(s.text()));
        }
        if (item instanceof Scalar s && s.type() == ScalarType.STRING) {
            if (s.text().equalsIgnoreCase("tug")) {
                return Condition.TypeRange.TUG;
            }
            Matcher m = TYPE_RANGE.matcher(s.text().strip());
            if (m.matches()) {
                return errors.check(item.loc(),
                        () -> new Condition.TypeRange(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
        }
        throw errors.at(item.loc(), key.name() + ": expected a ship type code 0..99, a range like 70-79 or 'tug', found "
                + item.kind());
    }

    private List<Integer> navStatuses(YamlTree value, Key key) {
        List<Integer> out = new ArrayList<>();
        for (YamlTree item : oneOrMany(value)) {
            if (!(item instanceof Scalar s && s.type() == ScalarType.INT)) {
                throw errors.at(item.loc(), key.name() + ": expected a status code 0..15, found " + item.kind());
            }
            int code = Integer.parseInt(s.text());
            if (code < 0 || code > 15) {
                throw errors.at(item.loc(), key.name() + ": status codes lie within 0..15, found " + code);
            }
            out.add(code);
        }
        return out;
    }

    private Duration duration(YamlTree value, Key key) {
        if (value instanceof Scalar s && s.type() == ScalarType.STRING) {
            try {
                return Durations.parse(s.text());
            } catch (IllegalArgumentException e) {
                // reported below with the place and the accepted forms
            }
        }
        throw errors.at(value.loc(), key.name() + ": bad duration " + value.kind()
                + "; write e.g. 30s, 5m, 2h, 1d or PT2H");
    }
}
