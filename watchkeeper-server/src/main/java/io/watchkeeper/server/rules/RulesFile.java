package io.watchkeeper.server.rules;

import io.watchkeeper.core.detect.rule.Condition;
import io.watchkeeper.core.detect.rule.RuleMachine;
import io.watchkeeper.core.detect.rule.RuleTransition;
import io.watchkeeper.server.rules.YamlTree.Key;
import io.watchkeeper.server.rules.YamlTree.Loc;
import io.watchkeeper.server.rules.YamlTree.Scalar;
import io.watchkeeper.server.rules.YamlTree.ScalarType;
import io.watchkeeper.server.rules.YamlTree.YList;
import io.watchkeeper.server.rules.YamlTree.YMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jetbrains.annotations.Nullable;

/**
 * Reads user-defined state machines from a YAML rules file (format: docs/rules.md). Everything is
 * checked before anything runs: the first problem stops the load with a {@link RulesFileException}
 * whose one-line message names the file, line and column.
 */
public final class RulesFile {

    private static final Set<String> TOP_KEYS = Set.of("machines");
    private static final Set<String> MACHINE_KEYS = Set.of("name", "states", "initial", "transitions");
    private static final Set<String> TRANSITION_KEYS = Set.of("from", "to", "when", "unless", "event");

    private final Errors errors;
    private final ConditionReader conditions;

    private RulesFile(String file) {
        this.errors = new Errors(file);
        this.conditions = new ConditionReader(errors);
    }

    /**
     * The machines a rules file defines, in file order, each compiled and ready for
     * {@link io.watchkeeper.core.detect.rule.RuleDetector}.
     *
     * @throws RulesFileException if the file cannot be read or is not a valid rules file
     */
    public static List<RuleMachine> load(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new RulesFileException(file.toString(), 0, 0, "no such file");
        } catch (IOException e) {
            throw new RulesFileException(file.toString(), 0, 0, "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** As {@link #load}, from text; {@code fileName} is what messages call it. */
    public static List<RuleMachine> parse(String text, String fileName) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fileName, "fileName");
        return new RulesFile(fileName).machines(YamlTreeReader.read(text, fileName));
    }

    private List<RuleMachine> machines(@Nullable YamlTree root) {
        if (root == null) {
            throw errors.at(new Loc(1, 1), "no machines: the file is empty; see docs/rules.md");
        }
        Map<String, YamlTree> top = fields(root, "the file", TOP_KEYS);
        YList list = listOf(require(top, "machines", root), "machines");
        if (list.items().isEmpty()) {
            throw errors.at(list.loc(), "machines: the list is empty");
        }
        List<RuleMachine> out = new ArrayList<>();
        Map<String, Loc> names = new HashMap<>();
        for (YamlTree item : list.items()) {
            RuleMachine m = machine(item);
            Loc first = names.putIfAbsent(m.name(), item.loc());
            if (first != null) {
                throw errors.at(fields(item, "a machine", MACHINE_KEYS).get("name").loc(),
                        "duplicate machine name '" + m.name() + "' (first at line " + first.line() + ")");
            }
            out.add(m);
        }
        return List.copyOf(out);
    }

    private RuleMachine machine(YamlTree node) {
        Map<String, YamlTree> f = fields(node, "a machine", MACHINE_KEYS);
        YamlTree nameNode = require(f, "name", node);
        String name = text(nameNode, "name");
        if (!RuleMachine.NAME.matcher(name).matches()) {
            throw errors.at(nameNode.loc(), "machine name '" + name + "' must match " + RuleMachine.NAME.pattern()
                    + " (lower case, digits, '-', '_')");
        }
        List<String> states = states(require(f, "states", node));
        YamlTree initialNode = require(f, "initial", node);
        String initial = knownState(initialNode, "initial", states);
        YList transitionList = listOf(require(f, "transitions", node), "transitions");
        List<RuleTransition> transitions = new ArrayList<>();
        for (YamlTree t : transitionList.items()) {
            transitions.add(transition(t, states));
        }
        return errors.check(nameNode.loc(), () -> RuleMachine.of(name, states, initial, transitions));
    }

    private List<String> states(YamlTree node) {
        YList list = listOf(node, "states");
        if (list.items().isEmpty()) {
            throw errors.at(list.loc(), "states: the list is empty");
        }
        Map<String, Loc> seen = new LinkedHashMap<>();
        for (YamlTree item : list.items()) {
            String s = text(item, "states");
            if (!RuleMachine.STATE.matcher(s).matches()) {
                throw errors.at(item.loc(), "state name '" + s + "' must match " + RuleMachine.STATE.pattern()
                        + " (lower case, digits, '_')");
            }
            Loc first = seen.putIfAbsent(s, item.loc());
            if (first != null) {
                throw errors.at(item.loc(), "duplicate state '" + s + "' (first at line " + first.line() + ")");
            }
        }
        return List.copyOf(seen.keySet());
    }

    private RuleTransition transition(YamlTree node, List<String> states) {
        Map<String, YamlTree> f = fields(node, "a transition", TRANSITION_KEYS);
        List<String> from = from(require(f, "from", node), states);
        String to = knownState(require(f, "to", node), "to", states);
        List<Condition> when = f.containsKey("when") ? conditions.list(f.get("when"), "when") : List.of();
        List<Condition> unless = f.containsKey("unless") ? conditions.list(f.get("unless"), "unless") : List.of();
        String event = null;
        if (f.containsKey("event")) {
            YamlTree e = f.get("event");
            event = text(e, "event");
            if (!RuleMachine.EVENT_TYPE.matcher(event).matches()) {
                throw errors.at(e.loc(), "event type '" + event + "' must match [A-Z0-9_]+ (it is a topic level)");
            }
        }
        String eventType = event;
        return errors.check(node.loc(), () -> new RuleTransition(from, to, when, unless, eventType));
    }

    private List<String> from(YamlTree node, List<String> states) {
        if (node instanceof Scalar s && s.type() == ScalarType.STRING && s.text().equals(RuleTransition.ANY)) {
            return List.of(RuleTransition.ANY);
        }
        List<YamlTree> items = node instanceof YList l ? l.items() : List.of(node);
        if (items.isEmpty()) {
            throw errors.at(node.loc(), "from: the list is empty");
        }
        List<String> out = new ArrayList<>();
        for (YamlTree item : items) {
            if (item instanceof Scalar s && RuleTransition.ANY.equals(s.text())) {
                throw errors.at(item.loc(), "from: '*' must stand alone, not in a list");
            }
            out.add(knownState(item, "from", states));
        }
        return out;
    }

    private String knownState(YamlTree node, String field, List<String> states) {
        String s = text(node, field);
        if (!states.contains(s)) {
            throw errors.at(node.loc(), field + ": unknown state '" + s + "'; states are " + String.join(", ", states));
        }
        return s;
    }

    /** A map's entries by key name, refusing keys outside {@code known}. */
    private Map<String, YamlTree> fields(YamlTree node, String what, Set<String> known) {
        if (!(node instanceof YMap map)) {
            throw errors.at(node.loc(), "expected " + what + " (a map with " + sorted(known) + "), found " + node.kind());
        }
        Map<String, YamlTree> out = new HashMap<>();
        for (Map.Entry<Key, YamlTree> e : map.entries().entrySet()) {
            Key key = e.getKey();
            if (!known.contains(key.name())) {
                throw errors.at(key.loc(), "unknown key '" + key.name() + "' in " + what + "; known: " + sorted(known));
            }
            out.put(key.name(), e.getValue());
        }
        return out;
    }

    private YamlTree require(Map<String, YamlTree> fields, String key, YamlTree owner) {
        YamlTree v = fields.get(key);
        if (v == null) {
            throw errors.at(owner.loc(), "missing '" + key + "'");
        }
        return v;
    }

    private YList listOf(YamlTree node, String field) {
        if (node instanceof YList l) {
            return l;
        }
        throw errors.at(node.loc(), field + ": expected a list, found " + node.kind());
    }

    private String text(YamlTree node, String field) {
        if (node instanceof Scalar s && s.type() == ScalarType.STRING) {
            return s.text();
        }
        throw errors.at(node.loc(), field + ": expected a name, found " + node.kind());
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }
}
