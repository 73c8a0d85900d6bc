package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.CustomerGrade;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a {@link LifecyclePolicy} knows about one customer at an evaluation: the current state and the numbers
 * the scoring run computed. Build one with {@link #builder(CustomerId)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer evaluated, required
 * @param state the current stage, since when, and a prospect's funnel position; {@code null} if the customer
 *     was never evaluated
 * @param purchases the number of purchases so far, zero or more
 * @param firstPurchaseDay the day of the first purchase; {@code null} exactly when there is none
 * @param lastPurchaseDay the day of the latest purchase; {@code null} exactly when there is none
 * @param meanInterPurchaseDays the customer's own mean number of days between consecutive purchases: finite
 *     and zero or more with two or more purchases, {@code NaN} with fewer
 * @param pAlive the probability that the customer is still active from the fitted purchase model, in [0, 1],
 *     or {@code NaN} if no model was fitted
 * @param unresolvedComplaints the number of the customer's open complaints, zero or more
 * @param overdueCases the number of the customer's service cases past their SLA due instant, zero or more
 * @param creditGradeIndex the customer's credit grade index now (0 is the best grade, higher is worse), or -1
 *     if not graded
 * @param previousCreditGradeIndex the credit grade index at the previous run, or -1 if not graded then
 * @param grade the customer's 80/20 grade, or {@code null} if not graded (then the ordinary thresholds apply
 *     in the default policy)
 * @param purchasedSinceLastEvaluation whether a purchase happened since the last evaluation (or, for a first
 *     evaluation, whether the first evaluation is triggered by a purchase)
 */
@Beta
public record LifecycleFacts(
        CustomerId customerId,
        LifecycleState state,
        int purchases,
        LocalDate firstPurchaseDay,
        LocalDate lastPurchaseDay,
        double meanInterPurchaseDays,
        double pAlive,
        int unresolvedComplaints,
        int overdueCases,
        int creditGradeIndex,
        int previousCreditGradeIndex,
        CustomerGrade grade,
        boolean purchasedSinceLastEvaluation) {
    /**
     * Validates the facts.
     *
     * @param customerId the customer evaluated, required
     * @param state the current stage, since when, and a prospect's funnel position; {@code null} if the customer was
     *     never evaluated
     * @param purchases the number of purchases so far, zero or more
     * @param firstPurchaseDay the day of the first purchase; {@code null} exactly when there is none
     * @param lastPurchaseDay the day of the latest purchase; {@code null} exactly when there is none
     * @param meanInterPurchaseDays the customer's own mean number of days between consecutive purchases: finite and
     *     zero or more with two or more purchases, {@code NaN} with fewer
     * @param pAlive the probability that the customer is still active from the fitted purchase model, in [0, 1], or
     *     {@code NaN} if no model was fitted
     * @param unresolvedComplaints the number of the customer's open complaints, zero or more
     * @param overdueCases the number of the customer's service cases past their SLA due instant, zero or more
     * @param creditGradeIndex the customer's credit grade index now (0 is the best grade, higher is worse), or -1 if
     *     not graded
     * @param previousCreditGradeIndex the credit grade index at the previous run, or -1 if not graded then
     * @param grade the customer's 80/20 grade, or {@code null} if not graded (then the ordinary thresholds apply in the
     *     default policy)
     * @param purchasedSinceLastEvaluation whether a purchase happened since the last evaluation (or, for a first
     *     evaluation, whether the first evaluation is triggered by a purchase)
     * @throws ValidationException naming the first offending field: {@code customerId} (REQUIRED), {@code
     *     purchases}, {@code pAlive}, {@code unresolvedComplaints}, {@code overdueCases}, {@code
     *     creditGradeIndex}, {@code previousCreditGradeIndex}, {@code meanInterPurchaseDays} (OUT_OF_RANGE),
     *     {@code firstPurchaseDay}, {@code lastPurchaseDay} (REQUIRED with purchases, INVALID_STATE without),
     *     {@code lastPurchaseDay} (DATE_ORDER before the first), {@code purchasedSinceLastEvaluation}
     *     (INVALID_STATE without purchases)
     */
    public LifecycleFacts {
        Check.required("customerId", customerId);
        atLeast("purchases", purchases, 0);
        atLeast("unresolvedComplaints", unresolvedComplaints, 0);
        atLeast("overdueCases", overdueCases, 0);
        atLeast("creditGradeIndex", creditGradeIndex, -1);
        atLeast("previousCreditGradeIndex", previousCreditGradeIndex, -1);
        if (!Double.isNaN(pAlive) && !(pAlive >= 0 && pAlive <= 1)) {
            throw new ValidationException(
                    "pAlive", ValidationRule.OUT_OF_RANGE, "pAlive must be in [0, 1] or NaN, got " + pAlive);
        }
        if (purchases == 0) {
            absent("firstPurchaseDay", firstPurchaseDay);
            absent("lastPurchaseDay", lastPurchaseDay);
            if (purchasedSinceLastEvaluation) {
                throw new ValidationException(
                        "purchasedSinceLastEvaluation",
                        ValidationRule.INVALID_STATE,
                        "a purchase since the last evaluation needs at least one purchase");
            }
        } else {
            Check.required("firstPurchaseDay", firstPurchaseDay);
            Check.required("lastPurchaseDay", lastPurchaseDay);
            if (lastPurchaseDay.isBefore(firstPurchaseDay)) {
                throw new ValidationException(
                        "lastPurchaseDay",
                        ValidationRule.DATE_ORDER,
                        "last purchase " + lastPurchaseDay + " is before the first " + firstPurchaseDay);
            }
        }
        boolean meanExpected = purchases >= 2;
        boolean meanValid = meanExpected
                ? Double.isFinite(meanInterPurchaseDays) && meanInterPurchaseDays >= 0
                : Double.isNaN(meanInterPurchaseDays);
        if (!meanValid) {
            throw new ValidationException(
                    "meanInterPurchaseDays",
                    ValidationRule.OUT_OF_RANGE,
                    meanExpected
                            ? "the mean interval must be finite and >= 0 with " + purchases + " purchases, got "
                                    + meanInterPurchaseDays
                            : "the mean interval must be NaN with fewer than two purchases, got "
                                    + meanInterPurchaseDays);
        }
    }

    private static void atLeast(String field, int value, int min) {
        if (value < min) {
            throw new ValidationException(
                    field, ValidationRule.OUT_OF_RANGE, field + " must be >= " + min + ", got " + value);
        }
    }

    private static void absent(String field, LocalDate value) {
        if (value != null) {
            throw new ValidationException(
                    field, ValidationRule.INVALID_STATE, field + " must be null without purchases");
        }
    }

    /**
     * @return the current stage, or {@code null} if the customer was never evaluated
     */
    public LifecycleStage currentStage() {
        return state == null ? null : state.stage();
    }

    /**
     * Returns a builder for a customer: no state, no purchases, no complaints, no credit grade, no P(alive),
     * no 80/20 grade.
     *
     * @param customerId the customer
     * @return a new builder
     */
    public static Builder builder(CustomerId customerId) {
        return new Builder(Objects.requireNonNull(customerId, "customerId"));
    }

    /**
     * Builds {@link LifecycleFacts}. Not thread-safe; use one builder per thread. {@link #purchases(int,
     * LocalDate, LocalDate)} derives the mean interval as (last − first) / (purchases − 1), the mean of the
     * consecutive gaps; {@link #meanInterPurchaseDays(double)} overrides it.
     */
    public static final class Builder {
        private final CustomerId customerId;
        private LifecycleState state;
        private int purchases;
        private LocalDate firstPurchaseDay;
        private LocalDate lastPurchaseDay;
        private double meanInterPurchaseDays = Double.NaN;
        private double pAlive = Double.NaN;
        private int unresolvedComplaints;
        private int overdueCases;
        private int creditGradeIndex = -1;
        private int previousCreditGradeIndex = -1;
        private CustomerGrade grade;
        private boolean purchasedSinceLastEvaluation;

        private Builder(CustomerId customerId) {
            this.customerId = customerId;
        }

        /**
         * @param value the current state, or {@code null} for a customer never evaluated
         * @return this builder
         */
        public Builder state(LifecycleState value) {
            this.state = value;
            return this;
        }

        /**
         * Sets the purchases and derives the mean interval from them.
         *
         * @param count the number of purchases
         * @param first the day of the first purchase ({@code null} with none)
         * @param last the day of the latest purchase ({@code null} with none)
         * @return this builder
         */
        public Builder purchases(int count, LocalDate first, LocalDate last) {
            this.purchases = count;
            this.firstPurchaseDay = first;
            this.lastPurchaseDay = last;
            this.meanInterPurchaseDays = count >= 2 && first != null && last != null
                    ? (double) (last.toEpochDay() - first.toEpochDay()) / (count - 1)
                    : Double.NaN;
            return this;
        }

        /**
         * @param value the mean interval between purchases in days, overriding the derived one
         * @return this builder
         */
        public Builder meanInterPurchaseDays(double value) {
            this.meanInterPurchaseDays = value;
            return this;
        }

        /**
         * @param value P(alive) in [0, 1], or {@code NaN}
         * @return this builder
         */
        public Builder pAlive(double value) {
            this.pAlive = value;
            return this;
        }

        /**
         * @param value the number of open complaints
         * @return this builder
         */
        public Builder unresolvedComplaints(int value) {
            this.unresolvedComplaints = value;
            return this;
        }

        /**
         * @param value the number of cases past their SLA due instant
         * @return this builder
         */
        public Builder overdueCases(int value) {
            this.overdueCases = value;
            return this;
        }

        /**
         * @param now the credit grade index now, or -1
         * @param previous the credit grade index at the previous run, or -1
         * @return this builder
         */
        public Builder creditGrades(int now, int previous) {
            this.creditGradeIndex = now;
            this.previousCreditGradeIndex = previous;
            return this;
        }

        /**
         * @param value the 80/20 grade, or {@code null}
         * @return this builder
         */
        public Builder grade(CustomerGrade value) {
            this.grade = value;
            return this;
        }

        /**
         * @param value whether a purchase happened since the last evaluation
         * @return this builder
         */
        public Builder purchasedSinceLastEvaluation(boolean value) {
            this.purchasedSinceLastEvaluation = value;
            return this;
        }

        /**
         * @return the facts
         * @throws ValidationException as the record's constructor does
         */
        public LifecycleFacts build() {
            return new LifecycleFacts(
                    customerId,
                    state,
                    purchases,
                    firstPurchaseDay,
                    lastPurchaseDay,
                    meanInterPurchaseDays,
                    pAlive,
                    unresolvedComplaints,
                    overdueCases,
                    creditGradeIndex,
                    previousCreditGradeIndex,
                    grade,
                    purchasedSinceLastEvaluation);
        }
    }
}
