package io.watchkeeper.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds imports a module must not have, by reading its sources (shared by each module's boundary test). */
public final class ImportRules {

    private ImportRules() {
    }

    /** Every {@code import} line under {@code src/main/java} whose imported name starts with one of {@code prefixes}. */
    public static List<String> violations(String... prefixes) {
        StringBuilder alternatives = new StringBuilder();
        for (String p : prefixes) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(p));
        }
        Pattern forbidden = Pattern.compile("^import\\s+(static\\s+)?(" + alternatives + ")\\b", Pattern.MULTILINE);
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> forbidden.matcher(read(p)).results().map(m -> p + ": " + m.group()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
