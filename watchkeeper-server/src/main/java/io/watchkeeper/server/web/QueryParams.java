package io.watchkeeper.server.web;

import io.javalin.http.Context;
import io.watchkeeper.core.fix.ControlCharacters;
import io.watchkeeper.server.output.store.EventQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jetbrains.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads and checks query parameters. A bad one is a 400 whose message names the parameter and says what
 * was expected; an empty one ({@code ?vessel=}, as an HTML form sends) counts as absent. Every value is
 * checked here, before the store sees it: what the store cannot take (a NUL, year 1,000,000,000) would
 * otherwise be a 500 or a 503 with a stack trace in the log.
 */
final class QueryParams {

    /** Times a query may name: the four-digit years of ISO-8601, well inside what the store counts in microseconds. */
    static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private QueryParams() {
    }

    static @Nullable String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        int control = ControlCharacters.indexIn(v);
        if (control >= 0) {
            throw ApiException.badRequest(name + " must not contain the control character "
                    + ControlCharacters.name(v.charAt(control)));
        }
        return v.strip();
    }

    static int limit(Context ctx) {
        String v = text(ctx, "limit");
        if (v == null) {
            return EventQuery.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(v);
            if (limit >= 1 && limit <= EventQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the one message
        }
        throw ApiException.badRequest("limit must be an integer from 1 to " + EventQuery.MAX_LIMIT + ", was '" + v + "'");
    }

    /** An ISO-8601 instant ({@code 2026-03-01T12:00:00Z}) or offset date-time ({@code ...+01:00}). */
    static @Nullable Instant time(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
        Instant t = parseTime(v);
        if (t == null || t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw ApiException.badRequest(name + " must be an ISO-8601 time from year 0000 to 9999 such as"
                    + " 2026-03-01T12:00:00Z, was '" + v + "'");
        }
        return t;
    }

    private static @Nullable Instant parseTime(String v) {
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** {@code minLon,minLat,maxLon,maxLat} in degrees, as a JTS envelope (x = longitude). */
    static @Nullable Envelope bbox(Context ctx) {
        String v = text(ctx, "bbox");
        if (v == null) {
            return null;
        }
        String[] parts = v.split(",", -1);
        String expected = "bbox must be minLon,minLat,maxLon,maxLat in degrees, was '" + v + "'";
        if (parts.length != 4) {
            throw ApiException.badRequest(expected);
        }
        double[] d = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                d[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(expected);
        }
        boolean ok = d[0] >= -180 && d[2] <= 180 && d[0] <= d[2] && d[1] >= -90 && d[3] <= 90 && d[1] <= d[3];
        if (!ok) {
            throw ApiException.badRequest(expected);
        }
        return new Envelope(d[0], d[2], d[1], d[3]);
    }
}
