package io.watchkeeper.mqtt.broker;

import com.hivemq.extension.sdk.api.interceptor.connect.ConnectInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundInput;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.ModifiableConnectPacket;
import java.time.Duration;
import java.util.Optional;

/**
 * Shortens the session expiry that stations and observers ask for to a maximum (1 h by default). A
 * session holds the QoS&nbsp;1 messages queued for a subscriber while it is away; an observer asking
 * for weeks could make the broker keep up to a million messages for a client that never returns.
 * Engines keep what they ask for: their durable session is what holds the input while they restart
 * (docs/reliability.md).
 *
 * <p>HiveMQ runs CONNECT interceptors before the authenticator, so the role is looked up by the user
 * name alone; a CONNECT whose password is wrong is refused right after, whatever its expiry. A name
 * that is no user at all is capped too. Stateless and shared by every connection.
 */
final class SessionExpiryCap implements ConnectInboundInterceptor {

    private final Credentials credentials;
    private final long maxSeconds;

    SessionExpiryCap(Credentials credentials, Duration maxSessionExpiry) {
        this.credentials = credentials;
        this.maxSeconds = maxSessionExpiry.getSeconds();
    }

    @Override
    public void onConnect(ConnectInboundInput input, ConnectInboundOutput output) {
        ModifiableConnectPacket connect = output.getConnectPacket();
        if (connect.getSessionExpiryInterval() > maxSeconds && !isEngine(connect.getUserName())) {
            connect.setSessionExpiryInterval(maxSeconds);
        }
    }

    private boolean isEngine(Optional<String> username) {
        return username.flatMap(credentials::user).map(u -> u.role() == Role.ENGINE).orElse(false);
    }
}
