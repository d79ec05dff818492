package io.watchkeeper.mqtt.topic;

import java.util.Objects;
import java.util.Optional;

/**
 * Builds and parses every topic Watchkeeper uses; no other class concatenates or splits topic strings.
 *
 * <p>Keeping topics in one place is what keeps Watchkeeper wire-compatible with the original stations
 * and consumers (DESIGN.md §1 and §3): a {@code mosquitto_sub -t 'EVENT/#'} written years ago must keep
 * matching. The layout is:
 * <pre>
 * DATA/&lt;station&gt;[/&lt;vessel&gt;]          a JSON fix (original or native format)
 * AIS/&lt;station&gt;                       raw NMEA 0183 lines
 * EVENT/&lt;site&gt;/&lt;TYPE&gt;/&lt;vessel&gt;          an event in the original envelope
 * DEADLETTER/&lt;source&gt;                rejected input and the reason
 * STATUS/&lt;client-id&gt;                 retained "online" / "offline"
 * notifications                      the original last will: "&lt;client-id&gt; died."
 * </pre>
 *
 * <p><b>Levels.</b> A level that contains {@code /} would silently add a level, and {@code +} or
 * {@code #} are wildcards that a broker rejects in a topic name (and that would widen a filter); NUL
 * is forbidden by MQTT. The builders therefore reject such levels, and empty ones, with an
 * {@link IllegalArgumentException}: they come from configuration, so a bad one is a programmer or
 * operator error. Ids that come from payloads (a vessel id, a port id) are untrusted data instead, and
 * must never make publishing fail; {@link #safeLevel(String)} repairs them, and
 * {@link #event(String, String, String)} applies it to the site and the vessel.
 */
public final class Topics {

    /** The original system's last-will topic; its payload is {@code "<client-id> died."}. */
    public static final String NOTIFICATIONS = "notifications";

    private static final String DATA = "DATA";
    private static final String AIS = "AIS";
    private static final String EVENT = "EVENT";
    private static final String DEADLETTER = "DEADLETTER";
    private static final String STATUS = "STATUS";
    private static final char SEPARATOR = '/';
    private static final char REPLACEMENT = '_';

    private Topics() {
    }

    /** {@code DATA/<station>}: where a station publishes its fixes (QoS 1). */
    public static String data(String station) {
        return DATA + SEPARATOR + level(station, "station");
    }

    /** {@code DATA/<station>/<vessel>}: the per-vessel variant of {@link #data(String)}. */
    public static String data(String station, String vessel) {
        return data(station) + SEPARATOR + level(vessel, "vessel");
    }

    /** {@code DATA/#}: every fix from every station, as the detector subscribes. */
    public static String dataFilter() {
        return DATA + "/#";
    }

    /** {@code AIS/<station>}: raw NMEA sentences from one station. */
    public static String ais(String station) {
        return AIS + SEPARATOR + level(station, "station");
    }

    /** {@code AIS/#}: raw NMEA from every station. */
    public static String aisFilter() {
        return AIS + "/#";
    }

    /**
     * {@code EVENT/<site>/<TYPE>/<vessel>}, for example {@code EVENT/P1/STATETRANSITION/3}.
     *
     * <p>{@code site} and {@code vessel} usually come from a payload (the original {@code port_id} and
     * {@code boat_id}), so they go through {@link #safeLevel(String)} rather than being rejected: one
     * odd id must not stop the event stream. {@code type} comes from our own code and is validated.
     *
     * @throws IllegalArgumentException if {@code type} is empty or contains {@code / + #} or NUL
     */
    public static String event(String site, String type, String vessel) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(vessel, "vessel");
        return EVENT + SEPARATOR + safeLevel(site) + SEPARATOR + level(type, "type") + SEPARATOR + safeLevel(vessel);
    }

    /** {@code EVENT/#}: every event, as operators watch with {@code mosquitto_sub}. */
    public static String eventFilter() {
        return EVENT + "/#";
    }

    /** {@code DEADLETTER/<source>}: rejected input from one source (for example a station or a feed). */
    public static String deadLetter(String source) {
        return DEADLETTER + SEPARATOR + level(source, "source");
    }

    /** {@code STATUS/<clientId>}: a retained {@code online} (birth) or {@code offline} (will or clean close). */
    public static String status(String clientId) {
        return STATUS + SEPARATOR + level(clientId, "clientId");
    }

    /**
     * The station of a {@code DATA/<station>} or {@code DATA/<station>/<vessel>} topic.
     *
     * @return empty for any other topic, including {@code DATA/}, {@code DATA//x} and deeper topics
     */
    public static Optional<String> stationOfData(String topic) {
        return dataLevels(topic).map(levels -> levels[0]);
    }

    /**
     * The vessel of a {@code DATA/<station>/<vessel>} topic.
     *
     * @return empty for {@code DATA/<station>} (the vessel is then in the payload) and for any other topic
     */
    public static Optional<String> vesselOfData(String topic) {
        return dataLevels(topic).filter(levels -> levels.length == 2).map(levels -> levels[1]);
    }

    /** The station of an {@code AIS/<station>} topic; empty for any other topic. */
    public static Optional<String> stationOfAis(String topic) {
        Objects.requireNonNull(topic, "topic");
        String prefix = AIS + SEPARATOR;
        if (!topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String station = topic.substring(prefix.length());
        return station.isEmpty() || station.indexOf(SEPARATOR) >= 0 ? Optional.empty() : Optional.of(station);
    }

    /**
     * Turns untrusted text into a usable topic level by replacing {@code / + #}, NUL, other control
     * characters and unpaired surrogates (which have no UTF-8 form) with {@code _}. An empty string
     * becomes {@code "_"}. Text that needs no repair is returned unchanged, so well-behaved ids such as
     * the original's {@code boat_id} keep their exact topic.
     */
    public static String safeLevel(String raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.isEmpty()) {
            return String.valueOf(REPLACEMENT);
        }
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(raw.charAt(i + 1));
                }
                i++;
                continue;
            }
            bad = c == '/' || c == '+' || c == '#' || Character.isISOControl(c) || Character.isSurrogate(c);
            if (bad && out == null) {
                out = new StringBuilder(raw.length()).append(raw, 0, i);
            }
            if (out != null) {
                out.append(bad ? REPLACEMENT : c);
            }
        }
        return out == null ? raw : out.toString();
    }

    private static Optional<String[]> dataLevels(String topic) {
        Objects.requireNonNull(topic, "topic");
        String prefix = DATA + SEPARATOR;
        if (!topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] levels = topic.substring(prefix.length()).split(String.valueOf(SEPARATOR), -1);
        if (levels.length > 2) {
            return Optional.empty();
        }
        for (String level : levels) {
            if (level.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(levels);
    }

    private static String level(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '\0') {
                throw new IllegalArgumentException(
                        name + " '" + value.replace('\0', '?') + "' must not contain '/', '+', '#' or NUL");
            }
        }
        return value;
    }
}
