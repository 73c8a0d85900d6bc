package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * Receives the progress of a {@linkplain Stewardship#scanDuplicates duplicate scan}. Called on the scan's thread
 * after the tenant was read (never inside the read-only unit of work); it should return quickly. An exception it
 * throws ends the scan and reaches the caller.
 *
 * <p>Implementations need not be thread-safe unless shared by scans in parallel.
 *
 * @since 0.1.0
 */
@Beta
@FunctionalInterface
public interface DuplicateScanListener {
    /**
     * Receives one progress report.
     *
     * @param progress where the scan is
     */
    void progress(Progress progress);

    /** @return a listener that ignores every report */
    static DuplicateScanListener none() {
        return p -> {};
    }

    /** The phases of a scan. */
    enum Phase {
        /** The customers were read and normalised ({@code done} = {@code total} = customers). */
        READ,
        /** The customers were grouped into blocks ({@code done} = {@code total} = blocks to score). */
        BLOCKED,
        /** Blocks were scored ({@code done} of {@code total} blocks). */
        SCORING,
        /** The scan completed ({@code done} = {@code total} = candidate pairs found). */
        COMPLETED
    }

    /**
     * One progress report.
     *
     * @param phase the phase of the scan this report is about, not null
     * @param done items done in this phase
     * @param total items in this phase
     */
    record Progress(Phase phase, long done, long total) {
        /**
         * Rejects nulls and counts out of range.
         *
         * @param phase the phase of the scan this report is about, not null
         * @param done items done in this phase
         * @param total items in this phase
         */
        public Progress {
            Objects.requireNonNull(phase, "phase");
            if (done < 0 || total < 0 || done > total) {
                throw new IllegalArgumentException("bad counts: " + done + "/" + total);
            }
        }
    }
}
