package io.watchkeeper.server.cli;

import io.watchkeeper.ais.AisDecoder;
import io.watchkeeper.ais.AisDecoderListener;
import io.watchkeeper.ais.AisDecoderStats;
import io.watchkeeper.ais.gpsd.GpsdecodeOutput;
import io.watchkeeper.ais.message.AisMessage;
import io.watchkeeper.ais.nmea.AisPayload;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.FileReplay;
import io.watchkeeper.ais.source.LineFiles;
import io.watchkeeper.ais.source.LineInput;
import io.watchkeeper.ais.source.ProgressBar;
import io.watchkeeper.core.deadletter.RejectReason;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Decodes an AIS recording: our decoder, with gpsdecode's JSON on request. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decodes AIS NMEA (VDM/VDO, tag blocks, $PGHP, multi-fragment) and prints one message per line.",
                "With --json, prints what 'gpsdecode -u -j' prints (gpsd's field names, unscaled), so the two diff.",
                "A summary (messages per type, rejections per reason) goes to stderr."},
        footer = {"", "Examples:",
                "  watchkeeper decode data/dma-aisabnormal/ais-sample-20131112T1200Z.txt.gz | head",
                "  diff <(watchkeeper decode --json FILE) <(gpsdecode -u -j < FILE)"})
final class DecodeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "NMEA file, plain or gzip; '-' reads stdin.")
    String file;

    @Option(names = "--json", description = "gpsd AIS JSON (as gpsdecode -u -j) instead of text.")
    boolean json;

    @Option(names = "--rejects", description = "Also print each rejected input on stderr, with its reason.")
    boolean rejects;

    @Option(names = "--no-tag-checksum", description = "Accept tag blocks whose checksum is wrong (some feeds write *00).")
    boolean noTagChecksum;

    @Option(names = {"-q", "--quiet"}, description = "No summary and no progress bar on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        LineOut out = new LineOut(new FileOutputStream(FileDescriptor.out));
        Printer printer = new Printer(out, json, rejects ? err : null);
        FramerSettings settings = FramerSettings.defaults().withVerifyTagBlockChecksum(!noTagChecksum);
        AisDecoder decoder = new AisDecoder(printer, settings);
        Clock clock = Clock.systemUTC();
        boolean bar = !quiet && System.console() != null;
        try (LineInput input = LineFiles.open(file)) {
            new FileReplay(clock, bar ? ProgressBar.to(err, clock) : ProgressBar.disabled())
                    .replay(input, (line, receivedAt) -> decoder.accept(line, 0L));
            decoder.flush();
            flush(out);
        } catch (OutputClosed e) {
            return 0; // the reader went away (| head): stop quietly, as Unix filters do
        }
        if (!quiet) {
            err.print(summary(decoder.stats()));
        }
        return 0;
    }

    private static void flush(LineOut out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new OutputClosed(e);
        }
    }

    /** Messages per type and rejections per reason, one per line, for stderr. */
    static String summary(AisDecoderStats stats) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("decode: %d lines, %d messages, %d rejected%n", stats.framer().lines(),
                stats.messagesTotal(), stats.rejectedTotal()));
        long[] byType = stats.messagesByType();
        for (int type = 0; type < byType.length; type++) {
            if (byType[type] > 0) {
                b.append(String.format("  type %2d  %,10d%n", type, byType[type]));
            }
        }
        for (Map.Entry<RejectReason, Long> e : stats.rejected().entrySet()) {
            if (e.getValue() > 0) {
                b.append(String.format("  rejected %-18s %,10d%n", e.getKey().label(), e.getValue()));
            }
        }
        return b.toString();
    }

    /** Standard output failed, nearly always because the reader closed the pipe. */
    private static final class OutputClosed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputClosed(IOException cause) {
            super(cause);
        }
    }

    /** Writes each message as it is decoded; one instance per run, on the reading thread. */
    private static final class Printer implements AisDecoderListener {

        private final LineOut out;
        private final boolean json;
        private final PrintStream rejects;
        private final GpsdecodeOutput gpsd = new GpsdecodeOutput();
        private final StringBuilder line = new StringBuilder(512);

        Printer(LineOut out, boolean json, PrintStream rejects) {
            this.out = out;
            this.json = json;
            this.rejects = rejects;
        }

        @Override
        public void onMessage(AisMessage message, AisPayload payload) {
            line.setLength(0);
            boolean any;
            if (json) {
                any = gpsd.write(message, payload.channel(), line);
            } else {
                MessageText.append(message, payload, line);
                any = true;
            }
            if (any) {
                line.append(json ? "\r\n" : "\n"); // gpsdecode ends its JSON lines with CR LF
                try {
                    out.write(line);
                } catch (IOException e) {
                    throw new OutputClosed(e);
                }
            }
        }

        @Override
        public void onRejected(RejectReason reason, String detail, String raw) {
            if (rejects != null) {
                rejects.println("rejected " + reason.label() + ": " + detail + ": " + raw);
            }
        }
    }

    /**
     * UTF-8 output of whole lines through one 64 KiB byte buffer. Our output is nearly always ASCII, and
     * copying its chars straight to bytes skips the Writer's char buffer and charset encoder, which took
     * about 12 % of a {@code decode --json} profile; a line holding anything else is encoded whole.
     */
    private static final class LineOut {

        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private int used;

        LineOut(OutputStream out) {
            this.out = out;
        }

        void write(CharSequence line) throws IOException {
            int length = line.length();
            if (length > buffer.length - used) {
                flushBuffer();
            }
            if (length > buffer.length || !copyAscii(line, length)) {
                byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                if (bytes.length > buffer.length - used) {
                    flushBuffer();
                }
                if (bytes.length > buffer.length) {
                    out.write(bytes);
                } else {
                    System.arraycopy(bytes, 0, buffer, used, bytes.length);
                    used += bytes.length;
                }
            }
        }

        /** Copies the line if it is all ASCII and returns true; otherwise leaves the buffer as it was. */
        private boolean copyAscii(CharSequence line, int length) {
            byte[] b = buffer;
            int at = used;
            for (int i = 0; i < length; i++) {
                char c = line.charAt(i);
                if (c >= 0x80) {
                    return false;
                }
                b[at + i] = (byte) c;
            }
            used = at + length;
            return true;
        }

        void flush() throws IOException {
            flushBuffer();
            out.flush();
        }

        private void flushBuffer() throws IOException {
            if (used > 0) {
                out.write(buffer, 0, used);
                used = 0;
            }
        }
    }
}
