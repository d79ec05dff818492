package io.watchkeeper.core.detect.boat;

/** The boat machine has one trigger: a position report arrived. */
public enum BoatTrigger {
    REPORT
}
