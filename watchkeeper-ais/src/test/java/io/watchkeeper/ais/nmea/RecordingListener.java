package io.watchkeeper.ais.nmea;

import io.watchkeeper.core.deadletter.RejectReason;
import java.util.ArrayList;
import java.util.List;

/** Keeps a copy of every outcome, in order, for assertions. */
final class RecordingListener implements FrameListener {

    /** A payload copied out of the reusable view. */
    record Payload(String armored, int fillBits, char channel, String talker, boolean ownShip, long receivedAtMillis,
                   String source, String raw) {
    }

    record Rejection(RejectReason reason, String detail, String raw) {
    }

    final List<Payload> payloads = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final List<String> ignored = new ArrayList<>();
    /** Every outcome in order: a Payload, a Rejection or an ignored String. */
    final List<Object> outcomes = new ArrayList<>();

    @Override
    public void onPayload(AisPayload payload) {
        Payload copy = new Payload(payload.armored().subSequence(payload.start(), payload.end()).toString(),
                payload.fillBits(), payload.channel(), payload.talker(), payload.ownShip(), payload.receivedAtMillis(),
                payload.source(), payload.raw());
        payloads.add(copy);
        outcomes.add(copy);
    }

    @Override
    public void onRejected(RejectReason reason, String detail, String raw) {
        Rejection rejection = new Rejection(reason, detail, raw);
        rejections.add(rejection);
        outcomes.add(rejection);
    }

    @Override
    public void onIgnored(String raw) {
        ignored.add(raw);
        outcomes.add(raw);
    }

    Payload onlyPayload() {
        if (payloads.size() != 1 || !rejections.isEmpty()) {
            throw new AssertionError("expected one payload, got " + outcomes);
        }
        return payloads.get(0);
    }

    Rejection onlyRejection() {
        if (rejections.size() != 1 || !payloads.isEmpty()) {
            throw new AssertionError("expected one rejection, got " + outcomes);
        }
        return rejections.get(0);
    }

    /** Appends {@code *hh} with the right checksum to {@code !...} or {@code $...}, for building test lines. */
    static String withChecksum(String sentence) {
        int sum = 0;
        for (int i = 1; i < sentence.length(); i++) {
            sum ^= sentence.charAt(i);
        }
        return sentence + String.format("*%02X", sum);
    }
}
