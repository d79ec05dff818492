package io.watchkeeper.server.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.watchkeeper.core.detect.boat.BoatDetector;
import io.watchkeeper.core.detect.portcall.PortCallDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the engine's web server, for the browser test: the dashboard's files from the classpath
 * ({@code /web}, as the real server serves them), Leaflet from its WebJar, and canned answers for the API
 * of the issue E contract.
 *
 * <ul>
 *   <li>{@code GET /api/vessels}: three vessels. {@link #HOSTILE_ID} is named {@link #HOSTILE_NAME} and
 *       has a hostile call sign and destination; {@code 244123456} is berthed with a course only;
 *       {@code 211000001} has no name, no course, no heading and no states (drawn as a dot).</li>
 *   <li>{@code GET /api/vessels/{id}}: that vessel with a short track and its events; 404 JSON otherwise.</li>
 *   <li>{@code GET /api/events}: one older event (the feed's backfill).</li>
 *   <li>{@code GET /api/events/stream}: Server-Sent Events; sends {@link #STREAM_EVENT_IDS} at once, then
 *       a comment every half second until the client goes away.</li>
 *   <li>{@code GET /api/zones}: a port (point with radius), an anchorage and a speed limit whose name is
 *       an HTML payload.</li>
 *   <li>{@code GET /api/machines}: boat, portcall (with the real machines' Mermaid text) and a detector
 *       without states.</li>
 *   <li>{@code GET /api/weather}: one weather station off Harwich with a few values, the rest null.</li>
 * </ul>
 */
final class FakeDashboardApi implements AutoCloseable {

    static final String HOSTILE_ID = "235024149";
    static final String HOSTILE_NAME = "<IMG SRC=X ONERROR=ALERT(1)>";
    static final String HOSTILE_CALL_SIGN = "<B>&'\"";
    static final String HOSTILE_DESTINATION = "\"><SCRIPT>ALERT(2)</SCRIPT>";
    static final String BERTHED_ID = "244123456";
    static final String BERTHED_NAME = "MAERSK KOWLOON";
    static final String BACKFILL_EVENT_ID = "ev-backfill-1";
    static final String[] STREAM_EVENT_IDS = {"ev-stream-1", "ev-stream-2", "ev-stream-3"};
    /** The text of the stream's AIS safety message, from a coast station: an HTML payload. */
    static final String HOSTILE_SAFETY_TEXT = "<IMG SRC=X ONERROR=ALERT(4)> FOG WARNING";
    static final String WEATHER_STATION = "2320001";

    private static final String WEBJARS = "META-INF/resources/webjars/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-dashboard-api");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    private FakeDashboardApi(HttpServer server) {
        this.server = server;
    }

    static FakeDashboardApi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeDashboardApi api = new FakeDashboardApi(server);
        server.createContext("/", api::handle);
        server.setExecutor(api.executor);
        server.start();
        return api;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!"GET".equals(ex.getRequestMethod())) {
                json(ex, 405, error(405, "method not allowed"));
            } else if (path.equals("/api/vessels")) {
                json(ex, 200, "{\"count\":3,\"vessels\":[" + hostile() + "," + unnamed() + "," + berthed() + "]}");
            } else if (path.startsWith("/api/vessels/")) {
                vessel(ex, path.substring("/api/vessels/".length()));
            } else if (path.equals("/api/events/stream")) {
                stream(ex);
            } else if (path.equals("/api/events")) {
                json(ex, 200, "{\"events\":[" + event(BACKFILL_EVENT_ID, "ZONE_ENTER", BERTHED_ID, "zone", "outside",
                        "inside", "2026-03-01T11:58:00Z", "{\"zone\":\"Harwich Haven\"}") + "],\"next\":null}");
            } else if (path.equals("/api/zones")) {
                json(ex, 200, ZONES);
            } else if (path.equals("/api/machines")) {
                json(ex, 200, MACHINES);
            } else if (path.equals("/api/weather")) {
                json(ex, 200, "{\"stations\":[{\"station\":\"" + WEATHER_STATION + "\",\"site\":\"HARWICH\","
                        + "\"receivedAt\":\"2026-03-01T11:59:00Z\",\"lat\":51.92,\"lon\":1.36,\"windKnots\":14,"
                        + "\"gustKnots\":19,\"windFromDegrees\":240,\"airCelsius\":7.5,\"pressureHpa\":1009,"
                        + "\"visibilityNm\":null,\"waterLevelMetres\":null,\"waveMetres\":null,\"waterCelsius\":null}]}");
            } else if (path.startsWith("/api/")) {
                json(ex, 404, error(404, "no such endpoint"));
            } else if (path.startsWith("/webjars/")) {
                resource(ex, WEBJARS + path.substring("/webjars/".length()));
            } else {
                resource(ex, "web" + (path.equals("/") ? "/index.html" : path));
            }
        }
    }

    private void vessel(HttpExchange ex, String id) throws IOException {
        String v;
        String extra;
        switch (id) {
            case HOSTILE_ID -> {
                v = hostile();
                extra = "\"track\":[{\"time\":\"2026-03-01T11:50:00Z\",\"lat\":51.930,\"lon\":1.300,\"sogKnots\":9.8},"
                        + "{\"time\":\"2026-03-01T11:55:00Z\",\"lat\":51.940,\"lon\":1.325,\"sogKnots\":10.1}],"
                        + "\"events\":[" + streamEvent(0) + "]";
            }
            case BERTHED_ID -> {
                v = berthed();
                extra = "\"track\":[],\"events\":[" + streamEvent(1) + ","
                        + event(BACKFILL_EVENT_ID, "ZONE_ENTER", BERTHED_ID, "zone", "outside", "inside",
                        "2026-03-01T11:58:00Z", "{\"zone\":\"Harwich Haven\"}") + "]";
            }
            case "211000001" -> {
                v = unnamed();
                extra = "\"track\":[],\"events\":[]";
            }
            default -> {
                json(ex, 404, error(404, "no vessel '" + id.replace("\"", "") + "'"));
                return;
            }
        }
        json(ex, 200, v.substring(0, v.length() - 1) + "," + extra + "}");
    }

    /** SSE as the contract says: "event: event", "id: <eventId>", "data: <envelope on one line>". */
    private void stream(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        try {
            for (int i = 0; i < STREAM_EVENT_IDS.length; i++) {
                out.write(("event: event\nid: " + STREAM_EVENT_IDS[i] + "\ndata: " + streamEvent(i) + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            while (!closed) {
                Thread.sleep(500);
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // the browser went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String streamEvent(int i) {
        return switch (i) {
            case 0 -> event(STREAM_EVENT_IDS[0], "SPEEDING_START", HOSTILE_ID, "speeding", "normal", "speeding",
                    "2026-03-01T12:00:00Z", "{\"limitKnots\":8,\"note\":\"<script>alert(3)</script>\"}");
            case 1 -> event(STREAM_EVENT_IDS[1], "BERTHED", BERTHED_ID, "portcall", "in_port", "berthed",
                    "2026-03-01T12:00:05Z", "{\"port\":\"Harwich\"}");
            default -> event(STREAM_EVENT_IDS[2], "SAFETY_MESSAGE", WEATHER_STATION, "safety", "received", "broadcast",
                    "2026-03-01T12:00:07Z", "{\"messageType\":14,\"text\":\"" + HOSTILE_SAFETY_TEXT + "\"}");
        };
    }

    private static String event(String id, String type, String vessel, String machine, String from, String to,
                                String time, String details) {
        return "{\"header\":{\"type\":\"HARWICH/" + type + "\",\"ts\":1772366400.5,\"id\":" + vessel + "},"
                + "\"body\":{\"boat_id\":" + vessel + ",\"state\":\"" + to + "\",\"position\":{\"lat\":51.95,"
                + "\"lon\":1.35,\"port_id\":\"HARWICH\"},\"eventId\":\"" + id + "\",\"time\":\"" + time + "\","
                + "\"site\":\"HARWICH\",\"machine\":\"" + machine + "\",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"details\":" + details + "}}";
    }

    private static String hostile() {
        return "{\"id\":\"" + HOSTILE_ID + "\",\"site\":\"HARWICH\",\"time\":\"2026-03-01T12:00:00Z\","
                + "\"lat\":51.9500,\"lon\":1.3500,\"sogKnots\":10.4,\"cogDegrees\":44.0,\"headingDegrees\":45,"
                + "\"navStatus\":0,\"states\":{\"boat\":\"moving\",\"speeding\":\"speeding\"},"
                + "\"name\":" + quote(HOSTILE_NAME) + ",\"callSign\":" + quote(HOSTILE_CALL_SIGN) + ","
                + "\"shipType\":70,\"shipTypeText\":\"Cargo\",\"destination\":" + quote(HOSTILE_DESTINATION) + "}";
    }

    private static String berthed() {
        return "{\"id\":\"" + BERTHED_ID + "\",\"site\":\"HARWICH\",\"time\":\"2026-03-01T12:00:05Z\","
                + "\"lat\":51.9470,\"lon\":1.2780,\"sogKnots\":0.0,\"cogDegrees\":120.0,\"headingDegrees\":null,"
                + "\"navStatus\":5,\"states\":{\"boat\":\"resting\",\"portcall\":\"berthed\"},"
                + "\"name\":\"" + BERTHED_NAME + "\",\"callSign\":\"PBXY\",\"shipType\":71,"
                + "\"shipTypeText\":\"Cargo, hazardous category A\",\"destination\":\"GBHRW\"}";
    }

    private static String unnamed() {
        return "{\"id\":\"211000001\",\"site\":\"HARWICH\",\"time\":\"2026-03-01T11:59:30Z\",\"lat\":51.9720,"
                + "\"lon\":1.3900,\"sogKnots\":null,\"cogDegrees\":null,\"headingDegrees\":null,\"navStatus\":null,"
                + "\"states\":{},\"name\":null,\"callSign\":null,\"shipType\":null,\"shipTypeText\":null,"
                + "\"destination\":null}";
    }

    private static final String ZONES = "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"id\":\"wpi-1\",\"name\":\"Harwich\",\"kind\":\"port\","
            + "\"radius_m\":3000},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1.285,51.945]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"id\":\"gfw-1\",\"name\":\"SUNK ANCHORAGE\",\"kind\":\"anchorage\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[1.40,51.93],[1.46,51.93],[1.46,51.96],[1.40,51.96],"
            + "[1.40,51.93]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"id\":\"sl-1\",\"name\":\"<img src=x onerror=alert(4)>\","
            + "\"kind\":\"speed_limit\",\"speed_limit_kn\":8},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[1.30,51.935],[1.37,51.935],[1.37,51.965],[1.30,51.965],[1.30,51.935]]]}}]}";

    private static final String MACHINES = "{\"machines\":["
            + "{\"name\":\"boat\",\"kind\":\"fsm\",\"initial\":\"moving\",\"states\":[\"moving\",\"resting\"],"
            + "\"transitions\":[{\"from\":\"moving\",\"to\":\"resting\",\"trigger\":\"fix\",\"when\":[\"stopped\"],"
            + "\"unless\":[]},{\"from\":\"resting\",\"to\":\"moving\",\"trigger\":\"fix\",\"when\":[\"moved\"],"
            + "\"unless\":[]}],\"mermaid\":" + quote(new BoatDetector().toMermaid()) + "},"
            + "{\"name\":\"portcall\",\"kind\":\"fsm\",\"initial\":\"at_sea\",\"states\":[\"at_sea\",\"in_port\","
            + "\"at_anchor\",\"berthed\",\"unberthed\"],\"transitions\":["
            + "{\"from\":\"at_sea\",\"to\":\"in_port\",\"trigger\":\"arrive\",\"when\":[],\"unless\":[]},"
            + "{\"from\":\"in_port\",\"to\":\"at_anchor\",\"trigger\":\"stop\",\"when\":[\"anchorage\"],\"unless\":[]},"
            + "{\"from\":\"in_port\",\"to\":\"berthed\",\"trigger\":\"stop\",\"when\":[\"berth\"],\"unless\":[]},"
            + "{\"from\":\"at_anchor\",\"to\":\"in_port\",\"trigger\":\"move\",\"when\":[],\"unless\":[]},"
            + "{\"from\":\"berthed\",\"to\":\"unberthed\",\"trigger\":\"move\",\"when\":[],\"unless\":[]},"
            + "{\"from\":\"unberthed\",\"to\":\"at_sea\",\"trigger\":\"leave\",\"when\":[],\"unless\":[]},"
            + "{\"from\":\"in_port\",\"to\":\"at_sea\",\"trigger\":\"leave\",\"when\":[],\"unless\":[]},"
            + "{\"from\":\"in_port\",\"to\":\"in_port\",\"trigger\":\"fix\",\"when\":[],\"unless\":[]}],"
            + "\"mermaid\":" + quote(new PortCallDetector().machine().toMermaid()) + "},"
            + "{\"name\":\"encounter\",\"kind\":\"detector\",\"initial\":null,\"states\":[],\"transitions\":[],"
            + "\"mermaid\":null}]}";

    private static String error(int status, String message) {
        return "{\"error\":{\"status\":" + status + ",\"message\":" + quote(message) + "}}";
    }

    /** A JSON string literal. */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, TYPES.get("json"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static void resource(HttpExchange ex, String name) throws IOException {
        if (name.contains("..")) {
            json(ex, 404, error(404, "not found"));
            return;
        }
        try (InputStream in = FakeDashboardApi.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                json(ex, 404, error(404, "not found"));
                return;
            }
            String ext = name.substring(name.lastIndexOf('.') + 1);
            send(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), in.readAllBytes());
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }
}
