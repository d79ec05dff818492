package io.watchkeeper.ais.csv;

import io.watchkeeper.ais.source.LineFiles;
import io.watchkeeper.ais.source.LineInput;
import io.watchkeeper.core.deadletter.RejectReason;
import io.watchkeeper.core.fix.Fix;
import io.watchkeeper.core.fix.VesselId;
import io.watchkeeper.core.vessel.VesselInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * Reads decoded-position CSV files (MarineCadastre, DMA, Solent, AMSA; see {@link CsvLayout}) into
 * {@link Fix}es for one site, plus {@link VesselInfo} where rows carry static data. Plain or gzip.
 * A bad row becomes a {@link CsvRejection} and reading goes on; only an unreadable file or a header
 * matching no layout stops it. Times without a zone are UTC: true for all four layouts. Stateless
 * between files, so one reader may read several files, one at a time.
 */
public final class CsvTrackReader {

    private final String site;

    /** @param site the site every fix is attributed to, e.g. the file's region or receiver */
    public CsvTrackReader(String site) {
        this.site = Objects.requireNonNull(site, "site");
    }

    /** Reads a whole file into memory; for tests and small files. */
    public CsvTrack readAll(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        try (LineInput input = LineFiles.open(path)) {
            return readAll(input);
        }
    }

    /** Reads an open input to its end into memory; the caller closes it. */
    public CsvTrack readAll(LineInput input) throws IOException {
        List<Fix> fixes = new ArrayList<>();
        List<VesselInfo> infos = new ArrayList<>();
        List<CsvRejection> rejections = new ArrayList<>();
        CsvReadStats stats = read(input, new TrackListener() {
            @Override
            public void onFix(Fix fix) {
                fixes.add(fix);
            }

            @Override
            public void onRejected(CsvRejection rejection) {
                rejections.add(rejection);
            }

            @Override
            public void onVesselInfo(VesselInfo info) {
                infos.add(info);
            }
        });
        return new CsvTrack(stats, fixes, infos, rejections);
    }

    /** Streams a file (plain or gzip) to {@code listener}. */
    public CsvReadStats read(Path path, TrackListener listener) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(listener, "listener");
        try (LineInput input = LineFiles.open(path)) {
            return read(input, listener);
        }
    }

    /**
     * Streams an open input to {@code listener}; the caller closes it.
     *
     * @throws CsvLayoutException if the first non-blank line is no header we know
     */
    public CsvReadStats read(LineInput input, TrackListener listener) throws IOException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(listener, "listener");
        long lineNumber = 0;
        String headerLine;
        do {
            headerLine = input.readLine();
            lineNumber++;
        } while (headerLine != null && headerLine.isBlank());
        if (headerLine == null) {
            throw new CsvLayoutException("CSV input " + input.name() + " is empty: no header", List.of());
        }
        List<String> header = CsvFields.split(headerLine);
        if (header == null) {
            throw new CsvLayoutException("CSV header has an unclosed quote: " + headerLine, List.of());
        }
        CsvLayout layout = CsvLayout.detect(header);
        FileRun run = new FileRun(new RowParser(layout, layout.indexes(header), site), header.size(), listener);
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                run.row(lineNumber, line);
            }
        }
        return new CsvReadStats(layout, run.rows, run.fixes, run.infos, run.rejected);
    }

    /** The state of reading one file. */
    private static final class FileRun {
        private final RowParser parser;
        private final int columns;
        private final TrackListener listener;
        /** What each vessel last reported, without its time, so unchanged static data is not repeated. */
        private final Map<VesselId, VesselInfo> lastInfo = new HashMap<>();
        private long rows;
        private long fixes;
        private long infos;
        private long rejected;

        FileRun(RowParser parser, int columns, TrackListener listener) {
            this.parser = parser;
            this.columns = columns;
            this.listener = listener;
        }

        void row(long lineNumber, String line) {
            rows++;
            RowParser.Row row;
            try {
                row = parser.parse(fields(line));
            } catch (RowException e) {
                rejected++;
                listener.onRejected(new CsvRejection(lineNumber, e.reason(), e.getMessage(), line));
                return;
            }
            if (row.info() != null && isNews(row.info())) {
                infos++;
                listener.onVesselInfo(row.info());
            }
            fixes++;
            listener.onFix(row.fix());
        }

        private List<String> fields(String line) throws RowException {
            List<String> fields = CsvFields.split(line);
            if (fields == null) {
                throw new RowException(RejectReason.INVALID_VALUE, "unclosed quote");
            }
            if (fields.size() != columns) {
                throw new RowException(fields.size() < columns ? RejectReason.MISSING_FIELD : RejectReason.INVALID_VALUE,
                        "row has " + fields.size() + " fields, header has " + columns);
            }
            return fields;
        }

        private boolean isNews(VesselInfo info) {
            VesselInfo timeless = withoutTime(info);
            @Nullable VesselInfo before = lastInfo.put(info.vessel(), timeless);
            return !timeless.equals(before);
        }

        private static VesselInfo withoutTime(VesselInfo info) {
            return new VesselInfo(info.vessel(), info.name(), info.callSign(), info.imo(), info.shipType(),
                    info.toBowMetres(), info.toSternMetres(), info.toPortMetres(), info.toStarboardMetres(),
                    info.draughtMetres(), info.destination(), info.eta(), Instant.EPOCH);
        }
    }
}
