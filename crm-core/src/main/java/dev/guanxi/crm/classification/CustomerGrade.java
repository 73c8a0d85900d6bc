package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;

/**
 * The three grades of the 80/20 (ABC) grading of customers, best first.
 *
 * <p>Each grade has its own treatment: key customers get dedicated service and follow-up, ordinary customers
 * standardised service, small customers low-cost channels.
 */
@Beta
public enum CustomerGrade {
    /** Key customers (关键客户, A): the few who bring most of the value. */
    KEY,
    /** Ordinary customers (普通客户, B). */
    ORDINARY,
    /** Small customers (小客户, C), including every customer without positive value. */
    SMALL;

    /**
     * @param other another grade
     * @return {@code true} if this grade is better than {@code other}
     */
    public boolean isBetterThan(CustomerGrade other) {
        return ordinal() < other.ordinal();
    }
}
