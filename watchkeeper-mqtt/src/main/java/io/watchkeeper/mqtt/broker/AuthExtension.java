package io.watchkeeper.mqtt.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;

/**
 * The HiveMQ extension, embedded rather than loaded from a folder, that installs the
 * {@link BrokerAuthenticator}. With it, HiveMQ's allow-all default for brokers without an authenticator
 * no longer applies: every CONNECT is checked.
 */
final class AuthExtension implements ExtensionMain {

    private final BrokerAuthenticator authenticator;

    private AuthExtension(Credentials credentials) {
        this.authenticator = new BrokerAuthenticator(credentials);
    }

    static EmbeddedExtension of(Credentials credentials) {
        return EmbeddedExtension.builder()
                .withId("watchkeeper-auth")
                .withName("Watchkeeper authentication and topic ACLs")
                .withVersion("1")
                .withAuthor("Watchkeeper")
                .withPriority(1000)
                .withStartPriority(1000)
                .withExtensionMain(new AuthExtension(credentials))
                .build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        // one authenticator for all clients: it is stateless, and the credentials are immutable
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // nothing to release: HiveMQ drops the provider with the extension
    }
}
