package dev.guanxi.crm.marketing;

import dev.guanxi.crm.IllegalTransitionException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a campaign is in its life: planned, running, finished or called off. The allowed transitions are
 * written down once, in this enum's table:
 *
 * <pre>
 * PLANNED  -&gt; ACTIVE, CANCELLED
 * ACTIVE   -&gt; COMPLETED, CANCELLED
 * COMPLETED, CANCELLED: final
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum CampaignStatus {
    /** Designed, not yet running; responses are not accepted. */
    PLANNED,
    /** Running (launched); the only status in which responses are recorded. */
    ACTIVE,
    /** Finished as planned; final. */
    COMPLETED,
    /** Called off before or while running; final. */
    CANCELLED;

    private static final Map<CampaignStatus, Set<CampaignStatus>> ALLOWED = new EnumMap<>(CampaignStatus.class);

    static {
        ALLOWED.put(PLANNED, EnumSet.of(ACTIVE, CANCELLED));
        ALLOWED.put(ACTIVE, EnumSet.of(COMPLETED, CANCELLED));
        ALLOWED.put(COMPLETED, EnumSet.noneOf(CampaignStatus.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(CampaignStatus.class));
    }

    /**
     * Returns the statuses a campaign in this status may move to.
     *
     * @return an immutable set, empty for a final status
     */
    public Set<CampaignStatus> next() {
        return Set.copyOf(ALLOWED.get(this));
    }

    /**
     * Says whether the table allows a move from this status to another.
     *
     * @param to the requested status
     * @return {@code true} if the transition is allowed
     */
    public boolean canBecome(CampaignStatus to) {
        return ALLOWED.get(this).contains(to);
    }

    /** @return {@code true} if no transition leaves this status */
    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }

    /**
     * Returns {@code to} if the table allows the transition.
     *
     * @param to the requested status
     * @return {@code to}
     * @throws IllegalTransitionException (entity type {@code Campaign}) if the transition is not allowed
     */
    public CampaignStatus requireTransitionTo(CampaignStatus to) {
        if (to == null || !canBecome(to)) {
            throw new IllegalTransitionException("Campaign", this, to);
        }
        return to;
    }
}
