package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.stewardship.ImportFlag;
import dev.guanxi.crm.stewardship.ImportJob;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.RowError;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal of bulk imports ({@link dev.guanxi.crm.stewardship.Imports}): each job with its progress and
 * counts, its error report and duplicate flags, and the keys of the records imported by external id. The SDK
 * writes a batch's journal entries in the batch's own unit of work, so that what the journal says is exactly what
 * was committed, even after a killed JVM. Scoped to the unit of work's tenant like every repository.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations need
 * not be thread-safe (see {@link AggregateRepository}).
 *
 * @since 0.1.0
 */
@Beta
public interface ImportJournalRepository {
    /**
     * Finds a job.
     *
     * @param jobId the job id
     * @return the job, or empty if the tenant has none with that id
     */
    Optional<ImportJob> find(String jobId);

    /**
     * Stores a new job, as given.
     *
     * @param job the job
     * @throws DuplicateKeyException (field {@code jobId}) if the tenant has a job with that id
     */
    void insert(ImportJob job);

    /**
     * Replaces a job if its stored version is still {@code expectedVersion}: the journal's optimistic lock, which
     * keeps two processes from committing the same job's batches.
     *
     * @param expectedVersion the version the change is based on
     * @param job the new state, at {@code expectedVersion + 1}
     * @throws StaleVersionException (entity type {@code "ImportJob"}) if the stored version differs or the job is
     *     gone
     * @throws IllegalArgumentException if the new version is not {@code expectedVersion + 1}
     */
    void update(long expectedVersion, ImportJob job);

    /**
     * Appends errors to a job's report.
     *
     * @param jobId the job
     * @param errors the errors, in row order; a row's errors keep their order
     */
    void appendErrors(String jobId, List<RowError> errors);

    /**
     * Reads a job's error report.
     *
     * @param jobId the job
     * @return its errors by row, a row's errors in the order appended; empty for an unknown job
     */
    List<RowError> errors(String jobId);

    /**
     * Appends duplicate flags to a job.
     *
     * @param jobId the job
     * @param flags the flags, in row order
     */
    void appendFlags(String jobId, List<ImportFlag> flags);

    /**
     * Reads a job's duplicate flags.
     *
     * @param jobId the job
     * @return its flags by row; empty for an unknown job
     */
    List<ImportFlag> flags(String jobId);

    /**
     * Deletes a job's errors and flags (when a rejected job starts over).
     *
     * @param jobId the job
     */
    void clearReport(String jobId);

    /**
     * Finds the keys of imported records.
     *
     * @param kind the kind
     * @param externalIds the external ids
     * @return the keys found, by external id; an external id of that kind never imported in the tenant is absent
     */
    Map<String, ImportKey> findKeys(ImportKind kind, Collection<String> externalIds);

    /**
     * Stores keys of imported records, each replacing the key of the same kind and external id if there is one.
     *
     * @param keys the keys; at most one per (kind, external id)
     */
    void putKeys(List<ImportKey> keys);
}
