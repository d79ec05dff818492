package io.watchkeeper.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.watchkeeper.server.it.PackagedJar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/grafana/watchkeeper.json and examples/prometheus/alerts.yml against a running detector: every metric
 * they query is in a real {@code /metrics} scrape of {@code demo}, and the alert file has Prometheus's shape.
 */
class OpsKitIT {

    private static final Path DASHBOARD = Path.of("..", "examples", "grafana", "watchkeeper.json");
    private static final Path ALERTS = Path.of("..", "examples", "prometheus", "alerts.yml");
    /** A metric name in PromQL: ours and Micrometer's JVM and process binders'. */
    private static final Pattern METRIC = Pattern.compile("\\b(?:watchkeeper|jvm|process|system)_[a-z0-9_]+\\b");
    /** Prometheus's duration syntax, e.g. 5m, 1h30m, 0m. */
    private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");

    private static JsonNode dashboard;
    private static JsonNode alerts;

    @BeforeAll
    static void read() throws Exception {
        dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        alerts = new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile());
    }

    @Test
    void everyMetricTheyQueryIsInARealScrape(@TempDir Path dir) throws Exception {
        Set<String> used = new TreeSet<>();
        dashboard.findValues("expr").forEach(e -> used.addAll(metrics(e.asText())));
        alerts.findValues("expr").forEach(e -> used.addAll(metrics(e.asText())));
        assertThat(used).as("metrics the kit uses").hasSizeGreaterThan(30);

        int port = PackagedJar.freePort();
        int http = PackagedJar.freePort();
        Process demo = PackagedJar.start(dir.resolve("out.txt"), dir.resolve("err.txt"), "demo", "-q",
                "--stations-only", "--port", String.valueOf(port), "--http", String.valueOf(http),
                "--data", dir.resolve("data").toString());
        HttpClient client = HttpClient.newHttpClient();
        try {
            Set<String> scraped = new TreeSet<>();
            // events_total{type=...} appears with the first event, and the checkpoint metrics with the first checkpoint
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                assertThat(demo.isAlive()).as(Files.readString(dir.resolve("err.txt"))).isTrue();
                scraped.clear();
                scraped.addAll(names(scrape(client, http)));
                return scraped.containsAll(used);
            });
            assertThat(scraped).containsAll(used);
        } finally {
            demo.destroy();
            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theDashboardIsAGrafanaDashboardOnAPrometheusDataSource() {
        assertThat(dashboard.get("title").asText()).isEqualTo("Watchkeeper");
        assertThat(dashboard.get("uid").asText()).isNotBlank();
        assertThat(dashboard.at("/templating/list/0/type").asText()).isEqualTo("datasource");
        assertThat(dashboard.at("/templating/list/0/query").asText()).isEqualTo("prometheus");
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("title").asText()).isNotBlank();
            assertThat(panel.get("gridPos").get("w").asInt()).isBetween(1, 24);
            if (!panel.get("type").asText().equals("row")) {
                assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${datasource}");
                assertThat(panel.get("targets")).isNotEmpty()
                        .allSatisfy(t -> assertThat(t.get("expr").asText()).isNotBlank());
            }
        }
    }

    @Test
    void theAlertsAreRuleGroupsOfPrometheusShape() {
        JsonNode groups = alerts.get("groups");
        assertThat(groups).isNotEmpty();
        Set<String> names = new TreeSet<>();
        for (JsonNode group : groups) {
            assertThat(group.get("name").isTextual()).isTrue();
            assertThat(group.get("rules")).isNotEmpty();
            for (JsonNode rule : group.get("rules")) {
                String alert = rule.get("alert").asText();
                assertThat(names.add(alert)).as("alert names are unique: " + alert).isTrue();
                assertThat(rule.get("expr").isTextual()).as(alert).isTrue();
                assertThat(rule.get("for").asText()).as(alert + " for").matches(DURATION);
                assertThat(rule.get("labels").get("severity").asText()).as(alert).isIn("warning", "critical");
                rule.get("labels").forEach(v -> assertThat(v.isTextual()).as(alert + " labels are strings").isTrue());
                assertThat(rule.get("annotations").get("summary").asText()).as(alert).isNotBlank();
                assertThat(rule.get("annotations").get("description").asText()).as(alert).isNotBlank();
                Set<String> keys = new TreeSet<>();
                rule.fieldNames().forEachRemaining(keys::add);
                assertThat(keys).as(alert).isSubsetOf("alert", "expr", "for", "labels", "annotations");
            }
        }
    }

    private static Set<String> metrics(String expr) {
        Set<String> out = new TreeSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The metric names of a Prometheus text scrape: each sample line's name, before its labels or value. */
    private static Set<String> names(String scrape) {
        Set<String> out = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.split("[{ ]", 2)[0]);
            }
        }
        return out;
    }

    private static String scrape(HttpClient client, int http) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
