package io.watchkeeper.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.mqtt.testing.ExternalTools;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads published events as a consumer of the original system does: with Python's {@code json.loads}. */
public final class PythonConsumer {

    /** Fails on the first event whose {@code header.ts} Python does not read as an {@code int}. */
    private static final String HEADER_TS_IS_INT = String.join("\n",
            "import json, sys",
            "n = 0",
            "for line in sys.stdin:",
            "    ts = json.loads(line)['header']['ts']",
            "    assert type(ts) is int, 'header.ts is %s: %r' % (type(ts).__name__, ts)",
            "    n += 1",
            "print('ints', n)",
            "");

    private PythonConsumer() {
    }

    /** Feeds every event, one per line, to {@code /usr/bin/python3}, which must read each header.ts as an int. */
    public static void assertHeaderTsIsAnInt(List<EventCollector.Received> events) throws IOException, InterruptedException {
        ExternalTools.require("python3", "python3");
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", HEADER_TS_IS_INT).redirectErrorStream(true).start();
        try (OutputStream in = python.getOutputStream()) {
            for (EventCollector.Received r : events) {
                in.write((r.text().strip() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.exitValue()).as(output).isZero();
        assertThat(output.strip()).isEqualTo("ints " + events.size());
    }
}
