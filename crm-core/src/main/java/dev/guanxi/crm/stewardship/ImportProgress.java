package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.time.Duration;
import java.util.Objects;

/**
 * How far an import is, reported to its {@link ImportListener} after each committed batch.
 *
 * <p>Immutable and thread-safe.
 *
 * @param jobId the import job's id (see {@link ImportOptions#jobId()}), not null
 * @param rowsDone the rows done so far, including those of earlier runs of the job (the journal's last row)
 * @param batches the batches committed so far, including those of earlier runs
 * @param rowsThisRun the rows done by this run (a resumed run does not count the rows before it)
 * @param elapsed how long this run has taken so far (a monotonic clock, not the CRM's clock)
 * @since 0.1.0
 */
@Beta
public record ImportProgress(String jobId, long rowsDone, long batches, long rowsThisRun, Duration elapsed) {
    /**
     * Validates the components.
     *
     * @param jobId the import job's id (see {@link ImportOptions#jobId()}), not null
     * @param rowsDone the rows done so far, including those of earlier runs of the job (the journal's last row)
     * @param batches the batches committed so far, including those of earlier runs
     * @param rowsThisRun the rows done by this run (a resumed run does not count the rows before it)
     * @param elapsed how long this run has taken so far (a monotonic clock, not the CRM's clock)
     * @throws NullPointerException if {@code jobId} or {@code elapsed} is null
     * @throws IllegalArgumentException if a count or the duration is negative
     */
    public ImportProgress {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(elapsed, "elapsed");
        if (rowsDone < 0 || batches < 0 || rowsThisRun < 0 || elapsed.isNegative()) {
            throw new IllegalArgumentException("progress must not be negative");
        }
    }

    /** @return the rows done by this run per second of {@link #elapsed()}, 0 before any time has passed */
    public double rowsPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0 : rowsThisRun * 1e9 / nanos;
    }
}
