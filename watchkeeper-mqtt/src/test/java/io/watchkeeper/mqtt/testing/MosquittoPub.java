package io.watchkeeper.mqtt.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code mosquitto_pub}, standing in for an original station or any third-party publisher.
 */
public final class MosquittoPub {

    private MosquittoPub() {
    }

    /** {@code mosquitto_pub -h 127.0.0.1 -p P -V mqttv5 -q 1 -t TOPIC -m MESSAGE}; fails the test on a non-zero exit. */
    public static void publish(int port, String topic, String message) {
        publish(port, topic, message, false);
    }

    /** As {@link #publish(int, String, String)}, with {@code -r} when {@code retain}. */
    public static void publish(int port, String topic, String message, boolean retain) {
        String command = ExternalTools.path("mosquitto_pub", "mosquitto-clients").toString();
        List<String> args = new ArrayList<>(List.of(command, "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-V", "mqttv5", "-q", "1", "-t", topic, "-m", message));
        if (retain) {
            args.add("-r");
        }
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("mosquitto_pub to port " + port + " did not finish within 10 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError("mosquitto_pub to port " + port + " exited with " + process.exitValue()
                        + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run mosquitto_pub", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
