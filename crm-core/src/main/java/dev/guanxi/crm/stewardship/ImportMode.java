package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;

/**
 * How a {@linkplain Imports bulk import} commits. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public enum ImportMode {
    /**
     * Atomic batches of {@link ImportOptions#batchSize()} rows, each committed with its journal entry in one
     * transaction: a bad row is reported and never stops the other rows, and an interrupted import (even a
     * killed JVM) resumes after the last committed batch.
     */
    BATCHES,
    /**
     * All or nothing: the whole source in one transaction, committed only if no row is bad. A bad row anywhere
     * leaves nothing stored (the journal keeps the job as {@link ImportStatus#REJECTED} with the error report).
     * The transaction holds every row of the source, so this mode suits sources of up to some hundred thousand
     * rows.
     */
    ALL_OR_NOTHING
}
