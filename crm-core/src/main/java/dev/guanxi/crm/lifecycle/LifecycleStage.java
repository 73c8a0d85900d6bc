package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The stage of a customer relationship, each in one {@link LifecyclePhase}. The allowed transitions are
 * written down once, in this enum's table; no other code decides whether a move is legal:
 *
 * <pre>
 * (none, first evaluation) -&gt; PROSPECT, NEW_CUSTOMER, ACTIVE, AT_RISK, LOST
 * PROSPECT     -&gt; NEW_CUSTOMER                  (first purchase)
 * NEW_CUSTOMER -&gt; ACTIVE                        (repeat purchase within the expected cycle)
 *              -&gt; AT_RISK, LOST                 (warning signs; long silence)
 * ACTIVE       -&gt; AT_RISK, LOST                 (warning signs; long silence)
 * AT_RISK      -&gt; ACTIVE                        (recovered: no warning sign left)
 *              -&gt; LOST                          (very low P(alive); long silence)
 * LOST         -&gt; WON_BACK                      (a purchase after the loss)
 * WON_BACK     -&gt; ACTIVE                        (a repeat purchase)
 *              -&gt; AT_RISK, LOST                 (warning signs again)
 * </pre>
 *
 * <p>Choices made here: a prospect who never buys stays a prospect (a prospect cannot be "lost", it was never
 * won); staying in a stage is not a transition (no {@code X -> X}); {@link #WON_BACK} belongs to the
 * {@link LifecyclePhase#MAINTAIN} phase, because a won-back customer re-enters the maintain phase (DOMAIN.md),
 * and is a stage of its own so that win-back campaigns can be measured; a first evaluation may start a
 * customer in any stage except {@link #WON_BACK}, which needs an earlier loss, so that a host adopting the
 * lifecycle with years of history can place each customer where the facts say.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public enum LifecycleStage {
    /** A potential customer who has not bought yet; moves through the AIDA funnel. */
    PROSPECT(LifecyclePhase.ACQUIRE),
    /** A customer who has made the first purchase but no repeat purchase within the expected cycle yet. */
    NEW_CUSTOMER(LifecyclePhase.MAINTAIN),
    /** A customer who buys repeatedly and shows no warning sign. */
    ACTIVE(LifecyclePhase.MAINTAIN),
    /** A customer with warning signs of churn (low P(alive), overrun cycle, complaints, credit drop). */
    AT_RISK(LifecyclePhase.RECOVER),
    /** A customer who has stopped buying (客户流失): very low P(alive) or a long silence. */
    LOST(LifecyclePhase.RECOVER),
    /** A lost customer who bought again (客户挽救); re-enters the maintain phase. */
    WON_BACK(LifecyclePhase.MAINTAIN);

    private static final Map<LifecycleStage, Set<LifecycleStage>> ALLOWED = new EnumMap<>(LifecycleStage.class);
    private static final Set<LifecycleStage> INITIAL;

    static {
        ALLOWED.put(PROSPECT, Collections.unmodifiableSet(EnumSet.of(NEW_CUSTOMER)));
        ALLOWED.put(NEW_CUSTOMER, Collections.unmodifiableSet(EnumSet.of(ACTIVE, AT_RISK, LOST)));
        ALLOWED.put(ACTIVE, Collections.unmodifiableSet(EnumSet.of(AT_RISK, LOST)));
        ALLOWED.put(AT_RISK, Collections.unmodifiableSet(EnumSet.of(ACTIVE, LOST)));
        ALLOWED.put(LOST, Collections.unmodifiableSet(EnumSet.of(WON_BACK)));
        ALLOWED.put(WON_BACK, Collections.unmodifiableSet(EnumSet.of(ACTIVE, AT_RISK, LOST)));
        INITIAL = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(WON_BACK)));
    }

    private final LifecyclePhase phase;

    LifecycleStage(LifecyclePhase phase) {
        this.phase = phase;
    }

    /** @return the phase this stage belongs to */
    public LifecyclePhase phase() {
        return phase;
    }

    /** @return the stages a customer in this stage may move to, as an unmodifiable set; never empty */
    public Set<LifecycleStage> allowedTargets() {
        return ALLOWED.get(this);
    }

    /** @return the stages a customer may be placed in by a first evaluation (every stage but WON_BACK) */
    public static Set<LifecycleStage> initialStages() {
        return INITIAL;
    }

    /**
     * Says whether the table allows a move from this stage.
     *
     * @param to the requested stage; {@code null} is never allowed
     * @return {@code true} if the table allows the move
     */
    public boolean canMoveTo(LifecycleStage to) {
        return to != null && ALLOWED.get(this).contains(to);
    }

    /**
     * Says whether the table allows a move, including the first placement of a customer.
     *
     * @param from the current stage, or {@code null} if the customer has none yet
     * @param to the requested stage
     * @return {@code true} if the table allows the move
     */
    public static boolean isAllowed(LifecycleStage from, LifecycleStage to) {
        if (to == null) {
            return false;
        }
        return from == null ? INITIAL.contains(to) : from.canMoveTo(to);
    }

    /**
     * Returns {@code to} if the table allows the move.
     *
     * @param from the current stage, or {@code null} if the customer has none yet
     * @param to the requested stage
     * @return {@code to}
     * @throws IllegalStageTransitionException if the table does not allow the move
     */
    public static LifecycleStage requireAllowed(LifecycleStage from, LifecycleStage to) {
        if (!isAllowed(from, to)) {
            throw new IllegalStageTransitionException(from, to);
        }
        return to;
    }
}
