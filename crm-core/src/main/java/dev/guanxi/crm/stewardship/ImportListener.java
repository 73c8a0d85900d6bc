package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;

/**
 * Receives an import's progress after each committed batch, on the importing thread. An exception it throws ends
 * the import right after that batch (which stays committed): the job is left {@link ImportStatus#RUNNING} and a
 * later run with the same job id and source resumes after it; the exception reaches the caller unchanged.
 *
 * <p>Implementations must be thread-safe if one listener is shared by imports on several threads.
 *
 * @since 0.1.0
 */
@Beta
@FunctionalInterface
public interface ImportListener {
    /**
     * Called after a batch committed.
     *
     * @param progress rows and batches done, and the rate
     */
    void progress(ImportProgress progress);

    /** @return a listener that ignores progress */
    static ImportListener none() {
        return progress -> {};
    }
}
