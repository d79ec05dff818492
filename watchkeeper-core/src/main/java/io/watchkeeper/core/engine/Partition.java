package io.watchkeeper.core.engine;

import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.detect.Detector;
import io.watchkeeper.core.detect.DetectorContext;
import io.watchkeeper.core.detect.Step;
import io.watchkeeper.core.event.Event;
import io.watchkeeper.core.event.EventSink;
import io.watchkeeper.core.fix.Fix;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every detector over the fixes of the vessels it owns: the single-threaded heart of the
 * engine, shared by the multi-threaded {@link Engine} and the synchronous test driver.
 *
 * <p>Owned by one thread. A detector that throws does not take the vessel or the engine down: the
 * vessel keeps its previous state for that detector and the fix becomes a dead letter.
 */
final class Partition implements DetectorContext {

    private static final Logger LOG = LoggerFactory.getLogger(Partition.class);

    private final List<Detector<?>> detectors;
    private final VesselTable vessels;
    private final EventSink events;
    private final DeadLetterSink deadLetters;
    private final Clock clock;
    private final Set<String> loggedFailures = new HashSet<>();
    private Instant eventTime = Instant.EPOCH;
    private long processed;
    private long emitted;

    Partition(List<Detector<?>> detectors, EventSink events, DeadLetterSink deadLetters, Clock clock) {
        this.detectors = detectors;
        this.vessels = new VesselTable(detectors);
        this.events = events;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    void process(Fix fix) {
        eventTime = fix.time();
        Object[] states = vessels.statesOf(fix.vessel());
        for (int i = 0; i < states.length; i++) {
            states[i] = stepOne(detectors.get(i), states[i], fix);
        }
        processed++;
    }

    @SuppressWarnings("unchecked")
    private Object stepOne(Detector<?> detector, Object state, Fix fix) {
        Step<Object> step;
        try {
            step = ((Detector<Object>) detector).step(state, fix, this);
        } catch (RuntimeException e) {
            // Once per detector and exception type: a hostile feed must not flood the log. Every
            // failure is still a dead letter, and counted there.
            if (loggedFailures.add(detector.name() + '/' + e.getClass().getName())) {
                LOG.warn("detector {} failed on a fix of {}; vessel keeps its state (further {} are only "
                        + "dead-lettered): {}", detector.name(), fix.vessel(), e.getClass().getSimpleName(), e.toString());
            }
            deadLetters.accept(new DeadLetter(fix.site(), RejectReason.DETECTOR_ERROR,
                    detector.name() + ": " + e, fix.toString(), clock.instant()));
            return state;
        }
        List<Event> out = step.events();
        for (int j = 0; j < out.size(); j++) {
            events.accept(out.get(j));
            emitted++;
        }
        return step.state();
    }

    @Override
    public Instant eventTime() {
        return eventTime;
    }

    @Override
    public Instant wallClock() {
        return clock.instant();
    }

    Optional<Object> stateOf(io.watchkeeper.core.fix.VesselId vessel, int detectorIndex) {
        return vessels.stateOf(vessel, detectorIndex);
    }

    int vesselCount() {
        return vessels.size();
    }

    long processed() {
        return processed;
    }

    long emitted() {
        return emitted;
    }
}
