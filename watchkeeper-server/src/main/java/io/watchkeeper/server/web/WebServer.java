package io.watchkeeper.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.JavalinDefaultRouting;
import io.javalin.util.JavalinLogger;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.watchkeeper.server.live.VesselDetail;
import io.watchkeeper.server.output.store.EventQuery;
import io.watchkeeper.server.output.store.EventStore;
import io.watchkeeper.server.output.store.EventStoreException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jetbrains.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the engine: the REST API, the live event stream, {@code /health}, {@code /metrics} and the
 * dashboard's static files (classpath {@code /web} at {@code /}, Leaflet under {@code /webjars/}).
 *
 * <p>Every error is JSON, {@code {"error": {"status": 404, "message": "..."}}}, with a status that means
 * something: 400 for a bad parameter (the message names it), 404 for an unknown path or vessel, 503 when the
 * event store is absent or failing, 500 with a generic message for anything unexpected (the details are
 * logged, never sent). Jetty's threads are bounded ({@value #MAX_THREADS}); each live-stream client holds one
 * while connected, and {@link EventHub#MAX_CLIENTS} of them are allowed at once.
 */
public final class WebServer implements AutoCloseable {

    static final String JSON = "application/json; charset=utf-8";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final int MAX_THREADS = EventHub.MAX_CLIENTS + 32;
    /** Where the OpenAPI document of these routes is served. */
    public static final String OPENAPI_PATH = "/openapi.json";
    /** Request attribute: an error body is written, so the 404 fallback must not replace it. */
    private static final String ERROR_WRITTEN = "watchkeeper.error";
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final Javalin app;
    private final WebServices services;

    private WebServer(Javalin app, WebServices services) {
        this.app = app;
        this.services = services;
    }

    /**
     * Starts serving on {@code host:port}; port 0 picks a free port (see {@link #port()}).
     *
     * @throws IllegalStateException if the port cannot be bound
     */
    public static WebServer start(String host, int port, WebServices services) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(services, "services");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        ApiJson json = new ApiJson();
        // Javalin's startup lines (its version nag, "Listening on", each static handler) are noise in a CLI; the
        // composition root prints the URL itself. A global switch, but a process has one server.
        JavalinLogger.startupInfo = false;
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.prefer405over404 = true;
            QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4, 60_000);
            threads.setName("http");
            config.jetty.threadPool = threads;
            config.staticFiles.enableWebjars();
            // The dashboard's files come from another part of the build; without them the API still serves.
            if (WebServer.class.getResource("/web") != null) {
                config.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = "/web";
                    files.location = Location.CLASSPATH;
                });
            }
            config.router.mount(router -> routes(router, services, json));
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            throw new WebServerException("cannot serve HTTP on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new WebServer(app, services);
    }

    private static void routes(JavalinDefaultRouting r, WebServices s, ApiJson json) {
        r.get("/api/vessels", ctx -> send(ctx, 200, json.vessels(s.live().vessels(QueryParams.text(ctx, "site")))));
        r.get("/api/vessels/<id>", ctx -> {
            String id = ctx.pathParam("id");
            VesselDetail d = s.live().vessel(id)
                    .orElseThrow(() -> ApiException.notFound("no vessel '" + id + "'"));
            send(ctx, 200, json.vessel(d));
        });
        r.get("/api/events", ctx -> send(ctx, 200, json.events(store(s).query(eventQuery(ctx)))));
        r.get("/api/events/stream", new SseStream(s.hub()));
        r.get("/api/zones", ctx -> {
            Envelope bbox = QueryParams.bbox(ctx);
            send(ctx, 200, json.write(g -> ZoneFeatures.write(g, s.zones().all(), bbox)));
        });
        r.get("/api/weather", ctx -> send(ctx, 200, json.weather(s.live().weather().all())));
        r.get("/api/machines", ctx -> send(ctx, 200, json.machines(s.machines())));
        r.get("/health", ctx -> {
            Health h = s.health().get();
            send(ctx, h.up() ? 200 : 503, json.health(h));
        });
        r.get(OPENAPI_PATH, ctx -> send(ctx, 200, OpenApiDocument.bytes()));
        r.get("/metrics", ctx -> {
            PrometheusMeterRegistry registry = s.metrics();
            if (registry == null) {
                throw ApiException.notFound("metrics are not enabled");
            }
            ctx.status(200).contentType(PROMETHEUS_TEXT).result(registry.scrape());
        });

        r.exception(ApiException.class, (e, ctx) -> error(ctx, json, e.status(), e.getMessage()));
        r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, json, e.getStatus(), switch (e.getStatus()) {
            case 404 -> "no such path: " + ctx.path();
            case 405 -> "method " + ctx.method() + " not allowed on " + ctx.path();
            default -> e.getMessage();
        }));
        r.exception(EventStoreException.class, (e, ctx) -> {
            log.warn("event store failed on {}: {}", ctx.path(), e.getMessage());
            error(ctx, json, 503, "the event store is unavailable");
        });
        r.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, json, 500, "internal error");
        });
        // Statuses Javalin or Jetty set without an exception (a static file not found): JSON too.
        r.error(404, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, json, 404, "no such path: " + ctx.path());
            }
        });
    }

    private static EventStore store(WebServices s) {
        EventStore store = s.store();
        if (store == null) {
            throw new ApiException(503, "no event store is configured, so there is no event history");
        }
        return store;
    }

    /** Newest first; every parameter checked before the store sees it. */
    private static EventQuery eventQuery(Context ctx) {
        int limit = QueryParams.limit(ctx);
        Instant since = QueryParams.time(ctx, "since");
        Instant until = QueryParams.time(ctx, "until");
        if (since != null && until != null && until.isBefore(since)) {
            throw ApiException.badRequest("until (" + until + ") is before since (" + since + ")");
        }
        EventQuery q = EventQuery.all().withOrder(EventQuery.Order.NEWEST_FIRST).withLimit(limit)
                .withVesselKey(QueryParams.text(ctx, "vessel")).withType(QueryParams.text(ctx, "type"))
                .withSite(QueryParams.text(ctx, "site")).withSince(since).withUntil(until);
        String cursor = QueryParams.text(ctx, "cursor");
        try {
            return q.withCursor(cursor);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cursor must be the 'next' of a previous page, was '" + cursor + "'");
        }
    }

    private static void send(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(JSON).result(body);
    }

    private static void error(Context ctx, ApiJson json, int status, @Nullable String message) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        send(ctx, status, json.error(status, message == null ? "error" : message));
    }

    /** The bound port, useful after starting on port 0. */
    public int port() {
        return app.port();
    }

    /** Ends the live streams, then stops the server. */
    /**
     * Every route this server answers, as {@code "GET /api/vessels/{id}"} (path parameters in OpenAPI's braces),
     * for checking the OpenAPI document against; the dashboard's static files are not among them.
     */
    public List<String> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(e -> e.getEndpoint().getMethod().name() + " "
                        + e.getEndpoint().getPath().replace('<', '{').replace('>', '}'))
                .sorted().toList();
    }

    @Override
    public void close() {
        services.hub().disconnectAll();
        app.stop();
    }

    @Override
    public String toString() {
        return "WebServer[port " + port() + "]";
    }
}
