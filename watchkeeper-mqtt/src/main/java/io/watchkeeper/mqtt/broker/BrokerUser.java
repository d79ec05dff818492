package io.watchkeeper.mqtt.broker;

import java.util.Objects;
import java.util.Optional;
import org.jetbrains.annotations.Nullable;

/**
 * One user of the embedded broker: a name, a {@link Role}, for a station its station id, and the
 * password's salted hash. {@link #toString()} leaves the hash out.
 *
 * @param username  the MQTT user name; no {@code :}, whitespace or control characters
 * @param role      what the user may do
 * @param stationId the station's id for {@link Role#STATION} (a valid topic level), null for other roles
 * @param password  the salted hash
 */
public record BrokerUser(String username, Role role, @Nullable String stationId, PasswordHash password) {

    public BrokerUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(password, "password");
        checkName(username);
        if (role == Role.STATION) {
            if (stationId == null || stationId.isEmpty()) {
                throw new IllegalArgumentException("role station needs a station id");
            }
            checkStationId(stationId);
        } else if (stationId != null && !stationId.isEmpty()) {
            throw new IllegalArgumentException("role " + role.code() + " takes no station id");
        } else {
            stationId = null;
        }
    }

    /** The station id, for {@link Role#STATION} users. */
    public Optional<String> station() {
        return Optional.ofNullable(stationId);
    }

    @Override
    public String toString() {
        return "BrokerUser[" + username + ", " + role.code() + (stationId == null ? "" : " " + stationId) + "]";
    }

    private static void checkName(String username) {
        if (username.isEmpty()) {
            throw new IllegalArgumentException("user name must not be empty");
        }
        if (username.length() > 128) {
            throw new IllegalArgumentException("user name must be at most 128 characters");
        }
        for (int i = 0; i < username.length(); i++) {
            char c = username.charAt(i);
            if (c == ':' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("user name must not contain ':', spaces or control characters");
            }
        }
    }

    /** Its topics are {@code DATA/<id>/#} and {@code AIS/<id>}, so the id must be one plain topic level. */
    private static void checkStationId(String stationId) {
        for (int i = 0; i < stationId.length(); i++) {
            char c = stationId.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == ':' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("station id '" + stationId
                        + "' must not contain '/', '+', '#', ':', spaces or control characters");
            }
        }
    }
}
