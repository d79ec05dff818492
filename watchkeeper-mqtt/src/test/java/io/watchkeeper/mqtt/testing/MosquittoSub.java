package io.watchkeeper.mqtt.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code mosquitto_sub} as a test consumer: proves that what we publish is readable by the tool
 * operators use ({@code mosquitto_sub -t 'EVENT/#'}, DESIGN.md §1), on either broker.
 *
 * <p>Runs {@code stdbuf -oL mosquitto_sub -h 127.0.0.1 -p P -V mqttv5 -q 1 -v -d -t FILTER...}. With {@code -v}
 * each message is one line {@code <topic> <payload>}; {@code -d} adds protocol debug lines, which this
 * class uses to know when the SUBACK arrived ({@link #start} returns only then, so nothing published
 * afterwards can be missed) and whether each message was delivered as retained ({@code r1} in the
 * PUBLISH debug line). Payloads must not contain newlines.
 */
public final class MosquittoSub implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final Pattern PUBLISH = Pattern.compile("received PUBLISH \\(d\\d, q\\d, r(\\d), m\\d+, '(.*)', ");
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(10);

    /** One received message; {@code retained} is true when it came from the broker's retained store. */
    public record Message(String topic, String payload, boolean retained) {

        /** {@code <topic> <payload>}, as {@code mosquitto_sub -v} prints it. */
        public String line() {
            return topic + " " + payload;
        }
    }

    private final Process process;
    private final String clientId;
    private final List<Message> messages = new ArrayList<>();
    private final StringBuilder debug = new StringBuilder();
    private final CountDownLatch subscribed = new CountDownLatch(1);

    private MosquittoSub(Process process, String clientId) {
        this.process = process;
        this.clientId = clientId;
    }

    /** Starts {@code mosquitto_sub} on {@code 127.0.0.1:port} and waits for its SUBACK; skips if not installed. */
    public static MosquittoSub start(int port, String... topicFilters) {
        if (topicFilters.length == 0) {
            throw new IllegalArgumentException("need at least one topic filter");
        }
        String command = ExternalTools.path("mosquitto_sub", "mosquitto-clients").toString();
        // stdout is a pipe, so mosquitto_sub's stdio would hold the debug lines (SUBACK!) until a message
        // arrives; stdbuf makes it line-buffered.
        String stdbuf = ExternalTools.path("stdbuf", "coreutils").toString();
        String clientId = "wk-mosquitto-sub-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
        List<String> args = new ArrayList<>(List.of(stdbuf, "-oL", command, "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-V", "mqttv5", "-q", "1", "-v", "-d", "-i", clientId));
        for (String filter : topicFilters) {
            args.add("-t");
            args.add(filter);
        }
        Process process;
        try {
            process = ChildProcesses.register(new ProcessBuilder(args).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto_sub", e);
        }
        MosquittoSub sub = new MosquittoSub(process, clientId);
        Thread reader = new Thread(sub::read, clientId);
        reader.setDaemon(true);
        reader.start();
        try {
            if (!sub.subscribed.await(SUBSCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                sub.close();
                throw new IllegalStateException("mosquitto_sub got no SUBACK within " + SUBSCRIBE_TIMEOUT
                        + " on port " + port + ": " + sub.debugOutput());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sub.close();
            throw new IllegalStateException("interrupted", e);
        }
        return sub;
    }

    /** Every message so far as {@code <topic> <payload>}, in arrival order. */
    public List<String> lines() {
        synchronized (messages) {
            return messages.stream().map(Message::line).toList();
        }
    }

    /** Every message so far, in arrival order, with its retained flag. */
    public List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** The protocol debug lines, for assertion messages. */
    public String debugOutput() {
        synchronized (debug) {
            return debug.toString();
        }
    }

    /** Whether the process is still running (it exits if the broker goes away). */
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }

    private void read() {
        String debugPrefix = "Client " + clientId + " ";
        boolean nextRetained = false;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(debugPrefix) || line.startsWith("Client (null) ")) {
                    appendDebug(line);
                    Matcher m = PUBLISH.matcher(line);
                    if (m.find()) {
                        nextRetained = m.group(1).equals("1");
                    }
                } else if (line.startsWith("Subscribed (mid: ")) {
                    appendDebug(line);
                    subscribed.countDown();
                } else {
                    int space = line.indexOf(' ');
                    Message message = space < 0 ? new Message(line, "", nextRetained)
                            : new Message(line.substring(0, space), line.substring(space + 1), nextRetained);
                    nextRetained = false;
                    synchronized (messages) {
                        messages.add(message);
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private void appendDebug(String line) {
        synchronized (debug) {
            if (debug.length() < 64_000) {
                debug.append(line).append('\n');
            }
        }
    }
}
