package io.watchkeeper.core.fsm.legacy.internal;

import io.watchkeeper.core.fsm.legacy.TransitionDef;
import java.util.List;

/**
 * Writes a definition as Mermaid {@code stateDiagram-v2} text, which GitHub, GitLab and the
 * dashboard render without a plugin. Pure, so a diagram can be asserted line by line in a test.
 */
public final class MermaidRenderer {

    private static final String INDENT = "    ";

    private MermaidRenderer() {
    }

    public static String render(Enum<?> initial, List<? extends TransitionDef<?, ?, ?>> transitions) {
        StringBuilder out = new StringBuilder(64 + 48 * transitions.size());
        out.append("stateDiagram-v2\n");
        out.append(INDENT).append("[*] --> ").append(initial.name()).append('\n');
        for (TransitionDef<?, ?, ?> t : transitions) {
            out.append(INDENT).append(t.from().name()).append(" --> ").append(t.to().name())
                    .append(" : ").append(t.trigger().name());
            List<String> guards = t.guardNames();
            if (!guards.isEmpty()) {
                out.append(" [").append(String.join(", ", guards)).append(']');
            }
            if (t.internal()) {
                out.append(" (internal)");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
