package dev.guanxi.crm.sales;

import dev.guanxi.crm.IllegalTransitionException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The status of an {@link Order}. The allowed transitions are written down once, in this enum:
 *
 * <table>
 *   <caption>Allowed transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>{@link #PLACED}</td><td>{@link #CANCELLED}</td></tr>
 *   <tr><td>{@link #CANCELLED}</td><td>(none: final)</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
public enum OrderStatus {
    /** The order was placed; it counts as a purchase. */
    PLACED,
    /** The order was cancelled; it no longer counts as a purchase and is left out of the purchase scan. */
    CANCELLED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

    static {
        NEXT.put(PLACED, Collections.unmodifiableSet(EnumSet.of(CANCELLED)));
        NEXT.put(CANCELLED, Collections.unmodifiableSet(EnumSet.noneOf(OrderStatus.class)));
    }

    /** @return the statuses this status may change to */
    public Set<OrderStatus> successors() {
        return NEXT.get(this);
    }

    /**
     * @param target a status
     * @return {@code true} if this status may change to {@code target}
     */
    public boolean canBecome(OrderStatus target) {
        return successors().contains(target);
    }

    /**
     * Checks a transition against the table.
     *
     * @param target the requested status
     * @return {@code target}
     * @throws IllegalTransitionException if the table does not allow it
     */
    public OrderStatus transitionTo(OrderStatus target) {
        if (!canBecome(target)) {
            throw new IllegalTransitionException("Order", this, target);
        }
        return target;
    }
}
