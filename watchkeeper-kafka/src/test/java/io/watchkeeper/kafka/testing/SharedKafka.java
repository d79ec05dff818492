package io.watchkeeper.kafka.testing;

import io.watchkeeper.kafka.dev.KafkaDevBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real Kafka for every test class of a test run that asks for it (a broker takes 5-15 s to start):
 * started on first use, stopped when the run ends. Tests keep apart by topic prefix and application id.
 * With {@code @ExtendWith(SharedKafka.class)}, a {@link KafkaDevBroker} parameter (of a test or of
 * {@code @BeforeAll}) is that broker.
 */
public final class SharedKafka implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaDevBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get(context);
    }

    /** The run's broker, started now if this is the first class to ask. */
    public static KafkaDevBroker get(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedKafka.class, k -> new Closing(start()), Closing.class).broker();
    }

    private static KafkaDevBroker start() {
        try {
            return KafkaDevBroker.start(Files.createTempDirectory("wk-shared-kafka"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Closing(KafkaDevBroker broker) implements AutoCloseable {
        @Override
        public void close() {
            broker.close();
            deleteQuietly(broker.dir());
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
