package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.internal.stewardship.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an import did: the job as the journal keeps it (status, last row, counts), the error report and the
 * duplicate flags of the whole job (also of earlier, interrupted runs of it), and what this run took.
 *
 * <p>Immutable and thread-safe.
 *
 * @param job the job after this run
 * @param errors every bad row's errors, by row
 * @param flags every duplicate flag, by row
 * @param rowsThisRun the rows this run read and committed (0 when it only returned a completed job's result)
 * @param duration how long this run took (a monotonic clock, not the CRM's clock)
 * @since 0.1.0
 */
@Beta
public record ImportResult(
        ImportJob job, List<RowError> errors, List<ImportFlag> flags, long rowsThisRun, Duration duration) {
    /** The header of {@link #writeErrorReport}. */
    public static final List<String> ERROR_REPORT_COLUMNS =
            List.of("row", "line", "external_id", "field", "rule", "message");

    /**
     * Validates the components and copies the lists.
     *
     * @param job the job after this run
     * @param errors every bad row's errors, by row
     * @param flags every duplicate flag, by row
     * @param rowsThisRun the rows this run read and committed (0 when it only returned a completed job's result)
     * @param duration how long this run took (a monotonic clock, not the CRM's clock)
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code rowsThisRun} or {@code duration} is negative
     */
    public ImportResult {
        Objects.requireNonNull(job, "job");
        errors = List.copyOf(errors);
        flags = List.copyOf(flags);
        Objects.requireNonNull(duration, "duration");
        if (rowsThisRun < 0 || duration.isNegative()) {
            throw new IllegalArgumentException("rowsThisRun and duration must not be negative");
        }
    }

    /** @return the job's id */
    public String jobId() {
        return job.jobId();
    }

    /** @return where the job stands */
    public ImportStatus status() {
        return job.status();
    }

    /** @return how the job's rows ended */
    public ImportCounts counts() {
        return job.counts();
    }

    /** @return the rows this run committed per second of its duration, 0 if no time passed */
    public double rowsPerSecond() {
        long nanos = duration.toNanos();
        return nanos <= 0 ? 0 : rowsThisRun * 1e9 / nanos;
    }

    /**
     * A short human-readable line, rendered on demand.
     *
     * @return e.g. {@code "CUSTOMERS import customers-1a2b… COMPLETED: 10000 rows (9998 created, …, 2 failed) in 10
     *     batches; this run 10000 rows in 1.234 s"}
     */
    public String reason() {
        return job.kind() + " import " + job.jobId() + " " + job.status() + ": "
                + job.counts().rows() + " rows ("
                + job.counts() + ") in " + job.batches() + " batches; this run " + rowsThisRun + " rows in "
                + String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9) + " s";
    }

    /**
     * Writes the error report as a CSV file (RFC 4180, UTF-16 text to the writer, lines ending CRLF): the header
     * {@link #ERROR_REPORT_COLUMNS}, then one line per error, by row. Every cell is {@linkplain
     * SpreadsheetCells#neutralise neutralised}, so that a value quoted in a message cannot run as a formula.
     *
     * @param out where to write; not closed
     * @throws UncheckedIOException if writing fails
     */
    public void writeErrorReport(Writer out) {
        Objects.requireNonNull(out, "out");
        try {
            CsvWriter csv = new CsvWriter(out);
            csv.row(ERROR_REPORT_COLUMNS);
            List<String> cells = new ArrayList<>(ERROR_REPORT_COLUMNS.size());
            for (RowError e : errors) {
                cells.clear();
                cells.add(Long.toString(e.row()));
                cells.add(e.line() == 0 ? "" : Long.toString(e.line()));
                cells.add(e.externalId());
                cells.add(e.field());
                cells.add(e.rule().name());
                cells.add(e.message());
                csv.row(cells);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the error report", e);
        }
    }
}
