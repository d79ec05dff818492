package io.watchkeeper.mqtt.broker;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each CONNECT's user name and password against the {@link Credentials} and hands HiveMQ the
 * user's topic permissions ({@link AccessPolicy}) with a default of DENY.
 *
 * <p>Refusals: no user name or password, or a client id not bound to the user name
 * ({@link AccessPolicy#clientIdAllowed}), gives CONNACK {@code NOT_AUTHORIZED}; an unknown user or a wrong
 * password gives {@code BAD_USER_NAME_OR_PASSWORD}, the same for both so that the answer does not tell
 * which user names exist; too many logins at once give {@code SERVER_BUSY} ({@link LoginThrottle}). Log
 * lines name the client id, the user and the reason, never the password. The password check runs on the
 * throttle's threads, never on HiveMQ's. Stateless and shared by every connection.
 */
final class BrokerAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerAuthenticator.class);
    private static final int MAX_LOGGED_NAME = 64;

    private final Credentials credentials;
    private final LoginThrottle throttle;

    BrokerAuthenticator(Credentials credentials, LoginThrottle throttle) {
        this.credentials = credentials;
        this.throttle = throttle;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        String clientId = connect.getClientId();
        Optional<String> username = connect.getUserName();
        Optional<ByteBuffer> password = connect.getPassword();
        if (username.isEmpty() || password.isEmpty()) {
            LOG.warn("MQTT login refused: client '{}' sent no {}", printable(clientId),
                    username.isEmpty() ? "user name" : "password");
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "authentication required");
            return;
        }
        // before the hash: a refusal that needs no password costs no CPU and tells nothing about the user
        if (!AccessPolicy.clientIdAllowed(username.get(), clientId)) {
            LOG.warn("MQTT login refused: client '{}', user '{}': the client id must be the user name or start "
                    + "with '<user>-'", printable(clientId), printable(username.get()));
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "client id not allowed for this user");
            return;
        }
        Async<SimpleAuthOutput> async = output.async(throttle.patience(), TimeoutFallback.FAILURE,
                ConnackReasonCode.SERVER_BUSY, "login timed out");
        boolean queued = throttle.offer(() -> {
            try {
                check(clientId, username.get(), password.get(), output);
            } catch (RuntimeException e) {
                // the login thread is the boundary: the client gets a refusal, the log the cause
                LOG.error("MQTT login of client '{}' failed inside the broker", printable(clientId), e);
                output.failAuthentication(ConnackReasonCode.UNSPECIFIED_ERROR, "login failed inside the broker");
            } finally {
                async.resume();
            }
        });
        if (!queued) {
            LOG.warn("MQTT login refused: client '{}', user '{}': too many logins at once ({} refused so far)",
                    printable(clientId), printable(username.get()), throttle.refused());
            output.failAuthentication(ConnackReasonCode.SERVER_BUSY, "too many logins at once, retry later");
            async.resume();
        }
    }

    /** The password check and, if it passes, the permissions; on a login thread of the {@link LoginThrottle}. */
    private void check(String clientId, String username, ByteBuffer password, SimpleAuthOutput output) {
        char[] secret = decode(password);
        Optional<BrokerUser> user;
        try {
            user = credentials.authenticate(username, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (user.isEmpty()) {
            LOG.warn("MQTT login refused: client '{}', user '{}': unknown user or wrong password",
                    printable(clientId), printable(username));
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
            return;
        }
        ModifiableDefaultPermissions permissions = output.getDefaultPermissions();
        permissions.clear();
        for (AccessPolicy.Grant grant : AccessPolicy.grants(user.get(), clientId)) {
            permissions.add(toPermission(grant));
        }
        permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        LOG.debug("MQTT login: client '{}' as {}", printable(clientId), user.get());
        output.authenticateSuccessfully();
    }

    private static TopicPermission toPermission(AccessPolicy.Grant grant) {
        TopicPermission.MqttActivity activity = grant.publish() && grant.subscribe() ? TopicPermission.MqttActivity.ALL
                : grant.publish() ? TopicPermission.MqttActivity.PUBLISH : TopicPermission.MqttActivity.SUBSCRIBE;
        return Builders.topicPermission()
                .topicFilter(grant.topicFilter())
                .type(TopicPermission.PermissionType.ALLOW)
                .activity(activity)
                .retain(grant.retain() ? TopicPermission.Retain.ALL : TopicPermission.Retain.NOT_RETAINED)
                .build();
    }

    /** MQTT passwords are binary; ours are UTF-8 text. Invalid bytes become U+FFFD and simply do not match. */
    private static char[] decode(ByteBuffer password) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(password.asReadOnlyBuffer());
        char[] out = new char[chars.remaining()];
        chars.get(out);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        return out;
    }

    /** A client-chosen string made safe for one log line: control characters replaced, length capped. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LOGGED_NAME));
        for (int i = 0; i < text.length() && i < MAX_LOGGED_NAME; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > MAX_LOGGED_NAME ? out + "..." : out.toString();
    }
}
