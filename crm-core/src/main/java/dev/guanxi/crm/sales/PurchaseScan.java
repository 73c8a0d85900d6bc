package dev.guanxi.crm.sales;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.internal.Check;
import java.time.LocalDate;

/**
 * Which purchases a purchase scan visits: every order of the tenant that is not cancelled, optionally limited
 * to an inclusive range of order dates. A context object, so that options can be added later without
 * breaking storage adapters. Cancelled orders are never visited: they are not purchases.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the first order date to include, or {@code null} for no lower bound
 * @param to the last order date to include, or {@code null} for no upper bound
 */
@Beta
public record PurchaseScan(LocalDate from, LocalDate to) {
    private static final PurchaseScan ALL = new PurchaseScan(null, null);

    /**
     * Validates the range.
     *
     * @param from the first order date to include, or {@code null} for no lower bound
     * @param to the last order date to include, or {@code null} for no upper bound
     * @throws dev.guanxi.crm.ValidationException with field {@code to} and rule {@code DATE_ORDER} if {@code to}
     *     lies before {@code from}
     */
    public PurchaseScan {
        Check.order("to", from, to);
    }

    /** @return a scan of every purchase */
    public static PurchaseScan all() {
        return ALL;
    }

    /**
     * Returns a scan of the purchases with an order date in a range.
     *
     * @param from the first date, inclusive
     * @param to the last date, inclusive
     * @return the scan
     */
    public static PurchaseScan between(LocalDate from, LocalDate to) {
        Check.required("from", from);
        Check.required("to", to);
        return new PurchaseScan(from, to);
    }

    /**
     * @param date an order date
     * @return {@code true} if the date lies in the range
     */
    public boolean includes(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
