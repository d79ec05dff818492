package io.watchkeeper.core.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent, deliberately naive re-statement of the original Python detector, used as the oracle
 * that the real pipeline is compared with, event for event. It shares no code with the detector:
 * one dict of boats, each with a state string and the last position, exactly like the original's
 * {@code PublisherSM} ({@code state = 'moving'}, {@code position = {x: 0, y: 0}}).
 */
public final class OriginalBoatModel {

    /** One expected transition: which boat (by key), the new state, and the report that caused it. */
    public record Expected(String boatKey, String state, double x, double y) {
    }

    private static final class Boat {
        String state = "moving";
        double x;
        double y;
    }

    private final Map<String, Boat> boats = new HashMap<>();
    private final List<Expected> expected = new ArrayList<>();

    /** Feeds one report; returns the transition it causes, if any. */
    public Expected report(String boatKey, double x, double y) {
        Boat b = boats.computeIfAbsent(boatKey, k -> new Boat());
        boolean resting = x == b.x && y == b.y;
        String next = resting ? "resting" : "moving";
        b.x = x;
        b.y = y;
        if (next.equals(b.state)) {
            return null;
        }
        b.state = next;
        Expected e = new Expected(boatKey, next, x, y);
        expected.add(e);
        return e;
    }

    public List<Expected> expected() {
        return List.copyOf(expected);
    }
}
