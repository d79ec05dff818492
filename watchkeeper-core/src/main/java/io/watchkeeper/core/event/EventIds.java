package io.watchkeeper.core.event;

import io.watchkeeper.core.fix.Fix;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Deterministic event ids.
 *
 * <p>An id depends only on what the event is: machine, type, vessel, the transition, and the event
 * time and position of the fix that caused it (the position too, because a feed may stamp two
 * reports of one vessel with the same time). Replaying the same input, or redelivering it after a crash, gives
 * the same id; no counter is involved, because a counter would reset on restart and turn a duplicate
 * into a "new" event. The id is a name-based UUID (RFC 4122 version 3) in its usual text form.
 */
public final class EventIds {

    private EventIds() {
    }

    public static String of(String machine, String type, Fix cause, String from, String to) {
        Instant time = cause.time();
        String name = machine + '|' + type + '|' + cause.vessel().key() + '|' + from + '|' + to + '|'
                + time.getEpochSecond() + '.' + time.getNano() + '|' + cause.x() + '|' + cause.y() + '|'
                + cause.lat() + '|' + cause.lon();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The id of an event whose time is not its cause's (a timeout) or that needs more than the
     * cause to be unique ({@code key}: the other vessel of a pair, the zone of a zone event).
     */
    public static String of(String machine, String type, Fix cause, String from, String to, Instant time,
                            String key) {
        String name = of(machine, type, cause, from, to) + '|' + time.getEpochSecond() + '.' + time.getNano() + '|'
                + key;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
