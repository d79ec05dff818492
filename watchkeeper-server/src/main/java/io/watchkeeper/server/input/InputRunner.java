package io.watchkeeper.server.input;

import io.watchkeeper.ais.csv.CsvRejection;
import io.watchkeeper.ais.csv.CsvTrackReader;
import io.watchkeeper.ais.csv.TrackListener;
import io.watchkeeper.ais.fix.AisIngest;
import io.watchkeeper.ais.fix.AisNotices;
import io.watchkeeper.ais.nmea.FramerSettings;
import io.watchkeeper.ais.source.FileReplay;
import io.watchkeeper.ais.source.LineFiles;
import io.watchkeeper.ais.source.Pacer;
import io.watchkeeper.ais.source.ProgressBar;
import io.watchkeeper.ais.source.TcpLineSource;
import io.watchkeeper.ais.source.UdpLineSource;
import io.watchkeeper.core.deadletter.DeadLetter;
import io.watchkeeper.core.deadletter.DeadLetterSink;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.vessel.VesselInfo;
import io.watchkeeper.core.vessel.VesselRegistry;
import io.watchkeeper.server.config.InputSpec;
import java.io.IOException;
import java.net.SocketException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the inputs besides MQTT ({@code --input}, {@code inputs:}) into the engine. Files and CSV tracks
 * are read on a thread of their own, paced by their event time at {@code speed}, straight into the
 * engine: a file is its own log, read again from its start after a restart. TCP and UDP sources run on
 * their sources' threads and, in {@code detect}, append their lines to the input log. Each input has its own {@link AisIngest}, touched only by its thread.
 */
public final class InputRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InputRunner.class);

    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();

    private InputRunner() {
    }

    /**
     * @param speed event-time seconds per wall-clock second for files; {@code POSITIVE_INFINITY} reads as fast as possible
     */
    public static InputRunner start(List<InputSpec> inputs, Consumer<Fix> fixes, VesselRegistry registry,
                                    DeadLetterSink deadLetters, FramerSettings settings, double speed, Clock clock)
            throws SocketException {
        return start(inputs, fixes, null, registry, AisNotices.NONE, deadLetters, settings, speed, clock);
    }

    /**
     * @param lines where a TCP or UDP input's lines go, given the input's name (the input log, so that a
     *              feed that cannot resend loses nothing if the engine dies); null to decode them here
     * @param notices where the AIS safety messages and weather reports decoded here go
     */
    public static InputRunner start(List<InputSpec> inputs, Consumer<Fix> fixes,
                                    @Nullable Function<String, Consumer<String>> lines, VesselRegistry registry,
                                    AisNotices notices, DeadLetterSink deadLetters, FramerSettings settings,
                                    double speed, Clock clock)
            throws SocketException {
        Objects.requireNonNull(inputs, "inputs");
        InputRunner runner = new InputRunner();
        try {
            for (InputSpec spec : inputs) {
                runner.startOne(spec, fixes, lines, registry, notices, deadLetters, settings, speed, clock);
            }
        } catch (SocketException | RuntimeException e) {
            runner.close();
            throw e;
        }
        return runner;
    }

    private void startOne(InputSpec spec, Consumer<Fix> fixes, @Nullable Function<String, Consumer<String>> lines,
                          VesselRegistry registry, AisNotices notices, DeadLetterSink deadLetters,
                          FramerSettings settings, double speed, Clock clock) throws SocketException {
        if (spec instanceof InputSpec.CsvFile csv) {
            Consumer<Fix> paced = paced(fixes, speed);
            reader(spec.name(), () -> readCsv(csv, paced, registry, deadLetters, clock));
            return;
        }
        if (spec instanceof InputSpec.NmeaFile file) {
            AisIngest ingest = new AisIngest(spec.name(), paced(fixes, speed), registry, deadLetters, clock, settings,
                    notices);
            reader(spec.name(), () -> readNmea(file, ingest, clock));
            return;
        }
        Consumer<String> sink;
        if (lines != null) {
            sink = lines.apply(spec.name());
        } else {
            AisIngest ingest = new AisIngest(spec.name(), fixes, registry, deadLetters, clock, settings, notices);
            sink = ingest::accept;
        }
        if (spec instanceof InputSpec.NmeaTcp tcp) {
            running.add(TcpLineSource.start(tcp.host(), tcp.port(), (line, at) -> sink.accept(line), clock)::close);
        } else if (spec instanceof InputSpec.NmeaUdp udp) {
            running.add(UdpLineSource.start(udp.address(), udp.port(), (line, at) -> sink.accept(line), clock)::close);
        }
    }

    private void reader(String name, Runnable body) {
        Thread t = new Thread(body, "input-" + name);
        t.setDaemon(true);
        readers.add(t);
        t.start();
    }

    /** Waits for the file and CSV inputs to be read to their end. */
    public void awaitFiles() throws InterruptedException {
        for (Thread t : readers) {
            t.join();
        }
    }

    private static void readNmea(InputSpec.NmeaFile file, AisIngest ingest, Clock clock) {
        try {
            new FileReplay(clock, ProgressBar.disabled()).replay(file.path().toString(), (line, at) -> ingest.accept(line));
            ingest.flush();
            LOG.info("input {}: {}", file.name(), ingest.stats());
        } catch (CancellationException e) {
            LOG.debug("input {}: stopped before its end", file.name());
        } catch (IOException | RuntimeException e) {
            LOG.error("input {}: stopped: {}", file.name(), e.toString());
        }
    }

    private static void readCsv(InputSpec.CsvFile csv, Consumer<Fix> fixes, VesselRegistry registry,
                                DeadLetterSink deadLetters, Clock clock) {
        try {
            var stats = new CsvTrackReader(csv.name()).read(csv.path(), new TrackListener() {
                @Override
                public void onFix(Fix fix) {
                    fixes.accept(fix);
                }

                @Override
                public void onRejected(CsvRejection r) {
                    deadLetters.accept(new DeadLetter(csv.name(), r.reason(), "line " + r.lineNumber() + ": "
                            + r.detail(), r.rawLine(), clock.instant()));
                }

                @Override
                public void onVesselInfo(VesselInfo info) {
                    registry.merge(info);
                }
            });
            LOG.info("input {}: {}", csv.name(), stats);
        } catch (CancellationException e) {
            LOG.debug("input {}: stopped before its end", csv.name());
        } catch (IOException | RuntimeException e) {
            LOG.error("input {}: stopped: {}", csv.name(), e.toString());
        }
    }

    /** Waits before each fix until its event time is due at {@code speed}; an interrupt stops the wait. */
    private static Consumer<Fix> paced(Consumer<Fix> fixes, double speed) {
        Pacer pacer = Pacer.atSpeed(speed);
        return fix -> {
            try {
                pacer.pace(fix.time().toEpochMilli());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("input stopped");
            }
            fixes.accept(fix);
        };
    }

    @Override
    public void close() {
        for (Thread t : readers) {
            t.interrupt();
        }
        for (AutoCloseable r : running) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("while stopping an input: {}", e.toString());
            }
        }
    }
}
