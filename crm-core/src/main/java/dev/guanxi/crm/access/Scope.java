package dev.guanxi.crm.access;

import dev.guanxi.crm.Beta;

/**
 * Which customers' records a role reaches, in the {@linkplain AccessPolicy#ownTeamAll default access model}. Each
 * scope includes the ones before it. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public enum Scope {
    /** No records. */
    NONE,
    /** The records of customers the user owns. */
    OWN,
    /** Also the records of customers owned by a member of one of the user's teams. */
    TEAM,
    /** Every record of the tenant, including tenant-wide ones (campaigns, competitors, code tables, scoring runs). */
    ALL;

    /**
     * @param other another scope
     * @return the wider of the two
     */
    public Scope widest(Scope other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /**
     * @param other another scope
     * @return whether this scope includes {@code other}
     */
    public boolean includes(Scope other) {
        return ordinal() >= other.ordinal();
    }
}
