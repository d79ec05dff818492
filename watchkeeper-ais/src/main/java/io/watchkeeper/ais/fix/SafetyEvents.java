package io.watchkeeper.ais.fix;

import io.watchkeeper.ais.message.SafetyMessage;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jetbrains.annotations.Nullable;

/**
 * Turns safety-related text (AIS types 12 and 14) into {@code SAFETY_MESSAGE} events, one per message:
 * a transmission heard again within {@link #REPEAT_WINDOW} of it, before or after (the same sender, addressee
 * and text, as when several base stations of one feed relay it) is the same message and gives no second event. One per
 * ingest, used by its thread only.
 *
 * <p>The event belongs to the sender's MMSI, on the input's site. It has no position (a safety message
 * carries none): its {@code position} holds the receive time and site only. {@code from} is
 * {@value #FROM}; {@code to} is {@code addressed} (type 12) or {@code broadcast} (type 14). Details:
 * {@code text} (as transmitted, which may be empty; JSON-escaped like every string), {@code messageType},
 * and for type 12 {@code destMmsi}, {@code seqno} and {@code retransmit}.
 */
public final class SafetyEvents {

    public static final String MACHINE = "safety";
    public static final String TYPE = "SAFETY_MESSAGE";
    static final String FROM = "received";
    /** Long enough for the relays of one transmission, far shorter than a repeated warning's period. */
    static final Duration REPEAT_WINDOW = Duration.ofSeconds(60);
    /**
     * Messages remembered for the repeat check, per input; the oldest is forgotten first. Far more than one
     * station hears within a minute, and small enough that 10,000 stations of hostile text stay bounded
     * (about 300 B each: some 200 MB at most).
     */
    private static final int REMEMBERED = 64;

    private final String site;
    private final Map<String, Instant> recent = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    public SafetyEvents(String site) {
        this.site = site;
    }

    /** The event for {@code m} received at {@code time} and decoded at {@code detectedAt}, or null for a repeat. */
    public @Nullable Event of(SafetyMessage m, Instant time, Instant detectedAt) {
        String key = m.mmsi() + "|" + m.destMmsi() + "|" + m.text();
        Instant seen = recent.get(key);
        // Either way: the receivers of one feed stamp their own times, so a relay may arrive stamped earlier.
        if (seen != null && Duration.between(seen, time).abs().compareTo(REPEAT_WINDOW) <= 0) {
            return null;
        }
        recent.remove(key); // re-inserted as the newest
        recent.put(key, time);
        VesselId sender = VesselId.of(Integer.toString(m.mmsi()));
        Fix cause = Fix.geo(sender, site, time, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Fix.NO_NAV_STATUS, null);
        String to = m.addressed() ? "addressed" : "broadcast";
        return Event.at(TYPE, MACHINE, FROM, to, cause, time, detectedAt, details(m), key);
    }

    private static Map<String, Object> details(SafetyMessage m) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("text", m.text());
        details.put("messageType", m.type());
        if (m.addressed()) {
            details.put("destMmsi", m.destMmsi());
            details.put("seqno", m.seqno());
            details.put("retransmit", m.retransmit());
        }
        return details;
    }
}
