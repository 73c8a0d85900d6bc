package dev.guanxi.crm.competitor;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import java.time.LocalDate;

/**
 * What a host supplies to record a competitor's dealing with one of our customers. Validated on
 * construction (see {@link CompetitorDealing} for the rules); that {@code observedOn} is not in the future
 * is checked by {@link Competitors#recordDealing}, against the CRM's clock. Immutable and thread-safe.
 *
 * @param competitorId the competitor dealing with our customer, required
 * @param customerId our customer the competitor deals with, required
 * @param kind what the dealing is
 * @param productName what they sell or offer, or {@code null}
 * @param estimatedAnnualValue our estimate of the business per year, or {@code null}
 * @param observedOn when we learnt of it
 * @param note free text, or {@code null}
 */
public record NewCompetitorDealing(
        CompetitorId competitorId,
        CustomerId customerId,
        DealingKind kind,
        String productName,
        Money estimatedAnnualValue,
        LocalDate observedOn,
        String note) {
    /**
     * Validates the components.
     *
     * @param competitorId the competitor dealing with our customer, required
     * @param customerId our customer the competitor deals with, required
     * @param kind what the dealing is
     * @param productName what they sell or offer, or {@code null}
     * @param estimatedAnnualValue our estimate of the business per year, or {@code null}
     * @param observedOn when we learnt of it
     * @param note free text, or {@code null}
     * @throws ValidationException naming the first field that breaks a rule
     */
    public NewCompetitorDealing {
        CompetitorDealing.validateDetails(
                competitorId, customerId, kind, productName, estimatedAnnualValue, observedOn, note);
    }

    /**
     * Starts a dealing.
     *
     * @param competitorId the competitor
     * @param customerId our customer
     * @param kind what the dealing is
     * @param observedOn when we learnt of it
     * @return a builder
     */
    public static Builder builder(
            CompetitorId competitorId, CustomerId customerId, DealingKind kind, LocalDate observedOn) {
        return new Builder(competitorId, customerId, kind, observedOn);
    }

    /** Builds a {@link NewCompetitorDealing}; validation happens in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private final CompetitorId competitorId;
        private final CustomerId customerId;
        private final DealingKind kind;
        private final LocalDate observedOn;
        private String productName;
        private Money estimatedAnnualValue;
        private String note;

        private Builder(CompetitorId competitorId, CustomerId customerId, DealingKind kind, LocalDate observedOn) {
            this.competitorId = competitorId;
            this.customerId = customerId;
            this.kind = kind;
            this.observedOn = observedOn;
        }

        /**
         * @param productName what they sell or offer to the customer
         * @return this builder
         */
        public Builder productName(String productName) {
            this.productName = productName;
            return this;
        }

        /**
         * @param value our estimate of the business per year, zero or more
         * @return this builder
         */
        public Builder estimatedAnnualValue(Money value) {
            this.estimatedAnnualValue = value;
            return this;
        }

        /**
         * Sets the estimated annual value from a decimal and a currency code, without rounding.
         *
         * @param amount a decimal such as {@code "120000.00"}
         * @param currencyCode an ISO 4217 code
         * @return this builder
         * @throws ValidationException on {@code estimatedAnnualValue.amount} or {@code
         *     estimatedAnnualValue.currency} if the money is invalid
         */
        public Builder estimatedAnnualValue(String amount, String currencyCode) {
            try {
                this.estimatedAnnualValue = Money.of(amount, currencyCode);
            } catch (ValidationException e) {
                throw e.under("estimatedAnnualValue");
            }
            return this;
        }

        /**
         * @param note free text
         * @return this builder
         */
        public Builder note(String note) {
            this.note = note;
            return this;
        }

        /**
         * @return the dealing
         * @throws ValidationException if a value breaks a rule
         */
        public NewCompetitorDealing build() {
            return new NewCompetitorDealing(
                    competitorId, customerId, kind, productName, estimatedAnnualValue, observedOn, note);
        }
    }
}
