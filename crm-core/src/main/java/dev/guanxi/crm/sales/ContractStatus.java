package dev.guanxi.crm.sales;

import dev.guanxi.crm.IllegalTransitionException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The status of a {@link Contract}. The allowed transitions are written down once, here:
 *
 * <table>
 *   <caption>Allowed transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>{@link #DRAFT}</td><td>{@link #ACTIVE}, {@link #TERMINATED} (a draft that is abandoned)</td></tr>
 *   <tr><td>{@link #ACTIVE}</td><td>{@link #EXPIRED}, {@link #TERMINATED}, {@link #RENEWED}</td></tr>
 *   <tr><td>{@link #EXPIRED}</td><td>{@link #RENEWED} (renewed after it lapsed)</td></tr>
 *   <tr><td>{@link #TERMINATED}</td><td>(none: final)</td></tr>
 *   <tr><td>{@link #RENEWED}</td><td>(none: final; its successor contract carries on)</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
public enum ContractStatus {
    /** Being prepared; not yet in force. */
    DRAFT,
    /** Signed and in force for its period. */
    ACTIVE,
    /** Its period ended without renewal. */
    EXPIRED,
    /** Ended early (or abandoned as a draft), with a reason. */
    TERMINATED,
    /** Replaced by a successor contract. */
    RENEWED;

    private static final Map<ContractStatus, Set<ContractStatus>> NEXT = new EnumMap<>(ContractStatus.class);

    static {
        NEXT.put(DRAFT, Collections.unmodifiableSet(EnumSet.of(ACTIVE, TERMINATED)));
        NEXT.put(ACTIVE, Collections.unmodifiableSet(EnumSet.of(EXPIRED, TERMINATED, RENEWED)));
        NEXT.put(EXPIRED, Collections.unmodifiableSet(EnumSet.of(RENEWED)));
        NEXT.put(TERMINATED, Collections.unmodifiableSet(EnumSet.noneOf(ContractStatus.class)));
        NEXT.put(RENEWED, Collections.unmodifiableSet(EnumSet.noneOf(ContractStatus.class)));
    }

    /** @return the statuses this status may change to */
    public Set<ContractStatus> successors() {
        return NEXT.get(this);
    }

    /**
     * @param target a status
     * @return {@code true} if this status may change to {@code target}
     */
    public boolean canBecome(ContractStatus target) {
        return successors().contains(target);
    }

    /**
     * Checks a transition against the table.
     *
     * @param target the requested status
     * @return {@code target}
     * @throws IllegalTransitionException if the table does not allow it
     */
    public ContractStatus transitionTo(ContractStatus target) {
        if (!canBecome(target)) {
            throw new IllegalTransitionException("Contract", this, target);
        }
        return target;
    }
}
