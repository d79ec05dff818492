package io.watchkeeper.ais.nmea;

import io.watchkeeper.core.deadletter.RejectReason;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * Turns lines of NMEA 0183 text from one input source into complete AIS payloads: checks checksums,
 * reads NMEA 4.0 tag blocks, Gatehouse {@code $PGHP} times and trailing receive-time columns, and
 * reassembles multi-fragment messages. Each line ends in exactly one outcome: part of a payload (handed
 * to {@link FrameListener#onPayload} when its message completes), a rejection, or an ignore.
 *
 * <p>One instance per input source. Not thread-safe: all methods must be called from one thread, and
 * the listener is called on that thread. A single-fragment sentence is handed on as a view into the
 * line itself, without copying or allocating.
 */
public final class NmeaFramer {

    private static final int AIS_FIELDS = 7;
    private static final int TALKER_CHARS = 37;

    private final FramerSettings settings;
    private final Outcomes outcomes;
    private final FragmentAssembler assembler;
    private final TagBlock tag = new TagBlock();
    private final Sentence sentence = new Sentence();
    private final PayloadView view = new PayloadView();
    private final int[] commas = new int[AIS_FIELDS - 1];
    /** Talker strings by their two characters, created once each so payloads allocate none. */
    private final String[] talkers = new String[TALKER_CHARS * TALKER_CHARS];
    /** From a tag-block-only line or {@code $PGHP}: applies to the next AIS sentence, which clears it. */
    private long contextTimeMillis = AisPayload.NO_TIME;
    private @Nullable String contextSource;

    public NmeaFramer(FrameListener listener, FramerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.outcomes = new Outcomes(Objects.requireNonNull(listener, "listener"));
        this.assembler = new FragmentAssembler(outcomes, settings.maxPendingGroups(),
                settings.fragmentTimeout().toMillis());
    }

    /**
     * Frames one line of input, given without its line terminator (a trailing {@code \r} is tolerated).
     * The line must stay unchanged during this call; the framer copies what it keeps.
     *
     * @param wallClockMillis when the line arrived (epoch ms), for the fragment timeout
     */
    public void accept(CharSequence line, long wallClockMillis) {
        Objects.requireNonNull(line, "line");
        outcomes.lines++;
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
            end--;
        }
        int pos = 0;
        while (pos < end && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
            pos++;
        }
        if (pos == end || line.charAt(pos) == '#') {
            outcomes.ignore(line);
            return;
        }
        tag.reset();
        if (line.charAt(pos) == '\\') {
            String problem = tag.parse(line, pos, end, settings.verifyTagBlockChecksum());
            if (problem != null) {
                outcomes.reject(tag.checksumProblem ? RejectReason.NMEA_CHECKSUM : RejectReason.NMEA_TRUNCATED,
                        problem, line);
                return;
            }
            pos = tag.end;
            if (pos == end) {
                rememberTagContext();
                outcomes.ignore(line);
                return;
            }
        }
        char first = line.charAt(pos);
        if (first != '!' && first != '$') {
            outcomes.reject(RejectReason.NMEA_GARBAGE, tag.present ? "tag block not followed by a sentence"
                    : "not an NMEA sentence", line);
            return;
        }
        acceptSentence(line, pos, end, wallClockMillis);
    }

    /** Rejects, as {@code FRAGMENT_EXPIRED}, fragment groups that waited the fragment timeout or longer. */
    public void expire(long nowMillis) {
        assembler.expire(nowMillis);
    }

    /** At end of input: rejects every pending fragment group as {@code FRAGMENT_EXPIRED}. */
    public void flush() {
        assembler.flush();
    }

    /**
     * Whether nothing read so far waits for a later line: no incomplete fragment group, no tag block or
     * {@code $PGHP} time waiting for its sentence. Only there may a checkpoint cut the input, since
     * what the framer holds is not part of one.
     */
    public boolean isAtBoundary() {
        return contextTimeMillis == AisPayload.NO_TIME && contextSource == null && assembler.pendingGroups() == 0;
    }

    /** A snapshot of the counters. */
    public FramerStats stats() {
        return outcomes.stats(assembler.pendingGroups(), assembler.pendingLines());
    }

    private void acceptSentence(CharSequence line, int pos, int end, long wallClockMillis) {
        int addressEnd = pos + 1;
        while (addressEnd < end && NmeaChars.isAddressChar(line.charAt(addressEnd))) {
            addressEnd++;
        }
        int addressLength = addressEnd - pos - 1;
        if (addressLength < 3 || addressLength > 6 || addressEnd == end
                || line.charAt(addressEnd) != ',' && line.charAt(addressEnd) != '*') {
            outcomes.reject(RejectReason.NMEA_GARBAGE, "not an NMEA sentence", line);
            return;
        }
        int star = NmeaChars.indexOf(line, '*', addressEnd, end);
        if (!checksumHolds(line, pos, star, end)) {
            return;
        }
        int bodyEnd = star;
        int next = star == end ? end : nextSentence(line, Math.min(star + 3, end), end);
        long trailingMillis = trailingTime(line, Math.min(star + 3, next), next);
        handleSentence(line, pos, next, addressEnd, addressLength, bodyEnd, trailingMillis, wallClockMillis);
        if (next < end) {
            accept(line.subSequence(next, end), wallClockMillis); // counts as a line of its own: balance holds
        }
    }

    /**
     * Where a second sentence joined onto this line starts (Spire and gfw's samples do that, with or
     * without its own tag block), or {@code end}: the next {@code '!'}, or the tag block right before it.
     */
    private static int nextSentence(CharSequence line, int from, int end) {
        int bang = NmeaChars.indexOf(line, '!', from, end);
        if (bang == end || bang == from || line.charAt(bang - 1) != '\\') {
            return bang;
        }
        for (int i = bang - 2; i >= from; i--) {
            if (line.charAt(i) == '\\') {
                return i;
            }
        }
        return bang;
    }

    private void handleSentence(CharSequence line, int pos, int end, int addressEnd, int addressLength, int bodyEnd,
                                long trailingMillis, long wallClockMillis) {
        boolean ais = line.charAt(pos) == '!' && addressLength == 5 && line.charAt(pos + 3) == 'V'
                && line.charAt(pos + 4) == 'D' && (line.charAt(pos + 5) == 'M' || line.charAt(pos + 5) == 'O');
        if (!ais) {
            if (addressLength == 4 && NmeaChars.startsWith(line, pos, end, "$PGHP")) {
                rememberGatehouseTime(line, addressEnd, bodyEnd);
            }
            outcomes.ignore(line);
            return;
        }
        if (parseAis(line, pos, addressEnd, bodyEnd, trailingMillis)) {
            if (sentence.fragmentCount == 1) {
                view.set(line, sentence.payloadStart, sentence.payloadEnd, sentence.fillBits, sentence.channel,
                        sentence.talker, sentence.ownShip, sentence.receivedAtMillis, sentence.source);
                view.rawFrom(line);
                outcomes.payload(view, 1);
            } else {
                assembler.add(sentence, line, wallClockMillis);
            }
        }
    }

    /** Checks {@code *hh} at {@code star} against the characters after {@code pos}; rejects if it fails. */
    private boolean checksumHolds(CharSequence line, int pos, int star, int end) {
        if (star == end) {
            if (settings.requireChecksum() || line.charAt(pos) == '$') {
                outcomes.reject(RejectReason.NMEA_CHECKSUM, "no checksum", line);
                return false;
            }
            return true;
        }
        int given = NmeaChars.hexByte(line, star + 1, end);
        if (given < 0) {
            outcomes.reject(RejectReason.NMEA_CHECKSUM, "checksum *" + line.subSequence(star + 1,
                    Math.min(star + 3, end)) + " malformed", line);
            return false;
        }
        int expected = NmeaChars.xor(line, pos + 1, star);
        if (given != expected) {
            outcomes.reject(RejectReason.NMEA_CHECKSUM, "checksum *" + NmeaChars.hex(given) + " expected *"
                    + NmeaChars.hex(expected), line);
            return false;
        }
        return true;
    }

    /**
     * Fills {@link #sentence} from the fields of {@code !xxVDM,count,number,seq,channel,payload,fill}
     * in [pos, bodyEnd); rejects the line and returns false if a field is wrong.
     */
    private boolean parseAis(CharSequence line, int pos, int addressEnd, int bodyEnd, long trailingMillis) {
        int found = 0;
        for (int i = addressEnd; i < bodyEnd; i++) {
            if (line.charAt(i) == ',') {
                if (found == commas.length) {
                    outcomes.reject(RejectReason.NMEA_TRUNCATED, "more than " + AIS_FIELDS + " fields", line);
                    return false;
                }
                commas[found++] = i;
            }
        }
        if (found < commas.length) {
            outcomes.reject(RejectReason.NMEA_TRUNCATED, (found + 1) + " fields, expected " + AIS_FIELDS, line);
            return false;
        }
        Sentence s = sentence;
        s.fragmentCount = NmeaChars.parseInt(line, commas[0] + 1, commas[1]);
        s.fragmentNumber = NmeaChars.parseInt(line, commas[1] + 1, commas[2]);
        if (s.fragmentCount < 1 || s.fragmentNumber < 1) {
            return reject(RejectReason.NMEA_TRUNCATED, "fragment fields '", line, commas[0] + 1, commas[2]);
        }
        if (s.fragmentNumber > s.fragmentCount) {
            outcomes.reject(RejectReason.FRAGMENT_SEQUENCE, "fragment " + s.fragmentNumber + " of "
                    + s.fragmentCount, line);
            return false;
        }
        boolean noSequence = commas[3] == commas[2] + 1;
        s.sequenceId = noSequence ? Sentence.NO_SEQUENCE : NmeaChars.parseInt(line, commas[2] + 1, commas[3]);
        if (!noSequence && s.sequenceId < 0) {
            return reject(RejectReason.NMEA_TRUNCATED, "sequential id '", line, commas[2] + 1, commas[3]);
        }
        int channelLength = commas[4] - commas[3] - 1;
        s.channel = channelLength == 1 ? line.charAt(commas[3] + 1) : 0;
        if (channelLength > 1 || channelLength == 1 && !NmeaChars.isAddressChar(s.channel)) {
            return reject(RejectReason.NMEA_TRUNCATED, "channel '", line, commas[3] + 1, commas[4]);
        }
        s.payloadStart = commas[4] + 1;
        s.payloadEnd = commas[5];
        if (!payloadHolds(line, s) || !fillBitsHold(line, s, commas[5] + 1, bodyEnd)) {
            return false;
        }
        s.talker = talker(line.charAt(pos + 1), line.charAt(pos + 2));
        s.ownShip = line.charAt(pos + 5) == 'O';
        s.receivedAtMillis = tag.timeMillis != AisPayload.NO_TIME ? tag.timeMillis
                : trailingMillis != AisPayload.NO_TIME ? trailingMillis : contextTimeMillis;
        s.keySource = tag.source != null ? tag.source : settings.defaultSource();
        s.source = tag.source != null ? tag.source : contextSource != null ? contextSource : settings.defaultSource();
        s.tagGroup = tag.groupId;
        contextTimeMillis = AisPayload.NO_TIME;
        contextSource = null;
        return true;
    }

    private boolean reject(RejectReason reason, String detailStart, CharSequence line, int from, int to) {
        outcomes.reject(reason, detailStart + line.subSequence(from, to) + "'", line);
        return false;
    }

    private boolean payloadHolds(CharSequence line, Sentence s) {
        if (s.payloadStart == s.payloadEnd) {
            outcomes.reject(RejectReason.NMEA_TRUNCATED, "empty payload", line);
            return false;
        }
        for (int i = s.payloadStart; i < s.payloadEnd; i++) {
            char c = line.charAt(i);
            if (!NmeaChars.isArmour(c)) {
                outcomes.reject(RejectReason.AIS_PAYLOAD, "payload character 0x" + NmeaChars.hex(c & 0xFF)
                        + " at " + (i - s.payloadStart) + " outside the six-bit armour", line);
                return false;
            }
        }
        return true;
    }

    private boolean fillBitsHold(CharSequence line, Sentence s, int from, int to) {
        s.fillBits = to - from == 1 ? NmeaChars.parseInt(line, from, to) : -1;
        if (s.fillBits < 0 || s.fillBits > 5) {
            return reject(RejectReason.NMEA_FILL_BITS, "fill bits outside 0..5: '", line, from, to);
        }
        if (s.fillBits != 0 && s.fragmentNumber < s.fragmentCount) {
            outcomes.reject(RejectReason.NMEA_FILL_BITS, "fill bits " + s.fillBits + " on fragment "
                    + s.fragmentNumber + " of " + s.fragmentCount, line);
            return false;
        }
        return true;
    }

    /** Unix time (s, or ms above 10^11) from the last all-digit column after the checksum; NO_TIME if none. */
    private static long trailingTime(CharSequence line, int from, int end) {
        if (from >= end || line.charAt(from) != ',') {
            return AisPayload.NO_TIME;
        }
        long time = AisPayload.NO_TIME;
        for (int column = from + 1; column <= end; ) {
            int columnEnd = NmeaChars.indexOf(line, ',', column, end);
            long value = NmeaChars.parseLong(line, column, columnEnd);
            if (value != NmeaChars.NOT_A_NUMBER) {
                time = NmeaChars.unixToMillis(value);
            }
            column = columnEnd + 1;
        }
        return time;
    }

    private void rememberTagContext() {
        if (tag.timeMillis != AisPayload.NO_TIME) {
            contextTimeMillis = tag.timeMillis;
        }
        if (tag.source != null) {
            contextSource = tag.source;
        }
    }

    /** {@code $PGHP,1,yyyy,M,d,h,m,s,ms,...}: a UTC receive time for the next AIS sentence; kept only if valid. */
    private void rememberGatehouseTime(CharSequence line, int addressEnd, int bodyEnd) {
        int[] values = new int[8];
        int field = addressEnd + 1;
        for (int i = 0; i < values.length; i++) {
            if (field > bodyEnd) {
                return;
            }
            int fieldEnd = NmeaChars.indexOf(line, ',', field, bodyEnd);
            values[i] = NmeaChars.parseInt(line, field, fieldEnd);
            field = fieldEnd + 1;
        }
        int year = values[1];
        int month = values[2];
        int day = values[3];
        if (values[0] != 1 || year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1
                || day > Month.of(month).length(Year.isLeap(year)) || values[4] < 0 || values[4] > 23
                || values[5] < 0 || values[5] > 59 || values[6] < 0 || values[6] > 60 || values[7] < 0
                || values[7] > 999) {
            return;
        }
        long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L + values[4] * 3600L + values[5] * 60L
                + values[6];
        contextTimeMillis = seconds * 1000 + values[7];
    }

    private String talker(char first, char second) {
        int index = talkerIndex(first) * TALKER_CHARS + talkerIndex(second);
        String talker = talkers[index];
        if (talker == null) {
            talker = new String(new char[] {first, second});
            talkers[index] = talker;
        }
        return talker;
    }

    private static int talkerIndex(char c) {
        return c == '-' ? 36 : c <= '9' ? 26 + c - '0' : c - 'A';
    }
}
