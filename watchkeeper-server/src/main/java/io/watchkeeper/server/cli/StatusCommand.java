package io.watchkeeper.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Asks a running engine (demo, or detect --http) what it is doing, through its /health endpoint. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows what a running Watchkeeper is doing, from its HTTP port.",
                "Broker, fixes, vessels, queue, skipped fixes and stored events: it asks the engine's HTTP port",
                "(demo serves 8080; detect needs --http PORT)."},
        footer = {"", "Exit codes: 0 the engine is up, 1 it is down or cannot be reached, 2 bad usage.",
                "Example: watchkeeper status --url http://localhost:8080 --json | jq .engine"})
final class StatusCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "The engine's HTTP address (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--json", description = "Print the /health JSON as it comes.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        HttpResponse<String> response;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            response = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IOException("cannot reach " + base + " (connection refused); start one with "
                    + "'watchkeeper demo' or 'watchkeeper detect --http 8080'", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url " + url + ": " + e.getMessage(), e);
        }
        if (json) {
            out.println(response.body());
            out.flush();
            return response.statusCode() == 200 ? 0 : 1;
        }
        JsonNode health;
        try {
            health = new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new IOException(base + "/health did not answer JSON (HTTP " + response.statusCode() + ")", e);
        }
        out.print(describe(base, health));
        out.flush();
        return "UP".equals(health.path("status").asText()) ? 0 : 1;
    }

    static String describe(String base, JsonNode h) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "watchkeeper at %s: %s, up %s%n", base, h.path("status").asText("?"),
                uptime(h.path("uptimeSeconds").asLong())));
        if (h.hasNonNull("broker")) {
            b.append(String.format(Locale.ROOT, "  broker   %s%n", h.get("broker").asText()));
        }
        JsonNode e = h.path("engine");
        if (!e.isMissingNode()) {
            b.append(String.format(Locale.ROOT, "  engine   %,d fixes processed of %,d, queue %,d, %,d vessels, "
                            + "%,d late and %,d repeated fixes skipped%n", e.path("processed").asLong(),
                    e.path("submitted").asLong(), e.path("queueDepth").asLong(), e.path("vessels").asLong(),
                    e.path("outOfOrder").asLong(), e.path("duplicates").asLong()));
        }
        JsonNode s = h.path("store");
        b.append(s.isObject() ? String.format(Locale.ROOT, "  store    %s, %,d events%n", s.path("url").asText(),
                s.path("events").asLong()) : String.format("  store    none%n"));
        return b.toString();
    }

    private static String uptime(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        return h > 0 ? h + " h " + m + " min" : m > 0 ? m + " min " + seconds % 60 + " s" : seconds + " s";
    }
}
