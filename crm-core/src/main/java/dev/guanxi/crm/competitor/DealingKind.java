package dev.guanxi.crm.competitor;

import dev.guanxi.crm.IllegalTransitionException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a competitor's dealing with one of our customers is, seen from our side. The allowed changes are
 * written down once, in this enum's table:
 *
 * <pre>
 * BIDDING          -&gt; CURRENT_SUPPLIER, LOST_DEAL_TO, WON_DEAL_FROM
 * CURRENT_SUPPLIER -&gt; FORMER_SUPPLIER
 * FORMER_SUPPLIER, LOST_DEAL_TO, WON_DEAL_FROM: final
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum DealingKind {
    /** The competitor supplies the customer now. */
    CURRENT_SUPPLIER,
    /** The competitor supplied the customer in the past. */
    FORMER_SUPPLIER,
    /** The competitor is bidding for business with the customer (against us or not). */
    BIDDING,
    /** We lost a deal with the customer to the competitor. */
    LOST_DEAL_TO,
    /** We won a deal with the customer against the competitor. */
    WON_DEAL_FROM;

    private static final Map<DealingKind, Set<DealingKind>> ALLOWED = new EnumMap<>(DealingKind.class);

    static {
        ALLOWED.put(BIDDING, EnumSet.of(CURRENT_SUPPLIER, LOST_DEAL_TO, WON_DEAL_FROM));
        ALLOWED.put(CURRENT_SUPPLIER, EnumSet.of(FORMER_SUPPLIER));
        ALLOWED.put(FORMER_SUPPLIER, EnumSet.noneOf(DealingKind.class));
        ALLOWED.put(LOST_DEAL_TO, EnumSet.noneOf(DealingKind.class));
        ALLOWED.put(WON_DEAL_FROM, EnumSet.noneOf(DealingKind.class));
    }

    /** @return the kinds a dealing of this kind may change to; empty for a final kind */
    public Set<DealingKind> next() {
        return Set.copyOf(ALLOWED.get(this));
    }

    /**
     * @param to the requested kind
     * @return {@code true} if the table allows the change
     */
    public boolean canBecome(DealingKind to) {
        return ALLOWED.get(this).contains(to);
    }

    /** @return {@code true} if no change leaves this kind */
    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }

    /**
     * Returns the kind a dealing takes when it ends: a current supplier becomes a former one; every other
     * kind stays as it is.
     *
     * @return the kind after ending
     */
    public DealingKind whenEnded() {
        return this == CURRENT_SUPPLIER ? requireTransitionTo(FORMER_SUPPLIER) : this;
    }

    /**
     * Returns {@code to} if the table allows the change.
     *
     * @param to the requested kind
     * @return {@code to}
     * @throws IllegalTransitionException (entity type {@code CompetitorDealing}) if it does not
     */
    public DealingKind requireTransitionTo(DealingKind to) {
        if (to == null || !canBecome(to)) {
            throw new IllegalTransitionException("CompetitorDealing", this, to);
        }
        return to;
    }
}
