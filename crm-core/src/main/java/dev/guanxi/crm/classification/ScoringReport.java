package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What a scoring run did.
 *
 * <p>Immutable and thread-safe (the result is).
 *
 * @param runId the run's id (of its {@link dev.guanxi.crm.spi.storage.ScoreRun})
 * @param asOf the day scored
 * @param customers how many customers were scored
 * @param purchases how many purchases were read
 * @param snapshotsWritten how many snapshots were written (customers whose results did not change are skipped)
 * @param eventsPublished how many events the run published
 * @param elapsed how long the run took
 * @param result every rule's results, for reports
 * @param attributes the attributes stored with the run (counts, rules, currency, exchange rates, model status
 *     and parameters)
 */
@Beta
public record ScoringReport(
        UUID runId,
        LocalDate asOf,
        int customers,
        long purchases,
        int snapshotsWritten,
        int eventsPublished,
        Duration elapsed,
        ScoringResult result,
        java.util.SortedMap<String, String> attributes) {
    /**
     * Rejects nulls.
     *
     * @param runId the run's id (of its {@link dev.guanxi.crm.spi.storage.ScoreRun})
     * @param asOf the day scored
     * @param customers how many customers were scored
     * @param purchases how many purchases were read
     * @param snapshotsWritten how many snapshots were written (customers whose results did not change are skipped)
     * @param eventsPublished how many events the run published
     * @param elapsed how long the run took
     * @param result every rule's results, for reports
     * @param attributes the attributes stored with the run (counts, rules, currency, exchange rates, model status and
     *     parameters)
     */
    public ScoringReport {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(result, "result");
        attributes = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(attributes));
    }
}
