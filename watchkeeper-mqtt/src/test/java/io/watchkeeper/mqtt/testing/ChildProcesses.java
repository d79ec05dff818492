package io.watchkeeper.mqtt.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Kills the test's child processes (mosquitto, mosquitto_sub) if the JVM exits before a test closed
 * them, for example when a test run is aborted: Java does not end its children by itself, and a stray
 * mosquitto would hold its port and outlive the build.
 */
final class ChildProcesses {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "watchkeeper-test-child-reaper"));
    }

    private ChildProcesses() {
    }

    static Process register(Process process) {
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
        return process;
    }

    /** Stops a child: SIGTERM, then SIGKILL if it is still running after 5 s; waits for it. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
