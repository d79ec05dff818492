package io.watchkeeper.server.output.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The position after the last event of a page: its event time (epoch microseconds) and id, the keyset that
 * pagination continues from. Opaque to clients: URL-safe Base64 of {@code v1:<micros>:<eventId>}.
 */
record PageCursor(long timeMicros, String eventId) {

    private static final String PREFIX = "v1:";

    PageCursor {
        Objects.requireNonNull(eventId, "eventId");
    }

    String encode() {
        String text = PREFIX + timeMicros + ':' + eventId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Throws {@link IllegalArgumentException} for anything that {@link #encode()} did not produce. */
    static PageCursor decode(String cursor) {
        Objects.requireNonNull(cursor, "cursor");
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a page cursor: " + cursor, e);
        }
        int colon = text.indexOf(':', PREFIX.length());
        if (!text.startsWith(PREFIX) || colon < 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not a page cursor: " + cursor);
        }
        try {
            return new PageCursor(Long.parseLong(text.substring(PREFIX.length(), colon)), text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a page cursor: " + cursor, e);
        }
    }
}
