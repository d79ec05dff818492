package io.watchkeeper.mqtt.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The one-line reasons of {@code MqttConnectException}, from the exception shapes the HiveMQ client produces. */
class ManagedClientTest {

    @Test
    void connectionRefused() {
        Throwable netty = new ConnectException("Connection refused: localhost/127.0.0.1:1883");
        assertThat(ManagedClient.describe(new ExecutionException(new ConnectionFailedException(netty))))
                .isEqualTo("connection refused");
    }

    @Test
    void socketTimeout() {
        Throwable netty = new ConnectException("connection timed out: example/192.0.2.1:1883");
        assertThat(ManagedClient.describe(new CompletionException(new ConnectionFailedException(netty))))
                .isEqualTo("timed out");
        assertThat(ManagedClient.describe(new TimeoutException())).isEqualTo("timed out");
    }

    @Test
    void unknownHost() {
        Throwable cause = new UnknownHostException("nosuchhost.invalid: Name or service not known");
        assertThat(ManagedClient.describe(new ExecutionException(new ConnectionFailedException(cause))))
                .isEqualTo("unknown host nosuchhost.invalid: Name or service not known");
    }

    @Test
    void otherwiseTheFirstLineOfTheRootCause() {
        assertThat(ManagedClient.describe(new ExecutionException(new IllegalStateException("boom\nstack"))))
                .isEqualTo("boom");
        assertThat(ManagedClient.describe(new ExecutionException(new IllegalStateException())))
                .isEqualTo("IllegalStateException");
    }
}
