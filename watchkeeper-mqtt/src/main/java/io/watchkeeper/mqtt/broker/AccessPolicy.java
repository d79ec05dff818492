package io.watchkeeper.mqtt.broker;

import java.util.ArrayList;
import java.util.List;

/**
 * The topics each {@link Role} may publish and subscribe, as plain data; {@link BrokerAuthenticator} turns
 * them into HiveMQ topic permissions with a default of DENY, so anything not listed here is refused.
 *
 * <p>Liveness (DESIGN.md §1, §3): every Watchkeeper client registers a retained last will on
 * {@code notifications} and opens a companion connection {@code <id>-status} whose will and retained
 * messages are on {@code STATUS/<id>}. HiveMQ refuses a CONNECT whose will topic is not permitted, so the
 * roles that publish anyway (station, engine) may also publish {@code notifications} and
 * {@code STATUS/<id>} for their own client id: the id of the connection, or with the companion's
 * {@code -status} suffix removed. Observers publish nothing; their clients connect without a will
 * ({@code ClientSettings.withPresence(false)}, as {@code watchkeeper sub} and {@code mosquitto_sub} do).
 *
 * <p>Client ids are bound to users ({@link #clientIdAllowed}), so the liveness topics of one client id can
 * only be published by its own user. Stations may not retain: their data topics are unbounded.
 */
final class AccessPolicy {

    /**
     * One allowed topic filter and what it allows.
     *
     * @param retain whether publishes may be retained; false refuses a retained PUBLISH on this filter
     */
    record Grant(String topicFilter, boolean publish, boolean subscribe, boolean retain) {
    }

    static final String NOTIFICATIONS = "notifications";
    private static final String STATUS_SUFFIX = "-status";

    private AccessPolicy() {
    }

    /** Everything {@code user} may do on a connection with {@code clientId}. */
    static List<Grant> grants(BrokerUser user, String clientId) {
        List<Grant> grants = new ArrayList<>();
        switch (user.role()) {
            case STATION -> {
                String station = user.station().orElseThrow();
                // not retained: DATA/<id>/... has no bound on its topics, so retained messages there would fill
                // the broker's storage and be replayed to every new engine session
                grants.add(publishNotRetained("DATA/" + station + "/#"));
                grants.add(publishNotRetained("AIS/" + station));
                liveness(grants, clientId);
            }
            case ENGINE -> {
                grants.add(subscribe("DATA/#"));
                grants.add(subscribe("AIS/#"));
                grants.add(publish("EVENT/#"));
                grants.add(publish("DEADLETTER/#"));
                liveness(grants, clientId);
            }
            case OBSERVER -> {
                for (String filter : List.of("EVENT/#", "DEADLETTER/#", "STATUS/#", NOTIFICATIONS, "DATA/#", "AIS/#")) {
                    grants.add(subscribe(filter));
                }
            }
        }
        return List.copyOf(grants);
    }

    /** {@code notifications} and {@code STATUS/<owner>}, where the owner is the client id without {@code -status}. */
    private static void liveness(List<Grant> grants, String clientId) {
        grants.add(publish(NOTIFICATIONS));
        String owner = clientId.endsWith(STATUS_SUFFIX) && clientId.length() > STATUS_SUFFIX.length()
                ? clientId.substring(0, clientId.length() - STATUS_SUFFIX.length()) : clientId;
        // a client id with a wildcard or separator would widen the filter: such a client gets no STATUS topic
        if (isPlainLevel(owner)) {
            grants.add(publish("STATUS/" + owner));
        }
    }

    private static boolean isPlainLevel(String level) {
        if (level.isEmpty()) {
            return false;
        }
        for (int i = 0; i < level.length(); i++) {
            char c = level.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '\0') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code user} may connect with {@code clientId}: the id is the user name itself or starts with
     * {@code <user>-}. Otherwise an observer could connect with the engine's id and clean start, discarding
     * the engine's durable session, or take the id of its {@code -out} or {@code -status} connection and
     * forge its {@code STATUS/} messages (liveness grants follow the client id).
     */
    static boolean clientIdAllowed(String username, String clientId) {
        return clientId.equals(username)
                || clientId.length() > username.length() + 1 && clientId.startsWith(username + "-");
    }

    private static Grant publish(String filter) {
        return new Grant(filter, true, false, true);
    }

    private static Grant publishNotRetained(String filter) {
        return new Grant(filter, true, false, false);
    }

    private static Grant subscribe(String filter) {
        return new Grant(filter, false, true, true);
    }
}
