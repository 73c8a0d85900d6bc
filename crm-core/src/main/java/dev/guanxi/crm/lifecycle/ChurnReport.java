package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.competitor.CompetitorId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The losses of a period and why they happened, from {@link Lifecycle#churnReport}. A customer lost twice in
 * the period counts twice.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the first day
 * @param to the last day
 * @param lost how many moves into {@link LifecycleStage#LOST} the period had
 * @param withReason how many of them have a recorded {@link ChurnReason}
 * @param byCode the losses with a reason, by code; most frequent first, then by code
 * @param byCompetitor the losses whose reason names a competitor, by competitor; most frequent first, then by id
 * @since 0.1.0
 */
@Beta
public record ChurnReport(
        LocalDate from,
        LocalDate to,
        int lost,
        int withReason,
        Map<String, Integer> byCode,
        Map<CompetitorId, Integer> byCompetitor) {
    /**
     * Copies the maps, keeping their order.
     *
     * @param from the first day
     * @param to the last day
     * @param lost how many moves into {@link LifecycleStage#LOST} the period had
     * @param withReason how many of them have a recorded {@link ChurnReason}
     * @param byCode the losses with a reason, by code; most frequent first, then by code
     * @param byCompetitor the losses whose reason names a competitor, by competitor; most frequent first, then by id
     * @throws IllegalArgumentException if {@code withReason} is negative or more than {@code lost}
     */
    public ChurnReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (withReason < 0 || withReason > lost) {
            throw new IllegalArgumentException("withReason " + withReason + " is not within 0.." + lost);
        }
        byCode = Collections.unmodifiableMap(new LinkedHashMap<>(byCode));
        byCompetitor = Collections.unmodifiableMap(new LinkedHashMap<>(byCompetitor));
    }

    /** @return how many losses have no recorded reason */
    public int withoutReason() {
        return lost - withReason;
    }
}
