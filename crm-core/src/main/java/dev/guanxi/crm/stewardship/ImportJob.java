package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.time.Instant;
import java.util.Objects;

/**
 * An import job as the journal keeps it: what is imported from which source, how far it got and how its rows
 * ended. The journal entry is written in the same transaction as each batch's rows, so after any interruption
 * it says exactly which rows are stored.
 *
 * <p>Immutable and thread-safe.
 *
 * @param jobId the job's id, 1 to {@value #JOB_ID_MAX} characters (see {@link ImportOptions#jobId()})
 * @param kind what the rows are
 * @param source the fingerprint of the source: {@code sha256:} and the SHA-256 of a file's bytes in lower-case
 *     hex, or {@code key:} and the key a caller gave for an iterable
 * @param status where the job stands
 * @param lastRow the number of the last row whose batch committed (0 before the first batch); rows up to it
 *     are done, and a resumed import starts after it
 * @param batches how many batches committed
 * @param counts how the rows up to {@code lastRow} ended
 * @param version 1 when the job is created, +1 for every journal update; updates check it, so two processes
 *     running the same job cannot both commit a batch
 * @param startedAt when the job was created, from the CRM's clock
 * @param updatedAt when the journal entry was last written, from the CRM's clock
 * @since 0.1.0
 */
@Beta
public record ImportJob(
        String jobId,
        ImportKind kind,
        String source,
        ImportStatus status,
        long lastRow,
        long batches,
        ImportCounts counts,
        long version,
        Instant startedAt,
        Instant updatedAt) {
    /** The longest job id, in characters. */
    public static final int JOB_ID_MAX = 128;
    /** The longest source fingerprint, in characters ({@code key:} and a key of up to 128 characters). */
    public static final int SOURCE_MAX = 200;

    /**
     * Validates the components.
     *
     * @param jobId the job's id, 1 to {@value #JOB_ID_MAX} characters (see {@link ImportOptions#jobId()})
     * @param kind what the rows are
     * @param source the fingerprint of the source: {@code sha256:} and the SHA-256 of a file's bytes in lower-case hex,
     *     or {@code key:} and the key a caller gave for an iterable
     * @param status where the job stands
     * @param lastRow the number of the last row whose batch committed (0 before the first batch); rows up to it are
     *     done, and a resumed import starts after it
     * @param batches how many batches committed
     * @param counts how the rows up to {@code lastRow} ended
     * @param version 1 when the job is created, +1 for every journal update; updates check it, so two processes running
     *     the same job cannot both commit a batch
     * @param startedAt when the job was created, from the CRM's clock
     * @param updatedAt when the journal entry was last written, from the CRM's clock
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a number is negative, the version is below 1, the id or source is empty
     *     or too long, or {@code updatedAt} is before {@code startedAt}
     */
    public ImportJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (jobId.isEmpty() || jobId.length() > JOB_ID_MAX || source.isEmpty() || source.length() > SOURCE_MAX) {
            throw new IllegalArgumentException("jobId or source is empty or too long");
        }
        if (lastRow < 0 || batches < 0 || version < 1) {
            throw new IllegalArgumentException("lastRow and batches must not be negative and version at least 1: "
                    + lastRow + ", " + batches + ", " + version);
        }
        if (updatedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("updatedAt " + updatedAt + " is before startedAt " + startedAt);
        }
    }

    /**
     * Starts a job at version 1, status {@link ImportStatus#RUNNING}, no row done.
     *
     * @param jobId the id
     * @param kind what the rows are
     * @param source the source's fingerprint
     * @param now the CRM's clock
     * @return the new job
     */
    public static ImportJob start(String jobId, ImportKind kind, String source, Instant now) {
        return new ImportJob(jobId, kind, source, ImportStatus.RUNNING, 0, 0, ImportCounts.ZERO, 1, now, now);
    }

    /**
     * Records one more committed batch: the next version.
     *
     * @param lastRowOfBatch the number of the batch's last row
     * @param batchCounts how the batch's rows ended
     * @param now the CRM's clock
     * @return the job after the batch
     * @throws IllegalArgumentException if {@code lastRowOfBatch} is before {@link #lastRow()}
     */
    public ImportJob afterBatch(long lastRowOfBatch, ImportCounts batchCounts, Instant now) {
        if (lastRowOfBatch < lastRow) {
            throw new IllegalArgumentException("row " + lastRowOfBatch + " is before the job's last row " + lastRow);
        }
        return new ImportJob(
                jobId,
                kind,
                source,
                status,
                lastRowOfBatch,
                batches + 1,
                counts.plus(batchCounts),
                version + 1,
                startedAt,
                later(now));
    }

    /**
     * Returns the next version with another status.
     *
     * @param newStatus the status
     * @param now the CRM's clock
     * @return the job
     */
    public ImportJob withStatus(ImportStatus newStatus, Instant now) {
        return new ImportJob(
                jobId, kind, source, newStatus, lastRow, batches, counts, version + 1, startedAt, later(now));
    }

    /**
     * Returns the next version started over: no row done, nothing counted, {@link ImportStatus#RUNNING}.
     *
     * @param now the CRM's clock
     * @return the job
     */
    public ImportJob restarted(Instant now) {
        return new ImportJob(
                jobId, kind, source, ImportStatus.RUNNING, 0, 0, ImportCounts.ZERO, version + 1, startedAt, later(now));
    }

    /**
     * Returns the next version with final counts and a status (used by an all-or-nothing import, which counts
     * everything at once).
     *
     * @param newStatus the status
     * @param lastRowRead the number of the last row read
     * @param finalCounts the counts
     * @param now the CRM's clock
     * @return the job
     */
    public ImportJob finished(ImportStatus newStatus, long lastRowRead, ImportCounts finalCounts, Instant now) {
        return new ImportJob(
                jobId,
                kind,
                source,
                newStatus,
                lastRowRead,
                batches + (newStatus == ImportStatus.COMPLETED ? 1 : 0),
                finalCounts,
                version + 1,
                startedAt,
                later(now));
    }

    private Instant later(Instant now) {
        return now.isBefore(updatedAt) ? updatedAt : now;
    }
}
