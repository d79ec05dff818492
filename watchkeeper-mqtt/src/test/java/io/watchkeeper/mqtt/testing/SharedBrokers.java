package io.watchkeeper.mqtt.testing;

import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One broker of each {@link TestBroker.Kind} for a whole test run, started on first use and closed when
 * the run ends (JUnit closes {@link AutoCloseable} values of the root store).
 *
 * <p>Why share: HiveMQ CE needs about 4 s to stop (its Netty shutdown has a fixed 2 s quiet period), so
 * a broker per test would blow the module's time budget. Tests that share a broker must use their own
 * client ids and topics; tests that restart or reconfigure a broker start their own.
 *
 * <pre>{@code
 * @ExtendWith(SharedBrokers.class)
 * class FooIT {
 *     @ParameterizedTest
 *     @EnumSource(TestBroker.Kind.class)
 *     void works(TestBroker.Kind kind) {
 *         TestBroker broker = SharedBrokers.get(kind);
 *     }
 * }
 * }</pre>
 */
public final class SharedBrokers implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBrokers.class);
    private static volatile ExtensionContext root;

    @Override
    public void beforeAll(ExtensionContext context) {
        root = context.getRoot();
    }

    /** The run's broker of this kind; needs {@code @ExtendWith(SharedBrokers.class)} on the test class. */
    public static TestBroker get(TestBroker.Kind kind) {
        Objects.requireNonNull(kind, "kind");
        ExtensionContext context = root;
        if (context == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedBrokers.class)");
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(kind, k -> k.start(), TestBroker.class);
    }
}
