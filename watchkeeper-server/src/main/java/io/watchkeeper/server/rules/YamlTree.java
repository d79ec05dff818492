package io.watchkeeper.server.rules;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as plain maps, lists and scalars that remember where they were written: Jackson's
 * own tree model drops positions, and a rules error must name its line and column.
 */
sealed interface YamlTree {

    /** 1-based line and column of a node's first character. */
    record Loc(int line, int column) {
    }

    Loc loc();

    /** What the node is, in words for messages: "text", "a number", "a list", "a map", "nothing". */
    String kind();

    /** A key of a map, with where the key itself was written (for "unknown key" messages). */
    record Key(String name, Loc loc) {
    }

    record YMap(Map<Key, YamlTree> entries, Loc loc) implements YamlTree {
        @Override
        public String kind() {
            return "a map";
        }
    }

    record YList(List<YamlTree> items, Loc loc) implements YamlTree {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * @param type one of STRING, INT, FLOAT, BOOLEAN, NULL
     */
    record Scalar(ScalarType type, String text, Loc loc) implements YamlTree {
        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "text '" + text + "'";
                case INT, FLOAT -> "the number " + text;
                case BOOLEAN -> "the boolean " + text;
                case NULL -> "nothing";
            };
        }
    }

    enum ScalarType { STRING, INT, FLOAT, BOOLEAN, NULL }
}
