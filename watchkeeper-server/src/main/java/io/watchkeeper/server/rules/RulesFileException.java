package io.watchkeeper.server.rules;

/**
 * A rules file that cannot be used. The message is one line that says where and what, like a
 * compiler's: {@code rules.yaml:12:9: unknown condition 'speedBelo'; known: speedBelow, ...}.
 */
public final class RulesFileException extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param line   1-based; 0 when the problem has no place in the file (it cannot be read)
     * @param column 1-based; 0 as for line
     */
    public RulesFileException(String file, int line, int column, String problem) {
        super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the place. */
    public String problem() {
        return problem;
    }
}
