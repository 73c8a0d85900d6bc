package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;

/**
 * Where an import job stands in the journal. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public enum ImportStatus {
    /**
     * Started and not finished: running now, or interrupted (an exception, a killed JVM). Running the import
     * again with the same job id and the same source resumes after the last committed batch.
     */
    RUNNING,
    /** Every row was read; the counts and the error report are final. Running it again returns this result. */
    COMPLETED,
    /**
     * An {@linkplain ImportMode#ALL_OR_NOTHING all-or-nothing} import found bad rows and stored nothing. Running it
     * again with the same job id starts over (e.g. after the missing customers were registered).
     */
    REJECTED
}
