package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.util.List;
import java.util.Objects;

/**
 * A new customer row of an import that resembles a stored customer (or an earlier row of the import): what the
 * {@link DuplicatePolicy} did with it and the best match. Kept in the import journal with the row's batch.
 *
 * <p>Immutable and thread-safe.
 *
 * @param row the row's number in the source (see {@link RowError#row()})
 * @param externalId the row's external id
 * @param action what was done: {@link DuplicatePolicy#SKIP} (not stored), {@link DuplicatePolicy#FLAG} (stored
 *     as {@code customer}) or {@link DuplicatePolicy#MERGE} (merged into {@code customer})
 * @param customer the customer the row was stored as or merged into; {@code null} when it was skipped
 * @param duplicateOf the stored customer the row resembles most
 * @param score the detector's score of that pair, 0 to 1
 * @param matchers the names of the matchers that fired, in the detector's order
 * @since 0.1.0
 */
@Beta
public record ImportFlag(
        long row,
        String externalId,
        DuplicatePolicy action,
        CustomerId customer,
        CustomerId duplicateOf,
        double score,
        List<String> matchers) {
    /**
     * Validates the components and copies the list.
     *
     * @param row the row's number in the source (see {@link RowError#row()})
     * @param externalId the row's external id
     * @param action what was done: {@link DuplicatePolicy#SKIP} (not stored), {@link DuplicatePolicy#FLAG} (stored as
     *     {@code customer}) or {@link DuplicatePolicy#MERGE} (merged into {@code customer})
     * @param customer the customer the row was stored as or merged into; {@code null} when it was skipped
     * @param duplicateOf the stored customer the row resembles most
     * @param score the detector's score of that pair, 0 to 1
     * @param matchers the names of the matchers that fired, in the detector's order
     * @throws IllegalArgumentException if {@code row} is below 1, the score is outside 0 to 1, or {@code customer}
     *     is set for a skipped row or missing for another action
     * @throws NullPointerException if a required component is null
     */
    public ImportFlag {
        if (row < 1) {
            throw new IllegalArgumentException("row must be at least 1, got " + row);
        }
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
        if ((customer == null) != (action == DuplicatePolicy.SKIP)) {
            throw new IllegalArgumentException("customer is set exactly when the row was not skipped: " + action);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be 0 to 1, got " + score);
        }
        matchers = List.copyOf(Objects.requireNonNull(matchers, "matchers"));
    }

    /** @return a short human-readable line, e.g. {@code "row 12 (C-12) flagged: resembles … (0.95: email, name)"} */
    public String reason() {
        String what = switch (action) {
            case SKIP -> "skipped";
            case FLAG -> "stored as " + customer.value() + ", flagged";
            case MERGE -> "merged into " + customer.value();
        };
        return "row " + row + " (" + externalId + ") " + what + ": resembles " + duplicateOf.value() + " ("
                + String.format(java.util.Locale.ROOT, "%.2f", score) + ": " + String.join(", ", matchers) + ")";
    }
}
