package dev.guanxi.crm.sales;

import dev.guanxi.crm.IllegalTransitionException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The status of an {@link Opportunity}. The allowed transitions are written down once, here:
 *
 * <table>
 *   <caption>Allowed transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>{@link #OPEN}</td><td>{@link #WON}, {@link #LOST}</td></tr>
 *   <tr><td>{@link #LOST}</td><td>{@link #OPEN} (reopened: lost deals do come back)</td></tr>
 *   <tr><td>{@link #WON}</td><td>(none: final; a won deal continues as orders and contracts)</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
public enum OpportunityStatus {
    /** Being worked on; it moves through the stages of its pipeline. */
    OPEN,
    /** Won. */
    WON,
    /** Lost, with a reason. */
    LOST;

    private static final Map<OpportunityStatus, Set<OpportunityStatus>> NEXT = new EnumMap<>(OpportunityStatus.class);

    static {
        NEXT.put(OPEN, Collections.unmodifiableSet(EnumSet.of(WON, LOST)));
        NEXT.put(LOST, Collections.unmodifiableSet(EnumSet.of(OPEN)));
        NEXT.put(WON, Collections.unmodifiableSet(EnumSet.noneOf(OpportunityStatus.class)));
    }

    /** @return the statuses this status may change to */
    public Set<OpportunityStatus> successors() {
        return NEXT.get(this);
    }

    /**
     * @param target a status
     * @return {@code true} if this status may change to {@code target}
     */
    public boolean canBecome(OpportunityStatus target) {
        return successors().contains(target);
    }

    /**
     * Checks a transition against the table.
     *
     * @param target the requested status
     * @return {@code target}
     * @throws IllegalTransitionException if the table does not allow it
     */
    public OpportunityStatus transitionTo(OpportunityStatus target) {
        if (!canBecome(target)) {
            throw new IllegalTransitionException("Opportunity", this, target);
        }
        return target;
    }
}
