package dev.guanxi.crm.sales;

import dev.guanxi.crm.IllegalTransitionException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The status of an {@link Invoice}. {@link #OPEN}, {@link #PARTIALLY_PAID} and {@link #PAID} follow from the
 * paid amount; {@link #WRITTEN_OFF} is set explicitly. The allowed transitions are written down once, here:
 *
 * <table>
 *   <caption>Allowed transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>{@link #OPEN}</td><td>{@link #PARTIALLY_PAID}, {@link #PAID}, {@link #WRITTEN_OFF}</td></tr>
 *   <tr><td>{@link #PARTIALLY_PAID}</td><td>{@link #PARTIALLY_PAID} (a further part payment), {@link #PAID},
 *       {@link #WRITTEN_OFF}</td></tr>
 *   <tr><td>{@link #PAID}</td><td>(none: final)</td></tr>
 *   <tr><td>{@link #WRITTEN_OFF}</td><td>(none: final)</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
public enum InvoiceStatus {
    /** Issued and nothing paid yet. */
    OPEN,
    /** Part of the amount was paid. */
    PARTIALLY_PAID,
    /** Paid in full. */
    PAID,
    /** The unpaid rest was written off as not collectable (bad debt). */
    WRITTEN_OFF;

    private static final Map<InvoiceStatus, Set<InvoiceStatus>> NEXT = new EnumMap<>(InvoiceStatus.class);

    static {
        NEXT.put(OPEN, Collections.unmodifiableSet(EnumSet.of(PARTIALLY_PAID, PAID, WRITTEN_OFF)));
        NEXT.put(PARTIALLY_PAID, Collections.unmodifiableSet(EnumSet.of(PARTIALLY_PAID, PAID, WRITTEN_OFF)));
        NEXT.put(PAID, Collections.unmodifiableSet(EnumSet.noneOf(InvoiceStatus.class)));
        NEXT.put(WRITTEN_OFF, Collections.unmodifiableSet(EnumSet.noneOf(InvoiceStatus.class)));
    }

    /** @return {@code true} for {@link #OPEN} and {@link #PARTIALLY_PAID}: money is still owed and payments are accepted */
    public boolean isOpen() {
        return this == OPEN || this == PARTIALLY_PAID;
    }

    /** @return the statuses this status may change to */
    public Set<InvoiceStatus> successors() {
        return NEXT.get(this);
    }

    /**
     * @param target a status
     * @return {@code true} if this status may change to {@code target}
     */
    public boolean canBecome(InvoiceStatus target) {
        return successors().contains(target);
    }

    /**
     * Checks a transition against the table.
     *
     * @param target the requested status
     * @return {@code target}
     * @throws IllegalTransitionException if the table does not allow it
     */
    public InvoiceStatus transitionTo(InvoiceStatus target) {
        if (!canBecome(target)) {
            throw new IllegalTransitionException("Invoice", this, target);
        }
        return target;
    }
}
