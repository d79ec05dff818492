package io.watchkeeper.ais.nmea;

import io.watchkeeper.core.deadletter.RejectReason;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jetbrains.annotations.Nullable;

/**
 * Reassembles multi-fragment messages: fragments 1..N in order, keyed by the tag block group when
 * there is one, else by (source, channel, sequential id, fragment count). Owned by one framer's thread.
 */
final class FragmentAssembler {

    /**
     * The longest line held as a fragment. An NMEA sentence has at most 82 characters and a tag block
     * some tens; without a cap, a station could park {@code maxPendingGroups} groups of lines as long as
     * a whole message for the fragment timeout. With it a station's groups hold at most about
     * 1,024 x 8 x 1 KiB.
     */
    static final int MAX_FRAGMENT_CHARS = 1_024;

    private record Key(@Nullable String source, char channel, int sequenceId, int fragmentCount, long tagGroup) {

        static Key of(Sentence s) {
            return s.tagGroup != TagBlock.NO_GROUP
                    ? new Key(null, (char) 0, Sentence.NO_SEQUENCE, 0, s.tagGroup)
                    : new Key(s.keySource, s.channel, s.sequenceId, s.fragmentCount, TagBlock.NO_GROUP);
        }
    }

    /** What one incomplete message holds: its first fragment's metadata and the lines so far. */
    private static final class Group {
        final Key key;
        final String description;
        final int count;
        final char channel;
        final String talker;
        final boolean ownShip;
        final long receivedAtMillis;
        final @Nullable String source;
        final long startedMillis;
        final List<String> lines;
        final int[] starts;
        final int[] ends;

        Group(Key key, Sentence first, long startedMillis) {
            this.key = key;
            this.description = first.describeGroup();
            this.count = first.fragmentCount;
            this.channel = first.channel;
            this.talker = first.talker;
            this.ownShip = first.ownShip;
            this.receivedAtMillis = first.receivedAtMillis;
            this.source = first.source;
            this.startedMillis = startedMillis;
            this.lines = new ArrayList<>(count);
            this.starts = new int[count];
            this.ends = new int[count];
        }

        int held() {
            return lines.size();
        }

        String raw() {
            return String.join("\n", lines);
        }
    }

    private final Outcomes outcomes;
    private final int maxPendingGroups;
    private final long timeoutMillis;
    private final Map<Key, Group> pending = new LinkedHashMap<>();
    private final StringBuilder buffer = new StringBuilder(128);
    private final PayloadView view = new PayloadView();
    private int pendingLines;

    FragmentAssembler(Outcomes outcomes, int maxPendingGroups, long timeoutMillis) {
        this.outcomes = outcomes;
        this.maxPendingGroups = maxPendingGroups;
        this.timeoutMillis = timeoutMillis;
    }

    int pendingGroups() {
        return pending.size();
    }

    int pendingLines() {
        return pendingLines;
    }

    /** Adds one fragment of a message with fragment count above 1; {@code s} describes {@code line}. */
    void add(Sentence s, CharSequence line, long nowMillis) {
        if (line.length() > MAX_FRAGMENT_CHARS) {
            outcomes.reject(RejectReason.TOO_LARGE, "a fragment line of " + line.length() + " characters, more than "
                    + MAX_FRAGMENT_CHARS + ", is not held " + s.describeGroup(), line);
            return;
        }
        Key key = Key.of(s);
        Group group = pending.get(key);
        if (group != null && nowMillis - group.startedMillis >= timeoutMillis) {
            drop(group, RejectReason.FRAGMENT_EXPIRED, "expired: " + heldText(group) + " held "
                    + (nowMillis - group.startedMillis) / 1000 + " s without the rest " + group.description);
            group = null;
        }
        if (group != null && !continues(group, s)) {
            drop(group, RejectReason.FRAGMENT_SEQUENCE, heldText(group) + " then fragment " + s.fragmentNumber
                    + " of " + s.fragmentCount + (s.channel == group.channel ? " " : " on channel " + s.channel + " ")
                    + group.description);
            group = null;
        }
        if (group == null) {
            if (s.fragmentNumber != 1) {
                outcomes.reject(RejectReason.FRAGMENT_SEQUENCE, "fragment " + s.fragmentNumber + " of "
                        + s.fragmentCount + " without fragment 1 " + s.describeGroup(), line);
                return;
            }
            group = start(key, s, nowMillis);
        }
        group.starts[group.held()] = s.payloadStart;
        group.ends[group.held()] = s.payloadEnd;
        group.lines.add(line.toString());
        pendingLines++;
        if (group.held() == group.count) {
            complete(group, s.fillBits);
        }
    }

    /** Rejects groups whose first fragment came {@code timeout} or more before {@code nowMillis}. */
    void expire(long nowMillis) {
        for (Iterator<Group> it = pending.values().iterator(); it.hasNext(); ) {
            Group group = it.next();
            long age = nowMillis - group.startedMillis;
            if (age >= timeoutMillis) {
                it.remove();
                pendingLines -= group.held();
                outcomes.reject(RejectReason.FRAGMENT_EXPIRED, "expired: " + heldText(group) + " held " + age / 1000
                        + " s without the rest " + group.description, group.raw(), group.held());
            }
        }
    }

    /** Rejects every pending group: the input has ended, so none can complete. */
    void flush() {
        while (!pending.isEmpty()) {
            Group oldest = pending.values().iterator().next();
            drop(oldest, RejectReason.FRAGMENT_EXPIRED, "end of input: " + heldText(oldest) + " without the rest "
                    + oldest.description);
        }
    }

    private static boolean continues(Group group, Sentence s) {
        return s.fragmentNumber == group.held() + 1 && s.fragmentCount == group.count && s.channel == group.channel;
    }

    private Group start(Key key, Sentence s, long nowMillis) {
        if (pending.size() >= maxPendingGroups) {
            Group oldest = pending.values().iterator().next();
            drop(oldest, RejectReason.FRAGMENT_EXPIRED, "evicted: " + maxPendingGroups + " groups pending; "
                    + heldText(oldest) + " " + oldest.description);
        }
        Group group = new Group(key, s, nowMillis);
        pending.put(key, group);
        return group;
    }

    private void complete(Group group, int fillBits) {
        pending.remove(group.key);
        pendingLines -= group.held();
        buffer.setLength(0);
        for (int i = 0; i < group.held(); i++) {
            buffer.append(group.lines.get(i), group.starts[i], group.ends[i]);
        }
        view.set(buffer, 0, buffer.length(), fillBits, group.channel, group.talker, group.ownShip,
                group.receivedAtMillis, group.source);
        view.rawFrom(group.lines);
        outcomes.payload(view, group.held());
    }

    private void drop(Group group, RejectReason reason, String detail) {
        pending.remove(group.key);
        pendingLines -= group.held();
        outcomes.reject(reason, detail, group.raw(), group.held());
    }

    private static String heldText(Group group) {
        return group.held() == 1 ? "fragment 1 of " + group.count
                : "fragments 1-" + group.held() + " of " + group.count;
    }
}
