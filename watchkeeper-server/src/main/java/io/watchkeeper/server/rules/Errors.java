package io.watchkeeper.server.rules;

import io.watchkeeper.server.rules.YamlTree.Loc;
import java.util.function.Supplier;

/** Makes {@link RulesFileException}s for one file, so every message names the same file. */
final class Errors {

    private final String file;

    Errors(String file) {
        this.file = file;
    }

    RulesFileException at(Loc loc, String problem) {
        return new RulesFileException(file, loc.line(), loc.column(), problem);
    }

    /** Runs a core constructor, turning its IllegalArgumentException into an error at {@code loc}. */
    <T> T check(Loc loc, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw at(loc, e.getMessage());
        }
    }
}
