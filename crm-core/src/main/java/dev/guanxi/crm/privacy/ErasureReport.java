package dev.guanxi.crm.privacy;

import dev.guanxi.crm.Beta;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one erasure changed.
 *
 * @param erasure the erasure record
 * @param alreadyErased {@code true} if the customer had been erased before and this call changed nothing
 * @param records how many records or log rows were scrubbed, by source (e.g. {@code "customer"}, {@code
 *     "interaction"}, {@code "outbox"}); sources with nothing to scrub are left out
 * @param suppressed how many identifier hashes were added to the suppression list
 * @since 0.1.0
 */
@Beta
public record ErasureReport(
        Erasure erasure, boolean alreadyErased, SortedMap<String, Integer> records, int suppressed) {
    /**
     * Copies.
     *
     * @param erasure the erasure record
     * @param alreadyErased {@code true} if the customer had been erased before and this call changed nothing
     * @param records how many records or log rows were scrubbed, by source (e.g. {@code "customer"}, {@code
     *     "interaction"}, {@code "outbox"}); sources with nothing to scrub are left out
     * @param suppressed how many identifier hashes were added to the suppression list
     */
    public ErasureReport {
        Objects.requireNonNull(erasure, "erasure");
        records = Collections.unmodifiableSortedMap(new TreeMap<>(records));
    }

    /** @return the total of {@link #records()} */
    public int total() {
        return records.values().stream().mapToInt(Integer::intValue).sum();
    }
}
