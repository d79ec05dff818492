package io.watchkeeper.server.durable;

import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.core.engine.EngineSnapshot;
import io.watchkeeper.core.engine.SnapshotCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's checkpoint on disk: {@code DIR/engine.ckpt}, replaced atomically. A new checkpoint is
 * written to {@code engine.ckpt.tmp}, forced to the device, renamed over the old one and the
 * directory forced too; so after {@code kill -9} or a power cut the file is the old checkpoint or the
 * new one, whole. The directory is locked while open: two engines sharing one state would each
 * acknowledge input the other never saw.
 */
public final class CheckpointStore implements AutoCloseable {

    static final String FILE = "engine.ckpt";

    private final Path dir;
    private final Path file;
    private final Path tmp;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean directoryForceWarned;
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

    private CheckpointStore(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.file = dir.resolve(FILE);
        this.tmp = dir.resolve(FILE + ".tmp");
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates {@code dir} if needed and locks it.
     *
     * @throws CheckpointException if it cannot be created, or another process holds it
     */
    public static CheckpointStore open(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new CheckpointException("state directory " + dir + " is in use by another Watchkeeper engine");
            }
            return new CheckpointStore(dir, channel, lock);
        } catch (IOException e) {
            throw new CheckpointException("cannot open state directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The last checkpoint, read against {@code setup}, or empty if there is none.
     *
     * @throws CheckpointException if there is one but it cannot be read: starting empty instead would
     *                             announce every vessel's state again, so the operator decides
     */
    public Optional<EngineSnapshot> read(DetectionSetup setup) {
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(SnapshotCodec.read(in, setup));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw cannotResume(e);
        }
    }

    /**
     * The one line for a checkpoint that was read but does not fit: damaged, or from other detectors
     * or settings. Starting empty instead would announce every vessel's state again, so the operator
     * decides.
     */
    public CheckpointException cannotResume(Exception cause) {
        return new CheckpointException("cannot resume from checkpoint " + file + ": " + cause.getMessage()
                + " (move it away to start without state)", cause);
    }

    /**
     * Writes {@code snapshot} durably, replacing the last checkpoint.
     *
     * @return the size in bytes
     */
    public long write(EngineSnapshot snapshot, DetectionSetup setup) throws IOException {
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            SnapshotCodec.write(snapshot, setup, out);
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp); // a full disk should not also hold half a checkpoint
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        return Files.size(file);
    }

    /**
     * So that the rename itself survives a power cut. Not every platform lets a directory be opened
     * (Windows does not); the rename is still atomic there, so a failure is said once and not fatal.
     */
    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            if (!directoryForceWarned) {
                directoryForceWarned = true;
                LOG.warn("cannot force directory {} to disk ({}); a power cut may undo the last checkpoint's rename",
                        dir, e.toString());
            }
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + dir.resolve("lock"), e);
        }
    }
}
