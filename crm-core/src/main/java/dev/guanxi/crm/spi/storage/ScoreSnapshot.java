package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A customer's current scores, as written by a scoring run: named numbers (P(alive), expected purchases, CLV,
 * loyalty score...) and named labels (grade, segment, lifecycle stage...), with the run that computed them
 * and a hash of the inputs, so that a later run can skip customers whose inputs did not change. A store keeps
 * one snapshot per customer (the latest); what a run computed before is replaced.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer scored, not null
 * @param runId the scoring run that wrote it
 * @param asOf the date the scores describe
 * @param inputsHash a hash of the inputs the scores were computed from, 1 to {@value #HASH_MAX} characters, or
 *     {@code null}
 * @param metrics name to number, iterating in name order; names {@code [a-z][A-Za-z0-9_.]{0,63}}, at most
 *     {@value #MAX_ENTRIES}
 * @param labels name to text (1 to {@value #LABEL_MAX} characters), same name rules
 */
public record ScoreSnapshot(
        CustomerId customerId,
        UUID runId,
        LocalDate asOf,
        String inputsHash,
        SortedMap<String, BigDecimal> metrics,
        SortedMap<String, String> labels)
        implements ScoreView {
    /** The most metrics, and the most labels, a snapshot may have. */
    public static final int MAX_ENTRIES = 100;
    /** The longest label value, in characters. */
    public static final int LABEL_MAX = 200;
    /** The longest inputs hash, in characters. */
    public static final int HASH_MAX = 128;

    /**
     * Validates and copies.
     *
     * @param customerId the customer scored, not null
     * @param runId the scoring run that wrote it
     * @param asOf the date the scores describe
     * @param inputsHash a hash of the inputs the scores were computed from, 1 to {@value #HASH_MAX} characters, or
     *     {@code null}
     * @param metrics name to number, iterating in name order; names {@code [a-z][A-Za-z0-9_.]{0,63}}, at most {@value
     *     #MAX_ENTRIES}; {@code null} is taken as empty; copied
     * @param labels name to text (1 to {@value #LABEL_MAX} characters), same name rules; {@code null} is taken as
     *     empty; copied
     * @throws ValidationException on {@code metrics.<name>} / {@code labels.<name>} for a bad name or value,
     *     on {@code metrics} / {@code labels} for too many entries, on {@code inputsHash} if too long
     * @throws NullPointerException if {@code customerId}, {@code runId} or {@code asOf} is {@code null}
     */
    public ScoreSnapshot {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(asOf, "asOf");
        if (inputsHash != null && (inputsHash.isEmpty() || inputsHash.length() > HASH_MAX)) {
            throw new ValidationException(
                    "inputsHash", ValidationRule.TOO_LONG, "inputs hash must have 1 to " + HASH_MAX + " characters");
        }
        metrics = copy("metrics", metrics == null ? Map.of() : metrics);
        labels = copy("labels", labels == null ? Map.of() : labels);
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (e.getValue().isEmpty() || e.getValue().length() > LABEL_MAX) {
                throw new ValidationException(
                        "labels." + e.getKey(),
                        ValidationRule.TOO_LONG,
                        "label values must have 1 to " + LABEL_MAX + " characters");
            }
        }
    }

    /**
     * @param name a label's name
     * @return the label's value, or {@code null} if there is no such label
     * @since 0.1.0
     */
    @Override
    public String label(String name) {
        return labels.get(name);
    }

    /**
     * @param name a metric's name
     * @return the metric's value, or {@code null} if there is no such metric
     * @since 0.1.0
     */
    @Override
    public BigDecimal metric(String name) {
        return metrics.get(name);
    }

    /**
     * @return this snapshot
     * @since 0.1.0
     */
    @Override
    public ScoreSnapshot snapshot() {
        return this;
    }

    /**
     * Validates the entries and copies them into a new {@link TreeMap}: in linear time from a map already sorted
     * by the names' natural order (as a run builds them), else by insertion.
     */
    private static <V> SortedMap<String, V> copy(String field, Map<String, V> values) {
        if (values.size() > MAX_ENTRIES) {
            throw new ValidationException(field, ValidationRule.OUT_OF_RANGE, "at most " + MAX_ENTRIES + " entries");
        }
        for (Map.Entry<String, V> e : values.entrySet()) {
            String name = e.getKey();
            if (!isName(name)) {
                throw new ValidationException(
                        field + "." + name, ValidationRule.INVALID_FORMAT, "names are [a-z][A-Za-z0-9_.]{0,63}");
            }
            if (e.getValue() == null) {
                throw new ValidationException(field + "." + name, ValidationRule.REQUIRED, "values must not be null");
            }
        }
        TreeMap<String, V> copy = values instanceof SortedMap<String, V> sorted && sorted.comparator() == null
                ? new TreeMap<>(sorted)
                : new TreeMap<>(values);
        return Collections.unmodifiableSortedMap(copy);
    }

    /** Whether a name matches {@code [a-z][A-Za-z0-9_.]{0,63}} (a loop, not a regular expression: hot path). */
    static boolean isName(String name) {
        if (name == null || name.isEmpty() || name.length() > 64) {
            return false;
        }
        char first = name.charAt(0);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (int k = 1; k < name.length(); k++) {
            char c = name.charAt(k);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
