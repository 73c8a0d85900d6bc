package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * Receives the progress of a scoring run (the CLI draws a progress bar from it). Called on the run's thread,
 * between units of work, never inside one; it should return quickly. An exception it throws stops the run
 * there: the batches written so far stay written (each batch is atomic), and the next run completes the rest.
 *
 * <p>Implementations need not be thread-safe unless shared by runs in parallel.
 */
@Beta
@FunctionalInterface
public interface ScoringListener {
    /**
     * Receives one progress report.
     *
     * @param progress where the run is
     */
    void progress(Progress progress);

    /** @return a listener that ignores every report */
    static ScoringListener none() {
        return p -> {};
    }

    /** The phases of a run. */
    enum Phase {
        /** The tenant's data was read into the customer base. */
        READ,
        /** The rules classified every customer. */
        CLASSIFIED,
        /** A batch of snapshots was written ({@code done} of {@code total} customers). */
        WRITING,
        /** The run completed. */
        COMPLETED
    }

    /**
     * One progress report.
     *
     * @param phase the phase of the run this report is about, not null
     * @param done customers done in this phase
     * @param total customers in all
     * @param written snapshots written so far (customers whose results did not change are skipped)
     */
    record Progress(Phase phase, int done, int total, int written) {
        /**
         * Rejects nulls and counts out of range.
         *
         * @param phase the phase of the run this report is about, not null
         * @param done customers done in this phase
         * @param total customers in all
         * @param written snapshots written so far (customers whose results did not change are skipped)
         */
        public Progress {
            Objects.requireNonNull(phase, "phase");
            if (done < 0 || total < 0 || done > total || written < 0 || written > done) {
                throw new IllegalArgumentException("bad counts: " + done + "/" + total + ", written " + written);
            }
        }
    }
}
