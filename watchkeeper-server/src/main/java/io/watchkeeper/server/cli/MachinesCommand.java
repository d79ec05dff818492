package io.watchkeeper.server.cli;

import io.watchkeeper.core.detect.rule.RuleMachine;
import io.watchkeeper.server.app.DetectorSuite;
import io.watchkeeper.server.config.WatchkeeperConfig;
import io.watchkeeper.core.fsm.Machine;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** Shows the state machines the detectors run. */
@Command(name = "machines", mixinStandardHelpOptions = true,
        description = {"Lists the detectors' state machines: states and transitions.",
                "With --mermaid, prints Mermaid stateDiagram text (paste into any Mermaid viewer)."})
final class MachinesCommand implements Callable<Integer> {

    @Option(names = "--mermaid", description = "Print Mermaid diagrams instead of a listing.")
    boolean mermaid;

    @Option(names = "--rules", paramLabel = "FILE", description = "Also show the user-defined machines of this rules file (docs/rules.md).")
    Path rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DetectorSuite suite = DetectorSuite.from(WatchkeeperConfig.DEFAULTS, List.of(), rules);
        for (Machine<?, ?> m : suite.machines()) {
            if (mermaid) {
                out.println("%% machine: " + m.name());
                out.println(m.toMermaid());
            } else {
                out.println(m.name() + "  (initial: " + m.initialState() + ", states: " + m.states() + ")");
                m.transitions().forEach(t -> out.println("  " + describe(t)));
            }
        }
        for (RuleMachine m : suite.ruleMachines()) {
            if (mermaid) {
                out.println("%% machine: " + m.name());
                out.println(m.toMermaid());
            } else {
                out.println(m.name() + "  (user-defined, initial: " + m.initial() + ", states: " + m.states() + ")");
                m.toMermaid().lines().filter(l -> l.contains(" --> ") && !l.contains("[*]"))
                        .forEach(l -> out.println("  " + l.strip()));
            }
        }
        out.flush();
        return 0;
    }

    /** {@code fix: moving -> resting  when [same position]  publishes STATETRANSITION}, as a reader would say it. */
    static String describe(Machine.TransitionInfo t) {
        StringBuilder b = new StringBuilder().append(t.trigger()).append(": ").append(t.from()).append(" -> ")
                .append(t.to());
        if (!t.guards().isEmpty()) {
            b.append("  when ").append(t.guards());
        }
        if (t.eventType() != null) {
            b.append("  publishes ").append(t.eventType());
        }
        return b.toString();
    }
}
