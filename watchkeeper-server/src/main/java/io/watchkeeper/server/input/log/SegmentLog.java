package io.watchkeeper.server.input.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input log on local disk: segment files of length-prefixed, CRC-checked records, written through a
 * memory map.
 *
 * <h2>Why it survives {@code kill -9}</h2>
 * A store into a mapped file is in the operating system's page cache the moment it is made; the process
 * dying afterwards does not undo it. Each record is written body first, then its CRC, then its length:
 * the length is the commit mark. A crash mid-write leaves a zero length (the segment is preallocated
 * with zeros), so recovery stops there; the message was never acknowledged, and the broker sends it
 * again. Power loss can tear a record in any order; the CRC (CRC-32C) finds that, and recovery zeroes
 * everything from the first bad record on. {@link LogSettings.Sync#DISK} forces records to disk in groups
 * before acknowledging them.
 *
 * <h2>Layout</h2>
 * Positions are byte offsets into one logical stream. A segment file is named by the position of its
 * first byte ({@code 00000000000000000000.log}); a segment that has no room for the next record ends
 * with a roll mark ({@code -1}) and the next segment starts at the mark's position. A record is
 * {@code [int length][int crc32c][long receivedMillis][u16 sourceLength][source UTF-8][payload]}, where
 * length and CRC cover what follows them. Segments are preallocated (zero-filled, one spare ahead, on a
 * thread of its own) so that a full disk shows as a failed roll, with room for a clear refusal, never
 * as a fault in the middle of a write to a mapped page.
 */
public final class SegmentLog implements InputLog {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentLog.class);
    private static final int HEADER = 8;
    private static final int BODY_FIXED = 8 + 2;
    private static final int ROLL = -1;
    private static final String SUFFIX = ".log";
    private static final Pattern NAME = Pattern.compile("\\d{20}\\.log");
    private static final int ZERO_CHUNK = 1 << 20;

    private final Path dir;
    private final LogSettings settings;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private final CRC32C crc = new CRC32C();
    private final byte[] fixed = new byte[BODY_FIXED];
    private final ByteBuffer fixedView = ByteBuffer.wrap(fixed);
    private final @Nullable Flusher flusher;
    private final Preallocator preallocator;
    private final AtomicLong appended = new AtomicLong();
    /** Guarded by this. */
    private Segment active;
    /** Guarded by this: the write offset within {@link #active}. */
    private int offset;
    private volatile long committed;
    private volatile long released;
    private volatile boolean full;
    private volatile boolean closed;
    private volatile @Nullable Thread waitingReader;
    /** Why the group commit gave up (a failed fsync), or null. */
    private volatile @Nullable String broken;
    private final long recoveredTornBytes;

    private SegmentLog(Path dir, LogSettings settings) throws IOException {
        this.dir = dir;
        this.settings = settings;
        this.preallocator = new Preallocator(dir, settings.segmentBytes());
        long torn = 0;
        List<Path> files = segmentFiles(dir);
        if (!files.isEmpty() && Files.size(files.get(files.size() - 1)) < LogSettings.MIN_SEGMENT_BYTES) {
            // A crash while it was being zero-filled, before any record could go into it.
            Path last = files.remove(files.size() - 1);
            LOG.warn("input log {}: removing {}, a segment left half-made by a crash", dir, last.getFileName());
            Files.delete(last);
        }
        if (files.isEmpty()) {
            active = Segment.map(create(dir, 0, settings.segmentBytes()), 0);
            segments.put(0L, active);
        } else {
            for (Path f : files) {
                long base = baseOf(f);
                segments.put(base, Segment.map(f, base));
            }
            active = segments.lastEntry().getValue();
            Recovery r = recover(active);
            torn = r.tornBytes();
            offset = r.end();
            if (r.rolled()) {
                long base = active.base + offset;
                active = Segment.map(create(dir, base, settings.segmentBytes()), base);
                segments.put(base, active);
                offset = 0;
            }
        }
        this.recoveredTornBytes = torn;
        this.committed = active.base + offset;
        this.released = segments.firstKey();
        this.flusher = settings.sync() == LogSettings.Sync.DISK ? new Flusher() : null;
        prepareSpare();
    }

    /**
     * Opens the log in {@code dir} (made if missing), recovering its end: a torn last record is found,
     * logged and dropped.
     *
     * @throws IOException if the folder or a segment cannot be read or made
     */
    public static SegmentLog open(Path dir, LogSettings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Files.createDirectories(Objects.requireNonNull(dir, "dir"));
        SegmentLog log = new SegmentLog(dir, settings);
        if (log.recoveredTornBytes > 0) {
            LOG.warn("input log {}: dropped a torn record at its end ({} bytes after position {}); it was never "
                    + "acknowledged, so its sender sends it again", dir, log.recoveredTornBytes, log.committed);
        }
        return log;
    }

    @Override
    public void append(String source, byte[] payload, long receivedMillis, Runnable durable)
            throws LogFullException {
        byte[] src = source.getBytes(StandardCharsets.UTF_8);
        if (src.length > 0xFFFF) {
            throw new IllegalArgumentException("source name of " + src.length + " bytes is over 65535");
        }
        int body = BODY_FIXED + src.length + payload.length;
        long need = (long) HEADER + body;
        if (need + 4 > settings.segmentBytes()) {
            throw new IllegalArgumentException("a record of " + need + " bytes does not fit a log segment of "
                    + settings.segmentBytes());
        }
        long end;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("input log is closed");
            }
            if (broken != null) {
                full = true;
                throw new LogFullException("input log " + dir + " cannot sync to disk (" + broken + "); restart it");
            }
            if (offset + need + 4 > active.capacity) {
                roll();
            }
            write(active.buf, offset, receivedMillis, src, payload, body);
            offset += (int) need;
            end = active.base + offset;
            committed = end;
            full = false;
        }
        appended.incrementAndGet();
        Thread reader = waitingReader;
        if (reader != null) {
            LockSupport.unpark(reader);
        }
        if (flusher == null) {
            durable.run();
        } else {
            flusher.after(end, durable);
        }
    }

    /** Body, then CRC, then the length last: the length is what makes the record exist. */
    private void write(MappedByteBuffer buf, int at, long receivedMillis, byte[] src, byte[] payload, int body) {
        fixedView.putLong(0, receivedMillis).putChar(8, (char) src.length);
        buf.put(at + HEADER, fixed, 0, BODY_FIXED);
        buf.put(at + HEADER + BODY_FIXED, src);
        buf.put(at + HEADER + BODY_FIXED + src.length, payload);
        crc.reset();
        crc.update(fixed, 0, BODY_FIXED);
        crc.update(src, 0, src.length);
        crc.update(payload, 0, payload.length);
        buf.putInt(at + 4, (int) crc.getValue());
        buf.putInt(at, body);
    }

    /** Starts the next segment at the current end; refuses when the size limit or the disk says no. */
    private void roll() throws LogFullException {
        long base = active.base + offset;
        if (!roomForNext()) {
            deleteReleased();
            if (!roomForNext()) {
                full = true;
                throw new LogFullException(String.format(Locale.ROOT,
                        "input log %s is full: %,d bytes of at most %,d wait for a checkpoint to release them",
                        dir, allocatedBytes(), settings.maxBytes()));
            }
        }
        Segment next;
        try {
            next = Segment.map(preallocator.take(base), base);
        } catch (IOException e) {
            full = true;
            throw new LogFullException("input log " + dir + " cannot start a new segment: " + e.getMessage(), e);
        }
        switchTo(next);
    }

    /** Makes {@code next} the segment appends go to; the current one ends with a roll mark. Holds this. */
    private void switchTo(Segment next) throws LogFullException {
        segments.put(next.base, next);
        if (offset + 4 <= active.capacity) {
            active.buf.putInt(offset, ROLL);
        }
        Segment previous = active;
        active = next;
        offset = 0;
        if (flusher != null) {
            forceDirectory(); // the new file's name must survive power loss before its records are acknowledged
            flusher.rolled(previous);
        }
        prepareSpare();
    }

    private void forceDirectory() throws LogFullException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            full = true;
            throw new LogFullException("input log " + dir + " cannot sync its folder: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the next append land at {@code position} or later. A checkpoint may cover more than a log
     * holds when the log lost its tail (power loss without disk sync) or was removed: new records must
     * then not reuse positions the checkpoint already counts as read, or a later restart would start
     * reading in the middle of one.
     */
    public synchronized void resumeAt(long position) throws IOException {
        if (position <= committed) {
            return;
        }
        try {
            switchTo(Segment.map(preallocator.take(position), position));
        } catch (LogFullException e) {
            throw new IOException(e.getMessage(), e);
        }
        committed = position;
        LOG.warn("input log {}: ended at {} but the checkpoint had read up to {}; new input continues from there",
                dir, active.base, position);
    }

    /** Whether the next segment fits the size limit: a spare made ahead already counts. */
    private boolean roomForNext() {
        long growth = preallocator.spareBytes() > 0 ? 0 : settings.segmentBytes();
        return allocatedBytes() + growth <= settings.maxBytes();
    }

    /** Makes a spare segment ahead of the next roll, if the size limit has room for one. */
    private void prepareSpare() {
        if (allocatedBytes() + settings.segmentBytes() <= settings.maxBytes()) {
            preallocator.prepare();
        }
    }

    private long allocatedBytes() {
        long total = preallocator.spareBytes();
        for (Segment s : segments.values()) {
            total += s.capacity;
        }
        return total;
    }

    @Override
    public Cursor cursor(long position) {
        if (position < released && position < segments.firstKey()) {
            throw new IllegalArgumentException("position " + position + " was released; the log starts at "
                    + segments.firstKey());
        }
        return new SegmentCursor(Math.max(position, segments.firstKey()));
    }

    @Override
    public long start() {
        return segments.firstKey();
    }

    @Override
    public long end() {
        return committed;
    }

    @Override
    public synchronized void release(long position) {
        // Never past what is on disk: a segment the group commit has yet to force must stay mapped.
        long upTo = Math.min(position, flusher == null ? committed : flusher.forced);
        if (upTo > released) {
            released = upTo;
        }
        deleteReleased();
        prepareSpare();
    }

    /** Deletes whole segments before the released position (and older than the retention). Holds this. */
    private void deleteReleased() {
        Instant keepAfter = Instant.now().minus(settings.retention());
        while (segments.size() > 1) {
            Map.Entry<Long, Segment> first = segments.firstEntry();
            Long nextBase = segments.higherKey(first.getKey());
            if (nextBase == null || nextBase > released || first.getValue() == active) {
                return;
            }
            Segment s = first.getValue();
            if (!settings.retention().isZero() && modifiedAfter(s.file, keepAfter)) {
                return;
            }
            segments.remove(first.getKey());
            if (flusher != null) {
                // Its records are forced (released never passes what is forced); the sync thread may be
                // forcing it right now, so it unmaps it, and must not find it queued to force again.
                flusher.rolledOut.remove(s);
                flusher.retired.add(s);
                LockSupport.unpark(flusher.thread);
            } else {
                s.unmap();
            }
            try {
                Files.deleteIfExists(s.file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete released log segment " + s.file, e);
            }
        }
    }

    private static boolean modifiedAfter(Path file, Instant when) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isAfter(when);
        } catch (IOException e) {
            return true; // keep what we cannot judge
        }
    }

    @Override
    public long sizeBytes() {
        return allocatedBytes();
    }

    @Override
    public boolean isFull() {
        return full;
    }

    /** Records appended since open. */
    public long appended() {
        return appended.get();
    }

    /** Bytes of a torn record dropped when the log was opened (0 after a clean stop). */
    public long recoveredTornBytes() {
        return recoveredTornBytes;
    }

    public Path dir() {
        return dir;
    }

    /** Runs the pending durable callbacks (after a last sync) and unmaps the segments. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (flusher != null) {
            flusher.close();
        }
        preallocator.close();
        for (Segment s : segments.values()) {
            s.unmap();
        }
    }

    // ------------------------------------------------------------------ files

    private static List<Path> segmentFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).sorted().forEach(out::add);
        }
        return out;
    }

    private static long baseOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    static Path nameFor(Path dir, long base) {
        return dir.resolve(String.format(Locale.ROOT, "%020d%s", base, SUFFIX));
    }

    /** A zero-filled file of {@code bytes}: every block exists before it is mapped. */
    static Path zeroFilled(Path file, long bytes) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_CHUNK);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long at = 0; at < bytes; at += ZERO_CHUNK) {
                zeros.clear().limit((int) Math.min(ZERO_CHUNK, bytes - at));
                while (zeros.hasRemaining()) {
                    ch.write(zeros, at + zeros.position());
                }
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private static Path create(Path dir, long base, long bytes) throws IOException {
        return zeroFilled(nameFor(dir, base), bytes);
    }

    private record Recovery(int end, boolean rolled, long tornBytes) {
    }

    /** Finds the end of the last segment; zeroes a torn or corrupt tail so that it never reads as records. */
    private static Recovery recover(Segment s) {
        CRC32C check = new CRC32C();
        int at = 0;
        while (at + HEADER <= s.capacity) {
            int len = s.buf.getInt(at);
            if (len == 0) {
                break;
            }
            if (len == ROLL) {
                return new Recovery(at, true, 0);
            }
            if (len < BODY_FIXED || (long) at + HEADER + len + 4 > s.capacity || !valid(s.buf, at, len, check)) {
                long torn = s.capacity - at;
                zero(s.buf, at, s.capacity);
                return new Recovery(at, false, torn);
            }
            at += HEADER + len;
        }
        return new Recovery(at, false, 0);
    }

    private static boolean valid(MappedByteBuffer buf, int at, int len, CRC32C check) {
        check.reset();
        check.update(buf.slice(at + HEADER, len));
        int sourceLength = buf.getChar(at + HEADER + 8);
        return (int) check.getValue() == buf.getInt(at + 4) && BODY_FIXED + sourceLength <= len;
    }

    private static void zero(MappedByteBuffer buf, int from, int to) {
        byte[] zeros = new byte[Math.min(ZERO_CHUNK, Math.max(0, to - from))];
        for (int at = from; at < to; at += zeros.length) {
            buf.put(at, zeros, 0, Math.min(zeros.length, to - at));
        }
    }

    // ------------------------------------------------------------------ reading

    private final class SegmentCursor implements Cursor {

        private long position;
        private final CRC32C crcOnRead = new CRC32C();

        SegmentCursor(long position) {
            this.position = position;
        }

        @Override
        public @Nullable LogRecord next(Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                if (position < committed) {
                    LogRecord r = read();
                    if (r != null) {
                        return r;
                    }
                    continue; // a roll mark: the next segment starts further on
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return null;
                }
                waitingReader = Thread.currentThread();
                if (position >= committed) {
                    LockSupport.parkNanos(this, Math.min(left, 10_000_000L));
                }
                waitingReader = null;
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }

        /** The record at {@link #position}, or null at a roll mark (then the position moves to the next segment). */
        private @Nullable LogRecord read() {
            // By position every time, never through a roll mark: the segment a record is in is the one whose
            // base is at or below it, and a segment released behind us may already be unmapped.
            Map.Entry<Long, Segment> entry = segments.floorEntry(position);
            if (entry == null) {
                throw new IllegalStateException("input log " + dir + " has no segment at position " + position);
            }
            Segment s = entry.getValue();
            int at = (int) (position - s.base);
            int len = at + HEADER <= s.capacity ? s.buf.getInt(at) : -2;
            if (len == ROLL) {
                // Segments are contiguous, except after resumeAt: then the next one starts further on.
                Long next = segments.higherKey(s.base);
                if (next == null) {
                    throw new IllegalStateException("input log " + dir + " has a roll mark at " + position
                            + " and no segment after it");
                }
                position = next;
                return null;
            }
            int sourceLength = len >= BODY_FIXED && (long) at + HEADER + len <= s.capacity
                    ? s.buf.getChar(at + HEADER + 8) : -1;
            if (sourceLength < 0 || BODY_FIXED + sourceLength > len || !valid(s.buf, at, len, crcOnRead)) {
                throw new IllegalStateException("input log " + dir + " is corrupt at position " + position
                        + " (length " + len + "); stopping rather than feed the engine garbage");
            }
            long received = s.buf.getLong(at + HEADER);
            byte[] src = new byte[sourceLength];
            s.buf.get(at + HEADER + BODY_FIXED, src);
            byte[] payload = new byte[len - BODY_FIXED - sourceLength];
            s.buf.get(at + HEADER + BODY_FIXED + sourceLength, payload);
            long start = position;
            position += HEADER + len;
            return new LogRecord(start, position, received, new String(src, StandardCharsets.UTF_8), payload);
        }

        @Override
        public long position() {
            return position;
        }
    }

    // ------------------------------------------------------------------ segments

    private static final class Segment {

        final long base;
        final Path file;
        final MappedByteBuffer buf;
        final int capacity;

        private Segment(long base, Path file, MappedByteBuffer buf) {
            this.base = base;
            this.file = file;
            this.buf = buf;
            this.capacity = buf.capacity();
        }

        static Segment map(Path file, long base) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long size = ch.size();
                if (size < LogSettings.MIN_SEGMENT_BYTES || size > Integer.MAX_VALUE) {
                    throw new IOException("log segment " + file + " has an impossible size " + size);
                }
                return new Segment(base, file, ch.map(FileChannel.MapMode.READ_WRITE, 0, size));
            }
        }

        void unmap() {
            Unmapper.unmap(buf);
        }
    }

    /** Makes the next segment's file ahead of time, so that a roll is a rename, not 64 MiB of zeros. */
    private static final class Preallocator {

        private final Path dir;
        private final long bytes;
        private final Path spare;
        private volatile boolean ready;
        private @Nullable Thread worker;

        Preallocator(Path dir, long bytes) throws IOException {
            this.dir = dir;
            this.bytes = bytes;
            this.spare = dir.resolve("next.spare");
            Files.deleteIfExists(spare);
        }

        synchronized void prepare() {
            if (ready || (worker != null && worker.isAlive())) {
                return;
            }
            Thread t = new Thread(() -> {
                try {
                    Files.deleteIfExists(spare);
                    zeroFilled(spare, bytes);
                    ready = true;
                } catch (IOException e) {
                    LOG.debug("input log {}: no spare segment ahead: {}", dir, e.toString());
                }
            }, "wk-log-preallocate");
            t.setDaemon(true);
            worker = t;
            t.start();
        }

        /**
         * The spare renamed to {@code base}'s name if ready, else a new file made now. A spare still being
         * made is waited for: making a second file beside it would leave both, one segment over the size
         * limit (seen under load as 4 MiB in a 3 MiB log).
         */
        synchronized Path take(long base) throws IOException {
            Path target = nameFor(dir, base);
            Thread making = worker;
            if (!ready && making != null && making.isAlive()) {
                try {
                    making.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while the next log segment was being made", e);
                }
            }
            if (ready) {
                ready = false;
                try {
                    return Files.move(spare, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (NoSuchFileException e) {
                    LOG.debug("input log {}: spare segment vanished", dir);
                }
            }
            Files.deleteIfExists(target); // left by a roll that failed after making it
            return zeroFilled(target, bytes);
        }

        long spareBytes() {
            return ready ? bytes : 0;
        }

        synchronized void close() {
            Thread t = worker;
            if (t != null) {
                try {
                    t.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                Files.deleteIfExists(spare);
            } catch (IOException e) {
                LOG.debug("input log {}: spare segment left: {}", dir, e.toString());
            }
        }
    }

    /**
     * Group commit for {@link LogSettings.Sync#DISK}: one thread forces whatever was appended since its
     * last force, then runs the callbacks of the records that force covered, in order. Appends made while
     * a force runs wait for the next one, which covers them all at once.
     */
    private final class Flusher implements Runnable {

        private final ConcurrentLinkedQueue<Pending> pending =
                new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Segment> rolledOut =
                new ConcurrentLinkedQueue<>();
        /** Segments deleted from the log, unmapped here, after any force that may still touch them. */
        private final ConcurrentLinkedQueue<Segment> retired =
                new ConcurrentLinkedQueue<>();
        private final Thread thread = new Thread(this, "wk-log-sync");
        private volatile boolean running = true;
        /** Position up to which everything was forced. */
        private volatile long forced;
        private long lastErrorLogNanos;

        private record Pending(long end, Runnable durable) {
        }

        Flusher() {
            forced = committed;
            thread.setDaemon(true);
            thread.start();
        }

        void after(long end, Runnable durable) {
            pending.add(new Pending(end, durable));
            LockSupport.unpark(thread);
        }

        void rolled(Segment previous) {
            rolledOut.add(previous);
        }

        @Override
        public void run() {
            while ((running || !pending.isEmpty()) && broken == null) {
                unmapRetired();
                if (pending.isEmpty()) {
                    LockSupport.parkNanos(this, 1_000_000L);
                    continue;
                }
                try {
                    syncOnce();
                } catch (RuntimeException | Error e) {
                    // After a failed fsync the kernel may already have marked the lost pages clean, so a retry
                    // could "succeed" and acknowledge what is not on disk. Acknowledge nothing more: input
                    // waits at the broker, /health says DOWN, and a restart recovers from what is on disk.
                    broken = e.toString();
                    LOG.error("input log {}: cannot force records to disk; no more input is acknowledged until a "
                            + "restart: {}", dir, e.toString());
                }
            }
            unmapRetired();
        }

        private void unmapRetired() {
            for (Segment s; (s = retired.poll()) != null; ) {
                s.unmap();
            }
        }

        private void syncOnce() {
            long target = committed;
            for (Segment s; (s = rolledOut.peek()) != null; ) {
                s.buf.force(); // before it leaves the queue: a force that throws leaves it there
                rolledOut.poll();
            }
            Map.Entry<Long, Segment> e = segments.floorEntry(Math.max(0, target - 1));
            if (e != null && target > forced) {
                // The whole map: msync writes only its dirty pages. (Forcing a sub-range failed here with
                // ENOMEM under load, a range the kernel did not see as mapped.)
                e.getValue().buf.force();
            }
            forced = target;
            for (Pending p; (p = pending.peek()) != null && p.end() <= target; ) {
                pending.poll();
                p.durable().run();
            }
        }

        void close() {
            running = false;
            LockSupport.unpark(thread);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
