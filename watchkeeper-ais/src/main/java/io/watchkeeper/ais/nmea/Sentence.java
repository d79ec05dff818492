package io.watchkeeper.ais.nmea;

import org.jetbrains.annotations.Nullable;

/** One parsed {@code !xxVDM}/{@code !xxVDO} sentence; mutable, reused for every line by its framer's thread. */
final class Sentence {

    /** {@link #sequenceId} when the field is empty. */
    static final int NO_SEQUENCE = -1;

    String talker = "";
    boolean ownShip;
    int fragmentCount;
    int fragmentNumber;
    int sequenceId;
    char channel;
    int payloadStart;
    int payloadEnd;
    int fillBits;
    long receivedAtMillis;
    @Nullable String source;
    /** The line's own tag block {@code s:} or the default source: what keys a fragment group. */
    @Nullable String keySource;
    /** Tag block group id, or {@link TagBlock#NO_GROUP}. */
    long tagGroup;

    /** How a fragment group is named in details: "(seq 6, channel A)" or "(group 1604)". */
    String describeGroup() {
        if (tagGroup != TagBlock.NO_GROUP) {
            return "(group " + tagGroup + ")";
        }
        return describe(sequenceId, channel);
    }

    static String describe(int sequenceId, char channel) {
        return "(seq " + (sequenceId == NO_SEQUENCE ? "none" : Integer.toString(sequenceId))
                + ", channel " + (channel == 0 ? "none" : Character.toString(channel)) + ")";
    }
}
