package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Objects;

/**
 * What {@link LoyaltyScoring} needs to know about one customer, computed by the host or the scoring run from
 * purchases, the purchase models, surveys and service cases. {@code NaN} marks an input that is not available where
 * the component says so.
 *
 * <p>Build one with {@link #builder()} (missing inputs default to "not available" or zero) or the canonical
 * constructor.
 *
 * <p>Immutable and thread-safe.
 *
 * @param frequency purchases per 365 days over the customer's tenure (e.g. the repeat frequency x of {@code
 *     dev.guanxi.crm.analytics.CustomerSummaries} divided by T in years), finite and at least 0
 * @param tenureDays days since the first purchase (or registration, as the host counts it), finite and at least 0
 * @param pAlive the probability that the customer is still active (e.g. {@code BgNbdModel.probabilityAlive}), 0 to
 *     1, or {@code NaN} when no purchase model is available
 * @param satisfactionMean the mean normalised satisfaction, 0 to 1 (e.g. {@link SatisfactionTrend#mean()}, or its
 *     {@link SatisfactionTrend#recencyWeightedMean recency-weighted mean}); set to {@code NaN} when {@code surveys}
 *     is 0, whatever was given
 * @param satisfactionSlope the satisfaction trend per 365 days (e.g. {@link SatisfactionTrend#slopePerYear()}),
 *     finite or {@code NaN}; set to {@code NaN} when {@code surveys} is below 2, whatever was given
 * @param surveys how many survey responses the satisfaction figures rest on, at least 0
 * @param complaints how many complaints (service cases of kind {@code COMPLAINT}) the customer raised, at least 0
 * @param complaintsResolved how many of those are resolved or closed, 0 to {@code complaints}
 * @param complaintsReopened how often those complaints were reopened in all (the sum of their reopen counts), at
 *     least 0, and 0 when there is no complaint
 * @param recentSpendShare the customer's spend in the last {@link LoyaltyScoring#recentWindowDays()} days divided
 *     by all their spend over the tenure (in one currency), 0 to 1, or {@code NaN} when they spent nothing
 */
@Beta
public record LoyaltyInputs(
        double frequency,
        double tenureDays,
        double pAlive,
        double satisfactionMean,
        double satisfactionSlope,
        int surveys,
        int complaints,
        int complaintsResolved,
        int complaintsReopened,
        double recentSpendShare) {
    /**
     * Validates the inputs; drops satisfaction figures the survey count does not support.
     *
     * @param frequency purchases per 365 days over the customer's tenure (e.g. the repeat frequency x of {@code
     *     dev.guanxi.crm.analytics.CustomerSummaries} divided by T in years), finite and at least 0
     * @param tenureDays days since the first purchase (or registration, as the host counts it), finite and at least 0
     * @param pAlive the probability that the customer is still active (e.g. {@code BgNbdModel.probabilityAlive}), 0 to
     *     1, or {@code NaN} when no purchase model is available
     * @param satisfactionMean the mean normalised satisfaction, 0 to 1 (e.g. {@link SatisfactionTrend#mean()}, or its
     *     {@link SatisfactionTrend#recencyWeightedMean recency-weighted mean}); set to {@code NaN} when {@code surveys}
     *     is 0, whatever was given
     * @param satisfactionSlope the satisfaction trend per 365 days (e.g. {@link SatisfactionTrend#slopePerYear()}),
     *     finite or {@code NaN}; set to {@code NaN} when {@code surveys} is below 2, whatever was given
     * @param surveys how many survey responses the satisfaction figures rest on, at least 0
     * @param complaints how many complaints (service cases of kind {@code COMPLAINT}) the customer raised, at least 0
     * @param complaintsResolved how many of those are resolved or closed, 0 to {@code complaints}
     * @param complaintsReopened how often those complaints were reopened in all (the sum of their reopen counts), at
     *     least 0, and 0 when there is no complaint
     * @param recentSpendShare the customer's spend in the last {@link LoyaltyScoring#recentWindowDays()} days divided
     *     by all their spend over the tenure (in one currency), 0 to 1, or {@code NaN} when they spent nothing
     * @throws ValidationException with rule {@code OUT_OF_RANGE} naming the first input outside its range
     */
    public LoyaltyInputs {
        check(
                frequency,
                tenureDays,
                pAlive,
                satisfactionMean,
                satisfactionSlope,
                surveys,
                complaints,
                complaintsResolved,
                complaintsReopened,
                recentSpendShare,
                -1);
        if (surveys == 0) {
            satisfactionMean = Double.NaN;
        }
        if (surveys < 2) {
            satisfactionSlope = Double.NaN;
        }
    }

    /**
     * Checks one customer's inputs; row is the batch row for the message, or −1. Allocation-free on the valid path.
     */
    static void check(
            double frequency,
            double tenureDays,
            double pAlive,
            double satisfactionMean,
            double satisfactionSlope,
            int surveys,
            int complaints,
            int complaintsResolved,
            int complaintsReopened,
            double recentSpendShare,
            int row) {
        if (!(frequency >= 0) || frequency == Double.POSITIVE_INFINITY) {
            throw fail("frequency", "must be finite and at least 0 but was " + frequency, row);
        }
        if (!(tenureDays >= 0) || tenureDays == Double.POSITIVE_INFINITY) {
            throw fail("tenureDays", "must be finite and at least 0 but was " + tenureDays, row);
        }
        if (!Double.isNaN(pAlive) && !(pAlive >= 0 && pAlive <= 1)) {
            throw fail("pAlive", "must be 0 to 1 or NaN but was " + pAlive, row);
        }
        if (surveys < 0) {
            throw fail("surveys", "must be at least 0 but was " + surveys, row);
        }
        if (surveys > 0 && !(satisfactionMean >= 0 && satisfactionMean <= 1)) {
            throw fail("satisfactionMean", "must be 0 to 1 when there are surveys but was " + satisfactionMean, row);
        }
        if (surveys > 1 && Double.isInfinite(satisfactionSlope)) {
            throw fail("satisfactionSlope", "must be finite or NaN but was " + satisfactionSlope, row);
        }
        if (complaints < 0) {
            throw fail("complaints", "must be at least 0 but was " + complaints, row);
        }
        if (complaintsResolved < 0 || complaintsResolved > complaints) {
            throw fail(
                    "complaintsResolved",
                    "must be 0 to complaints (" + complaints + ") but was " + complaintsResolved,
                    row);
        }
        if (complaintsReopened < 0 || (complaints == 0 && complaintsReopened > 0)) {
            throw fail(
                    "complaintsReopened",
                    "must be at least 0, and 0 without complaints, but was " + complaintsReopened,
                    row);
        }
        if (!Double.isNaN(recentSpendShare) && !(recentSpendShare >= 0 && recentSpendShare <= 1)) {
            throw fail("recentSpendShare", "must be 0 to 1 or NaN but was " + recentSpendShare, row);
        }
    }

    private static ValidationException fail(String field, String message, int row) {
        String where = row < 0 ? "" : " (row " + row + ")";
        return new ValidationException(field, ValidationRule.OUT_OF_RANGE, field + " " + message + where);
    }

    /**
     * Returns a builder whose inputs start as: no purchases (frequency and tenure 0), P(alive) not available, no
     * survey, no complaint, no spend.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link LoyaltyInputs} step by step. Not thread-safe; validation happens in {@link #build()}.
     */
    public static final class Builder {
        private double frequency;
        private double tenureDays;
        private double pAlive = Double.NaN;
        private double satisfactionMean = Double.NaN;
        private double satisfactionSlope = Double.NaN;
        private int surveys;
        private int complaints;
        private int complaintsResolved;
        private int complaintsReopened;
        private double recentSpendShare = Double.NaN;

        private Builder() {}

        /**
         * Sets the purchase frequency.
         *
         * @param purchasesPerYear purchases per 365 days
         * @return this builder
         */
        public Builder frequency(double purchasesPerYear) {
            this.frequency = purchasesPerYear;
            return this;
        }

        /**
         * Sets the tenure.
         *
         * @param days days as a customer
         * @return this builder
         */
        public Builder tenureDays(double days) {
            this.tenureDays = days;
            return this;
        }

        /**
         * Sets P(alive).
         *
         * @param probability 0 to 1, or {@code NaN} for not available
         * @return this builder
         */
        public Builder pAlive(double probability) {
            this.pAlive = probability;
            return this;
        }

        /**
         * Sets the satisfaction figures.
         *
         * @param mean the mean normalised satisfaction
         * @param slopePerYear the trend per 365 days, or {@code NaN}
         * @param surveys how many responses they rest on
         * @return this builder
         */
        public Builder satisfaction(double mean, double slopePerYear, int surveys) {
            this.satisfactionMean = mean;
            this.satisfactionSlope = slopePerYear;
            this.surveys = surveys;
            return this;
        }

        /**
         * Sets the satisfaction figures from a series: its mean, slope and count.
         *
         * @param trend the customer's series
         * @return this builder
         */
        public Builder satisfaction(SatisfactionTrend trend) {
            Objects.requireNonNull(trend, "trend");
            return satisfaction(trend.mean(), trend.slopePerYear(), trend.count());
        }

        /**
         * Sets the complaint figures.
         *
         * @param count how many complaints
         * @param resolved how many of them are resolved
         * @param reopened how often they were reopened in all
         * @return this builder
         */
        public Builder complaints(int count, int resolved, int reopened) {
            this.complaints = count;
            this.complaintsResolved = resolved;
            this.complaintsReopened = reopened;
            return this;
        }

        /**
         * Sets the share of spend in the recent window.
         *
         * @param share 0 to 1, or {@code NaN} when the customer spent nothing
         * @return this builder
         */
        public Builder recentSpendShare(double share) {
            this.recentSpendShare = share;
            return this;
        }

        /**
         * Builds the inputs.
         *
         * @return the inputs
         * @throws ValidationException if an input is outside its range (see {@link LoyaltyInputs})
         */
        public LoyaltyInputs build() {
            return new LoyaltyInputs(
                    frequency,
                    tenureDays,
                    pAlive,
                    satisfactionMean,
                    satisfactionSlope,
                    surveys,
                    complaints,
                    complaintsResolved,
                    complaintsReopened,
                    recentSpendShare);
        }
    }
}
