package io.watchkeeper.bench.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import org.jetbrains.annotations.Nullable;

/**
 * Reads what the measurement needs from a received payload, with a streaming parser.
 *
 * <ul>
 *   <li>an event (original envelope): {@code body.eventId} is the identity (duplicates share it),
 *       {@code body.position.ts} the send time and {@code body.position.port_id} the station;</li>
 *   <li>a raw DATA message (original format): the identity is {@code port_id|ts} (the publishers keep
 *       {@code ts} strictly increasing per station, so it is unique), the station is {@code port_id}.</li>
 * </ul>
 * Not thread-safe only in the sense that one instance should serve one thread; the factory is shared.
 */
final class ArrivalParser {

    /**
     * What one payload says: identity (duplicates share it), station, send time in epoch microseconds and,
     * for an event, the state it reports ({@link ExpectedEvents#TO_MOVING} or {@link ExpectedEvents#TO_RESTING};
     * {@link ExpectedEvents#NONE} for raw data or an unknown state).
     */
    record Parsed(String key, String station, long sentMicros, byte state) {
    }

    private final JsonFactory json = new JsonFactory();

    /** An event's fields, or null if the payload is not an event in the original envelope. */
    @Nullable Parsed event(byte[] payload) {
        try (JsonParser p = json.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String eventId = null;
            byte state = ExpectedEvents.NONE;
            Position position = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("body") && t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        if (field.equals("eventId") && v == JsonToken.VALUE_STRING) {
                            eventId = p.getText();
                        } else if (field.equals("state") && v == JsonToken.VALUE_STRING) {
                            String text = p.getText();
                            state = text.equals("moving") ? ExpectedEvents.TO_MOVING
                                    : text.equals("resting") ? ExpectedEvents.TO_RESTING : ExpectedEvents.NONE;
                        } else if (field.equals("position") && v == JsonToken.START_OBJECT) {
                            position = position(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (eventId == null || position == null || position.station == null || position.micros < 0) {
                return null;
            }
            return new Parsed(eventId, position.station, position.micros, state);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A raw DATA message's fields, or null if it is not in the original format. */
    @Nullable Parsed data(byte[] payload) {
        try (JsonParser p = json.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Position position = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("position") && t == JsonToken.START_OBJECT) {
                    position = position(p);
                } else {
                    p.skipChildren();
                }
            }
            if (position == null || position.station == null || position.micros < 0) {
                return null;
            }
            return new Parsed(position.station + '|' + position.micros, position.station, position.micros,
                    ExpectedEvents.NONE);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final class Position {
        @Nullable String station;
        long micros = -1;
    }

    private static Position position(JsonParser p) throws IOException {
        Position out = new Position();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("ts") && (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT)) {
                out.micros = micros(p.getText());
            } else if (field.equals("port_id") && v == JsonToken.VALUE_STRING) {
                out.station = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    /** Epoch seconds as decimal text to epoch microseconds, exactly (no binary floating point). */
    static long micros(String seconds) {
        int dot = seconds.indexOf('.');
        if (dot < 0 || seconds.indexOf('e') >= 0 || seconds.indexOf('E') >= 0) {
            return new BigDecimal(seconds).movePointRight(6).longValue();
        }
        long whole = Long.parseLong(seconds.substring(0, dot));
        String fraction = seconds.substring(dot + 1);
        long micros = 0;
        for (int i = 0; i < 6; i++) {
            micros = micros * 10 + (i < fraction.length() ? fraction.charAt(i) - '0' : 0);
        }
        return whole * 1_000_000L + micros;
    }
}
