package io.watchkeeper.server.input.log;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases a memory map now rather than at some later garbage collection, so that a deleted segment
 * gives its disk space back at once. Java has no public API for it; {@code sun.misc.Unsafe.invokeCleaner}
 * (module {@code jdk.unsupported}, open to the class path on Java 17) is the one every log on the JVM
 * uses. Without it the map is left to the collector, which is correct, only later.
 */
final class Unmapper {

    private static final Logger LOG = LoggerFactory.getLogger(Unmapper.class);
    private static final @Nullable Object UNSAFE;
    private static final @Nullable Method CLEANER;

    static {
        Object unsafe = null;
        Method cleaner = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            cleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("memory maps are released by the garbage collector: {}", e.toString());
        }
        UNSAFE = unsafe;
        CLEANER = cleaner;
    }

    private Unmapper() {
    }

    /** Unmaps {@code buffer}; it must not be touched afterwards. */
    static void unmap(MappedByteBuffer buffer) {
        if (UNSAFE == null || CLEANER == null) {
            return;
        }
        try {
            CLEANER.invoke(UNSAFE, buffer);
        } catch (ReflectiveOperationException e) {
            LOG.debug("could not release a memory map now: {}", e.toString());
        }
    }
}
