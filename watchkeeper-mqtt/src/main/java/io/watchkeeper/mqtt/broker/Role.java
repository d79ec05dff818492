package io.watchkeeper.mqtt.broker;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user of the embedded broker may do; each line of the credentials file names one. The topic
 * rules behind each role are listed in {@code docs/security.md} and enforced by {@link AccessPolicy}.
 */
public enum Role {
    /** A port's station: publishes only its own {@code DATA/<id>/#} and {@code AIS/<id>}; subscribes to nothing. */
    STATION,
    /** The detector: subscribes {@code DATA/#} and {@code AIS/#}, publishes {@code EVENT/#} and {@code DEADLETTER/#}. */
    ENGINE,
    /** A monitor (dashboards, {@code mosquitto_sub}, {@code watchkeeper sub}): subscribes only, publishes nothing. */
    OBSERVER;

    /** The spelling used in the credentials file and on the command line: {@code station}, {@code engine}, {@code observer}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a file or flag names, case-insensitive; empty for anything else. */
    public static Optional<Role> fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
