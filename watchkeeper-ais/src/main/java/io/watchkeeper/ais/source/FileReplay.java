package io.watchkeeper.ais.source;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads a file (plain, gzip or standard input) and hands every line to a {@link LineHandler} on the
 * calling thread, as fast as the handler takes them. Pacing to message time is the {@link Pacer}'s job,
 * called from the handler once a line is decoded, because only the decoder knows a line's event time.
 */
public final class FileReplay {

    private final Clock clock;
    private final ProgressBar progress;

    /**
     * @param clock    stamps each line's receive time and measures the elapsed time
     * @param progress where progress goes; {@link ProgressBar#disabled()} for none
     */
    public FileReplay(Clock clock, ProgressBar progress) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Opens {@code pathOrDash} with {@link LineFiles#open(String)}, replays it and closes it. */
    public ReplayStats replay(String pathOrDash, LineHandler handler) throws IOException {
        Objects.requireNonNull(pathOrDash, "pathOrDash");
        Objects.requireNonNull(handler, "handler");
        try (LineInput input = LineFiles.open(pathOrDash)) {
            return replay(input, handler);
        }
    }

    /** Replays an open input to its end; the caller closes it. */
    public ReplayStats replay(LineInput input, LineHandler handler) throws IOException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(handler, "handler");
        long startMillis = clock.millis();
        progress.start();
        long lines = 0;
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            handler.onLine(line, clock.millis());
            lines++;
            progress.update(input.bytesRead(), input.sizeBytes(), lines);
        }
        progress.finish(input.bytesRead(), input.sizeBytes(), lines);
        Duration elapsed = Duration.ofMillis(Math.max(0, clock.millis() - startMillis));
        return new ReplayStats(lines, input.bytesRead(), elapsed);
    }
}
