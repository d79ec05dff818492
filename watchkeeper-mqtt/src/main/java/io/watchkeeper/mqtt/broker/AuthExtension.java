package io.watchkeeper.mqtt.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.time.Duration;

/**
 * The HiveMQ extension, embedded rather than loaded from a folder, that installs the
 * {@link BrokerAuthenticator} and the {@link SessionExpiryCap}. With it, HiveMQ's allow-all default for
 * brokers without an authenticator no longer applies: every CONNECT is checked.
 */
final class AuthExtension implements ExtensionMain {

    private final BrokerAuthenticator authenticator;
    private final SessionExpiryCap sessionCap;
    private final LoginThrottle throttle;

    private AuthExtension(Credentials credentials, Duration maxSessionExpiry, LoginThrottle throttle) {
        this.authenticator = new BrokerAuthenticator(credentials, throttle);
        this.sessionCap = new SessionExpiryCap(credentials, maxSessionExpiry);
        this.throttle = throttle;
    }

    static EmbeddedExtension of(Credentials credentials, Duration maxSessionExpiry, LoginThrottle throttle) {
        return EmbeddedExtension.builder()
                .withId("watchkeeper-auth")
                .withName("Watchkeeper authentication and topic ACLs")
                .withVersion("1")
                .withAuthor("Watchkeeper")
                .withPriority(1000)
                .withStartPriority(1000)
                .withExtensionMain(new AuthExtension(credentials, maxSessionExpiry, throttle))
                .build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        // one authenticator for all clients: it is stateless, and the credentials are immutable
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        Services.interceptorRegistry().setConnectInboundInterceptorProvider(providerInput -> sessionCap);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // HiveMQ drops the providers with the extension; the login threads are ours
        throttle.close();
    }
}
