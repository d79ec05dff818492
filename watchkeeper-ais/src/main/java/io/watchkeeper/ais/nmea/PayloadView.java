package io.watchkeeper.ais.nmea;

import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * The framer's one reusable {@link AisPayload}: it points into the line (single fragment) or into the
 * framer's reassembly buffer (several), and builds {@link #raw()} only when asked.
 */
final class PayloadView implements AisPayload {

    private CharSequence armored = "";
    private int start;
    private int end;
    private int fillBits;
    private char channel;
    private String talker = "";
    private boolean ownShip;
    private long receivedAtMillis = NO_TIME;
    private @Nullable String source;
    private @Nullable CharSequence rawLine;
    private @Nullable List<String> rawLines;
    private @Nullable String raw;

    void set(CharSequence armored, int start, int end, int fillBits, char channel, String talker, boolean ownShip,
             long receivedAtMillis, @Nullable String source) {
        this.armored = armored;
        this.start = start;
        this.end = end;
        this.fillBits = fillBits;
        this.channel = channel;
        this.talker = talker;
        this.ownShip = ownShip;
        this.receivedAtMillis = receivedAtMillis;
        this.source = source;
        this.raw = null;
        this.rawLine = null;
        this.rawLines = null;
    }

    void rawFrom(CharSequence line) {
        rawLine = line;
    }

    void rawFrom(List<String> lines) {
        rawLines = lines;
    }

    @Override
    public CharSequence armored() {
        return armored;
    }

    @Override
    public int start() {
        return start;
    }

    @Override
    public int end() {
        return end;
    }

    @Override
    public int fillBits() {
        return fillBits;
    }

    @Override
    public char channel() {
        return channel;
    }

    @Override
    public String talker() {
        return talker;
    }

    @Override
    public boolean ownShip() {
        return ownShip;
    }

    @Override
    public long receivedAtMillis() {
        return receivedAtMillis;
    }

    @Override
    public @Nullable String source() {
        return source;
    }

    @Override
    public String raw() {
        String text = raw;
        if (text == null) {
            List<String> lines = rawLines;
            text = lines != null ? String.join("\n", lines) : String.valueOf(rawLine);
            raw = text;
        }
        return text;
    }

    @Override
    public String toString() {
        return "AisPayload[" + armored.subSequence(start, end) + ",fill=" + fillBits + ",channel=" + channel
                + ",talker=" + talker + ",time=" + receivedAtMillis + ",source=" + source + "]";
    }
}
