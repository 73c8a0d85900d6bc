package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;

/**
 * How the rows of an import ended. Every row is counted in exactly one column, so {@link #rows()} is the number
 * of rows read. A row of an {@linkplain ImportMode#ALL_OR_NOTHING all-or-nothing} import that was rejected
 * because another row was bad is counted nowhere: only the bad rows count (as failed).
 *
 * <p>Immutable and thread-safe.
 *
 * @param created rows stored as new records
 * @param updated rows that changed a stored record (a customer, or a contact imported before), or were merged
 *     into a customer they duplicate ({@link DuplicatePolicy#MERGE})
 * @param unchanged rows equal to what was stored: a re-import writes nothing for them
 * @param skipped new customer rows not stored because they resemble a stored customer ({@link
 *     DuplicatePolicy#SKIP})
 * @param flagged new customer rows stored although they resemble a stored customer, with an {@link ImportFlag}
 *     ({@link DuplicatePolicy#FLAG})
 * @param failed bad rows, each with at least one {@link RowError}
 * @since 0.1.0
 */
@Beta
public record ImportCounts(long created, long updated, long unchanged, long skipped, long flagged, long failed) {
    /** Nothing counted yet. */
    public static final ImportCounts ZERO = new ImportCounts(0, 0, 0, 0, 0, 0);

    /**
     * Rejects negative counts.
     *
     * @param created rows stored as new records
     * @param updated rows that changed a stored record (a customer, or a contact imported before), or were merged into
     *     a customer they duplicate ({@link DuplicatePolicy#MERGE})
     * @param unchanged rows equal to what was stored: a re-import writes nothing for them
     * @param skipped new customer rows not stored because they resemble a stored customer ({@link
     *     DuplicatePolicy#SKIP})
     * @param flagged new customer rows stored although they resemble a stored customer, with an {@link ImportFlag}
     *     ({@link DuplicatePolicy#FLAG})
     * @param failed bad rows, each with at least one {@link RowError}
     * @throws IllegalArgumentException if a count is negative
     */
    public ImportCounts {
        if (created < 0 || updated < 0 || unchanged < 0 || skipped < 0 || flagged < 0 || failed < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** @return the rows counted, the sum of every column */
    public long rows() {
        return created + updated + unchanged + skipped + flagged + failed;
    }

    /**
     * Adds two counts column by column.
     *
     * @param other the counts to add
     * @return the sum
     */
    public ImportCounts plus(ImportCounts other) {
        return new ImportCounts(
                created + other.created,
                updated + other.updated,
                unchanged + other.unchanged,
                skipped + other.skipped,
                flagged + other.flagged,
                failed + other.failed);
    }

    /** @return e.g. {@code "9998 created, 0 updated, 0 unchanged, 0 skipped, 0 flagged, 2 failed"} */
    @Override
    public String toString() {
        return created + " created, " + updated + " updated, " + unchanged + " unchanged, " + skipped + " skipped, "
                + flagged + " flagged, " + failed + " failed";
    }
}
