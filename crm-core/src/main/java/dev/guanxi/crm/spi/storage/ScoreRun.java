package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One scoring run: when it started, for which date, whether it completed, and what it wants to remember
 * (model parameters, counts) as text attributes. A run that has no completion instant was interrupted or is
 * still going; running it again completes it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the run's id
 * @param asOf the date the run scores
 * @param startedAt when it started
 * @param completedAt when it completed, or {@code null}
 * @param attributes name to text (names 1 to 64 characters, values at most {@value #VALUE_MAX} characters),
 *     iterating in name order
 */
public record ScoreRun(
        UUID id, LocalDate asOf, Instant startedAt, Instant completedAt, SortedMap<String, String> attributes) {
    /** The longest attribute value (a model's parameters as JSON fit easily). */
    public static final int VALUE_MAX = 100_000;

    /**
     * Validates and copies.
     *
     * @param id the run's id
     * @param asOf the date the run scores
     * @param startedAt when it started
     * @param completedAt when it completed, or {@code null}
     * @param attributes name to text (names 1 to 64 characters, values at most {@value #VALUE_MAX} characters),
     *     iterating in name order
     * @throws NullPointerException if {@code id}, {@code asOf} or {@code startedAt} is {@code null}
     * @throws ValidationException on {@code completedAt} if it is before {@code startedAt}, on {@code
     *     attributes.<name>} for a bad name or value
     */
    public ScoreRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(startedAt, "startedAt");
        if (completedAt != null && completedAt.isBefore(startedAt)) {
            throw new ValidationException("completedAt", ValidationRule.DATE_ORDER, "completed before it started");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        (attributes == null ? Map.<String, String>of() : attributes).forEach((k, v) -> {
            if (k == null || k.isEmpty() || k.length() > 64) {
                throw new ValidationException(
                        "attributes." + k, ValidationRule.INVALID_FORMAT, "names have 1 to 64 characters");
            }
            if (v == null || v.length() > VALUE_MAX) {
                throw new ValidationException(
                        "attributes." + k, ValidationRule.TOO_LONG, "values have at most " + VALUE_MAX + " characters");
            }
            copy.put(k, v);
        });
        attributes = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * @param completed when the run completed
     * @return this run, completed
     */
    public ScoreRun complete(Instant completed) {
        return new ScoreRun(id, asOf, startedAt, completed, attributes);
    }
}
