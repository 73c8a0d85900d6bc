package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.CustomerGrade;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in {@link LifecyclePolicy}, with {@link LifecycleThresholds} per 80/20 grade (a customer without a
 * grade gets the ordinary thresholds unless {@link Builder#ungraded} says otherwise).
 *
 * <p>The rules, in the order they are evaluated and reported (every rule that fires is reported; the one that
 * decides comes first in {@link LifecycleDecision#reasons()}):
 *
 * <ol>
 *   <li>No purchases: a customer never evaluated becomes a {@code PROSPECT} ({@value #FIRST_SEEN}); anyone else
 *       stays.
 *   <li>A {@code LOST} customer with a purchase since the last evaluation is {@code WON_BACK} ({@value
 *       #PURCHASE_AFTER_LOSS}); without one, stays lost.
 *   <li>A {@code PROSPECT} with a purchase becomes a {@code NEW_CUSTOMER} ({@value #FIRST_PURCHASE}).
 *   <li>Warning signs, all evaluated: {@value #LOST_P_ALIVE} (P(alive) &lt; lost threshold), {@value
 *       #LOST_SILENCE} (days since the last purchase &gt;= lostAfterDays), {@value #AT_RISK_P_ALIVE} (P(alive)
 *       &lt; at-risk threshold), {@value #CYCLE_OVERRUN} (days since the last purchase &gt; factor × cycle),
 *       {@value #UNRESOLVED_COMPLAINTS}, {@value #OVERDUE_CASES}, {@value #CREDIT_GRADE_DROP} (grade index now −
 *       previous &gt;= steps). A {@code NaN} P(alive) and an unknown (-1) credit grade fire nothing.
 *   <li>Without a purchase since the last evaluation, a lost sign moves to {@code LOST}, else an at-risk sign
 *       to {@code AT_RISK} (an at-risk customer stays). <b>A purchase since the last evaluation holds both
 *       off</b> ({@value #PURCHASE_HOLDS_OFF} is reported): a purchase never moves a customer to {@code
 *       AT_RISK} or {@code LOST}.
 *   <li>Otherwise: a {@code NEW_CUSTOMER} with two or more purchases whose mean interval is within the expected
 *       cycle becomes {@code ACTIVE} ({@value #REPEAT_PURCHASE}); a {@code WON_BACK} customer with a new
 *       purchase becomes {@code ACTIVE} ({@value #REPEAT_AFTER_WIN_BACK}); an {@code AT_RISK} customer with no
 *       warning sign left becomes {@code ACTIVE} ({@value #RECOVERED}); everyone else stays.
 * </ol>
 *
 * <p>A customer never evaluated but with purchases is placed where the facts say: {@code NEW_CUSTOMER}, or
 * {@code ACTIVE} by rule {@value #REPEAT_PURCHASE}, or — without a purchase since the last evaluation —
 * {@code LOST} or {@code AT_RISK} by the warning signs.
 *
 * <p>Cost: O(1) per customer; a customer for whom no rule fires costs no allocation (the shared stay
 * decision); reasons are records of numbers, rendered as text only on demand.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public final class DefaultLifecyclePolicy implements LifecyclePolicy {
    /** Rule: a customer never evaluated and without purchases is a prospect. */
    public static final String FIRST_SEEN = "firstSeen";
    /** Rule: the first purchase makes a customer. */
    public static final String FIRST_PURCHASE = "firstPurchase";
    /** Rule: a repeat purchase within the expected cycle makes a new customer active. */
    public static final String REPEAT_PURCHASE = "repeatPurchase";
    /** Rule: a purchase after a loss wins the customer back. */
    public static final String PURCHASE_AFTER_LOSS = "purchaseAfterLoss";
    /** Rule: a further purchase makes a won-back customer active. */
    public static final String REPEAT_AFTER_WIN_BACK = "repeatAfterWinBack";
    /** Rule: an at-risk customer without warning signs is active again. */
    public static final String RECOVERED = "recovered";
    /** Rule: P(alive) below the lost threshold. */
    public static final String LOST_P_ALIVE = "lostPAlive";
    /** Rule: no purchase for lostAfterDays or more. */
    public static final String LOST_SILENCE = "lostSilence";
    /** Rule: P(alive) below the at-risk threshold. */
    public static final String AT_RISK_P_ALIVE = "atRiskPAlive";
    /** Rule: the customer's cycle overrun by the factor. */
    public static final String CYCLE_OVERRUN = "cycleOverrun";
    /** Rule: too many unresolved complaints. */
    public static final String UNRESOLVED_COMPLAINTS = "unresolvedComplaints";
    /** Rule: too many cases past their SLA. */
    public static final String OVERDUE_CASES = "overdueCases";
    /** Rule: the credit grade dropped by the given steps or more. */
    public static final String CREDIT_GRADE_DROP = "creditGradeDrop";
    /** Note: a purchase since the last evaluation held off the warning signs. */
    public static final String PURCHASE_HOLDS_OFF = "purchaseHoldsOff";

    private static final LifecycleReason NO_PURCHASE_YET =
            new LifecycleReason(FIRST_SEEN, "purchases", 0, "=", 0, "no purchase yet");
    private static final LifecycleReason FIRST_PURCHASE_REASON =
            new LifecycleReason(FIRST_PURCHASE, "purchases", 1, ">=", 1, "first purchase");
    private static final LifecycleReason PURCHASE_AFTER_LOSS_REASON = new LifecycleReason(
            PURCHASE_AFTER_LOSS, "purchaseSinceLastEvaluation", 1, "=", 1, "a purchase after the loss");
    private static final LifecycleReason REPEAT_AFTER_WIN_BACK_REASON = new LifecycleReason(
            REPEAT_AFTER_WIN_BACK, "purchaseSinceLastEvaluation", 1, "=", 1, "a repeat purchase after the win-back");
    private static final LifecycleReason RECOVERED_REASON =
            new LifecycleReason(RECOVERED, "warningSigns", 0, "=", 0, "no at-risk or lost rule fires");
    private static final LifecycleReason HOLDS_OFF_REASON = new LifecycleReason(
            PURCHASE_HOLDS_OFF, "purchaseSinceLastEvaluation", 1, "=", 1, "a purchase holds off AT_RISK and LOST");

    private static final LifecycleDecision PROSPECT_DECISION =
            LifecycleDecision.moveTo(LifecycleStage.PROSPECT, List.of(NO_PURCHASE_YET));
    private static final LifecycleDecision FIRST_PURCHASE_DECISION =
            LifecycleDecision.moveTo(LifecycleStage.NEW_CUSTOMER, List.of(FIRST_PURCHASE_REASON));
    private static final LifecycleDecision WON_BACK_DECISION =
            LifecycleDecision.moveTo(LifecycleStage.WON_BACK, List.of(PURCHASE_AFTER_LOSS_REASON));

    private static final DefaultLifecyclePolicy STANDARD = builder().build();

    /** Per grade (index = ordinal, last = ungraded): thresholds and the basis texts, built once. */
    private final Limits[] limits;

    private DefaultLifecyclePolicy(Limits[] limits) {
        this.limits = limits;
    }

    /** @return the policy with the {@linkplain LifecycleThresholds#standard standard thresholds} */
    public static DefaultLifecyclePolicy standard() {
        return STANDARD;
    }

    /** @return a builder; grades not set get the standard thresholds */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param grade a grade, or {@code null} for customers without one
     * @return the thresholds this policy applies to customers of that grade
     */
    public LifecycleThresholds thresholds(CustomerGrade grade) {
        return limitsFor(grade).t;
    }

    private Limits limitsFor(CustomerGrade grade) {
        return limits[grade == null ? limits.length - 1 : grade.ordinal()];
    }

    /**
     * {@inheritDoc}
     *
     * @throws ValidationException naming {@code lastPurchaseDay} (FUTURE) if the last purchase is after the
     *     context's day
     */
    @Override
    public LifecycleDecision decide(LifecycleFacts facts, LifecycleContext context) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(context, "context");
        LifecycleStage stage = facts.currentStage();
        if (facts.purchases() == 0) {
            return stage == null ? PROSPECT_DECISION : LifecycleDecision.stay();
        }
        long days = context.asOf().toEpochDay() - facts.lastPurchaseDay().toEpochDay();
        if (days < 0) {
            throw new ValidationException(
                    "lastPurchaseDay",
                    ValidationRule.FUTURE,
                    "last purchase " + facts.lastPurchaseDay() + " is after the evaluation day " + context.asOf());
        }
        boolean purchased = facts.purchasedSinceLastEvaluation();
        if (stage == LifecycleStage.LOST) {
            return purchased ? WON_BACK_DECISION : LifecycleDecision.stay();
        }
        if (stage == LifecycleStage.PROSPECT) {
            return facts.purchases() == 1
                    ? FIRST_PURCHASE_DECISION
                    : LifecycleDecision.moveTo(LifecycleStage.NEW_CUSTOMER, List.of(firstPurchaseReason(facts)));
        }
        Limits g = limitsFor(facts.grade());
        LifecycleThresholds t = g.t;
        double p = facts.pAlive();
        boolean lostP = p < t.lostPAlive(); // false for NaN
        boolean lostDays = days >= t.lostAfterDays();
        boolean riskP = p < t.atRiskPAlive();
        boolean ownCycle = facts.purchases() >= 2;
        double allowedDays = t.cycleOverrunFactor()
                * (ownCycle ? Math.max(1.0, facts.meanInterPurchaseDays()) : t.expectedCycleDays());
        boolean riskCycle = days > allowedDays;
        boolean riskComplaints = facts.unresolvedComplaints() >= t.unresolvedComplaints();
        boolean riskOverdue = facts.overdueCases() >= t.overdueCases();
        boolean graded = facts.creditGradeIndex() >= 0 && facts.previousCreditGradeIndex() >= 0;
        int drop = graded ? facts.creditGradeIndex() - facts.previousCreditGradeIndex() : 0;
        boolean riskCredit = graded && drop >= t.creditGradeDrop();
        boolean lost = lostP || lostDays;
        boolean risk = riskP || riskCycle || riskComplaints || riskOverdue || riskCredit;
        boolean warning = lost || risk;
        boolean repeatWithinCycle = ownCycle && facts.meanInterPurchaseDays() <= t.expectedCycleDays();

        if (!warning) {
            if (stage == null) {
                LifecycleStage base = repeatWithinCycle ? LifecycleStage.ACTIVE : LifecycleStage.NEW_CUSTOMER;
                return LifecycleDecision.moveTo(base, withFirstSeen(null, List.of(), g, facts));
            }
            switch (stage) {
                case NEW_CUSTOMER:
                    return repeatWithinCycle
                            ? LifecycleDecision.moveTo(LifecycleStage.ACTIVE, List.of(repeatReason(g, facts)))
                            : LifecycleDecision.stay();
                case WON_BACK:
                    return purchased
                            ? LifecycleDecision.moveTo(LifecycleStage.ACTIVE, List.of(REPEAT_AFTER_WIN_BACK_REASON))
                            : LifecycleDecision.stay();
                case AT_RISK:
                    return LifecycleDecision.moveTo(LifecycleStage.ACTIVE, List.of(RECOVERED_REASON));
                default:
                    return LifecycleDecision.stay();
            }
        }

        List<LifecycleReason> reasons = new ArrayList<>(8);
        if (lostP) {
            reasons.add(new LifecycleReason(LOST_P_ALIVE, "pAlive", p, "<", t.lostPAlive(), g.lostBasis));
        }
        if (lostDays) {
            reasons.add(new LifecycleReason(
                    LOST_SILENCE, "daysSinceLastPurchase", days, ">=", t.lostAfterDays(), g.lostBasis));
        }
        if (riskP) {
            reasons.add(new LifecycleReason(AT_RISK_P_ALIVE, "pAlive", p, "<", t.atRiskPAlive(), g.atRiskBasis));
        }
        if (riskCycle) {
            reasons.add(new LifecycleReason(
                    CYCLE_OVERRUN,
                    "daysSinceLastPurchase",
                    days,
                    ">",
                    allowedDays,
                    ownCycle ? g.ownCycleBasis : g.expectedCycleBasis));
        }
        if (riskComplaints) {
            reasons.add(new LifecycleReason(
                    UNRESOLVED_COMPLAINTS,
                    "unresolvedComplaints",
                    facts.unresolvedComplaints(),
                    ">=",
                    t.unresolvedComplaints(),
                    g.atRiskBasis));
        }
        if (riskOverdue) {
            reasons.add(new LifecycleReason(
                    OVERDUE_CASES, "overdueCases", facts.overdueCases(), ">=", t.overdueCases(), g.atRiskBasis));
        }
        if (riskCredit) {
            reasons.add(new LifecycleReason(
                    CREDIT_GRADE_DROP, "creditGradeDrop", drop, ">=", t.creditGradeDrop(), g.creditBasis));
        }
        if (!purchased) {
            if (lost) {
                return LifecycleDecision.moveTo(LifecycleStage.LOST, withFirstSeen(stage, reasons, g, facts));
            }
            return stage == LifecycleStage.AT_RISK
                    ? LifecycleDecision.stay(reasons)
                    : LifecycleDecision.moveTo(LifecycleStage.AT_RISK, withFirstSeen(stage, reasons, g, facts));
        }
        // A purchase since the last evaluation: the warning signs are reported but move no one down.
        reasons.add(HOLDS_OFF_REASON);
        if (stage == null) {
            LifecycleStage base = repeatWithinCycle ? LifecycleStage.ACTIVE : LifecycleStage.NEW_CUSTOMER;
            List<LifecycleReason> first = withFirstSeen(null, List.of(), g, facts);
            first.addAll(reasons);
            return LifecycleDecision.moveTo(base, first);
        }
        switch (stage) {
            case NEW_CUSTOMER:
                if (repeatWithinCycle) {
                    reasons.add(0, repeatReason(g, facts));
                    return LifecycleDecision.moveTo(LifecycleStage.ACTIVE, reasons);
                }
                return LifecycleDecision.stay(reasons);
            case WON_BACK:
                reasons.add(0, REPEAT_AFTER_WIN_BACK_REASON);
                return LifecycleDecision.moveTo(LifecycleStage.ACTIVE, reasons);
            default: // ACTIVE stays active, AT_RISK stays at risk while a warning sign remains
                return LifecycleDecision.stay(reasons);
        }
    }

    /** For a first placement, appends the purchase rules that describe the customer; else returns the list. */
    private static List<LifecycleReason> withFirstSeen(
            LifecycleStage stage, List<LifecycleReason> reasons, Limits g, LifecycleFacts facts) {
        if (stage != null) {
            return reasons;
        }
        List<LifecycleReason> all = new ArrayList<>(reasons.size() + 2);
        all.addAll(reasons);
        all.add(firstPurchaseReason(facts));
        if (facts.purchases() >= 2 && facts.meanInterPurchaseDays() <= g.t.expectedCycleDays()) {
            all.add(repeatReason(g, facts));
        }
        return all;
    }

    /** "purchases N >= 1 (first purchase)" with the customer's own count (shared when it is 1). */
    private static LifecycleReason firstPurchaseReason(LifecycleFacts facts) {
        return facts.purchases() == 1
                ? FIRST_PURCHASE_REASON
                : new LifecycleReason(FIRST_PURCHASE, "purchases", facts.purchases(), ">=", 1, "first purchase");
    }

    private static LifecycleReason repeatReason(Limits g, LifecycleFacts facts) {
        return new LifecycleReason(
                REPEAT_PURCHASE,
                "meanInterPurchaseDays",
                facts.meanInterPurchaseDays(),
                "<=",
                g.t.expectedCycleDays(),
                g.expectedCycleName);
    }

    /** A grade's thresholds with the basis texts of its reasons, built once per policy. */
    private static final class Limits {
        final LifecycleThresholds t;
        final String atRiskBasis;
        final String lostBasis;
        final String ownCycleBasis;
        final String expectedCycleBasis;
        final String expectedCycleName;
        final String creditBasis;

        Limits(LifecycleThresholds t, String gradeName) {
            this.t = t;
            String factor = LifecycleReason.number(t.cycleOverrunFactor());
            this.atRiskBasis = "at-risk threshold for " + gradeName;
            this.lostBasis = "lost threshold for " + gradeName;
            this.ownCycleBasis = factor + " x own mean interval, at-risk threshold for " + gradeName;
            this.expectedCycleBasis = factor + " x expected cycle of " + t.expectedCycleDays()
                    + " days, at-risk threshold for " + gradeName;
            this.expectedCycleName = "expected cycle for " + gradeName;
            this.creditBasis = "grade steps worse than at the previous run, at-risk threshold for " + gradeName;
        }
    }

    /**
     * Builds a {@link DefaultLifecyclePolicy}. Each grade may be set once; a repeated setting throws {@link
     * IllegalStateException} at once. Not thread-safe.
     */
    public static final class Builder {
        private final Map<CustomerGrade, LifecycleThresholds> byGrade = new EnumMap<>(CustomerGrade.class);
        private LifecycleThresholds ungraded;

        private Builder() {}

        /**
         * Sets the thresholds of one grade.
         *
         * @param grade the grade
         * @param thresholds its thresholds
         * @return this builder
         * @throws IllegalStateException if the grade's thresholds were already set
         */
        public Builder thresholds(CustomerGrade grade, LifecycleThresholds thresholds) {
            Objects.requireNonNull(grade, "grade");
            Objects.requireNonNull(thresholds, "thresholds");
            LifecycleThresholds previous = byGrade.putIfAbsent(grade, thresholds);
            if (previous != null) {
                throw new IllegalStateException("thresholds for " + grade + " were already set to " + previous);
            }
            return this;
        }

        /**
         * Sets the thresholds for customers without an 80/20 grade; by default those of {@code ORDINARY}.
         *
         * @param thresholds the thresholds
         * @return this builder
         * @throws IllegalStateException if they were already set
         */
        public Builder ungraded(LifecycleThresholds thresholds) {
            Objects.requireNonNull(thresholds, "thresholds");
            if (ungraded != null) {
                throw new IllegalStateException("ungraded thresholds were already set to " + ungraded);
            }
            ungraded = thresholds;
            return this;
        }

        /** @return the policy */
        public DefaultLifecyclePolicy build() {
            CustomerGrade[] grades = CustomerGrade.values();
            Limits[] limits = new Limits[grades.length + 1];
            for (CustomerGrade grade : grades) {
                limits[grade.ordinal()] =
                        new Limits(byGrade.getOrDefault(grade, LifecycleThresholds.standard(grade)), grade.name());
            }
            LifecycleThresholds forUngraded = ungraded != null ? ungraded : limits[CustomerGrade.ORDINARY.ordinal()].t;
            limits[grades.length] = new Limits(forUngraded, "ungraded");
            return new DefaultLifecyclePolicy(limits);
        }
    }
}
