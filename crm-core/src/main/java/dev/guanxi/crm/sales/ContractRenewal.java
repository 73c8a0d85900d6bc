package dev.guanxi.crm.sales;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import java.time.LocalDate;

/**
 * What a host supplies to renew a contract with {@link Sales#renewContract}: the successor contract's number,
 * period, value and renewal date. Customer, kind and title carry over from the renewed contract.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder(String, LocalDate, LocalDate)}.
 *
 * @param contractNumber the successor's contract number, unique per tenant
 * @param startDate the successor's first day in force, not before the renewed contract's start
 * @param endDate the successor's last day in force, not before its start, at most 100 years ahead
 * @param value the successor's value, zero or more, or {@code null} to keep the renewed contract's value
 * @param renewalDate when the successor's renewal is due, or {@code null} if no date is set; not before its
 *     start
 */
public record ContractRenewal(
        String contractNumber, LocalDate startDate, LocalDate endDate, Money value, LocalDate renewalDate) {
    /**
     * Validates the components.
     *
     * @param contractNumber the successor's contract number, unique per tenant
     * @param startDate the successor's first day in force, not before the renewed contract's start
     * @param endDate the successor's last day in force, not before its start, at most 100 years ahead
     * @param value the successor's value, zero or more, or {@code null} to keep the renewed contract's value
     * @param renewalDate when the successor's renewal is due, or {@code null} if no date is set; not before its start
     * @throws ValidationException naming the field and the rule
     */
    public ContractRenewal {
        Check.text("contractNumber", contractNumber, SalesChecks.NUMBER_MAX);
        Check.required("startDate", startDate);
        Check.required("endDate", endDate);
        Check.order("endDate", startDate, endDate);
        if (value != null) {
            Check.nonNegative("value", value);
        }
        Check.order("renewalDate", startDate, renewalDate);
    }

    /**
     * Starts a renewal.
     *
     * @param contractNumber the successor's contract number
     * @param start the successor's first day
     * @param end the successor's last day
     * @return a builder
     */
    public static Builder builder(String contractNumber, LocalDate start, LocalDate end) {
        return new Builder(contractNumber, start, end);
    }

    /** Builds a {@link ContractRenewal}. Not thread-safe. */
    public static final class Builder {
        private final String contractNumber;
        private final LocalDate startDate;
        private final LocalDate endDate;
        private Money value;
        private LocalDate renewalDate;

        private Builder(String contractNumber, LocalDate startDate, LocalDate endDate) {
            this.contractNumber = contractNumber;
            this.startDate = startDate;
            this.endDate = endDate;
        }

        /**
         * Sets the successor's value.
         *
         * @param amount zero or more, or {@code null} to keep the renewed contract's value
         * @return this builder
         */
        public Builder value(Money amount) {
            this.value = amount;
            return this;
        }

        /**
         * Sets when the successor's renewal is due.
         *
         * @param date the date, or {@code null} for none
         * @return this builder
         */
        public Builder renewalDate(LocalDate date) {
            this.renewalDate = date;
            return this;
        }

        /**
         * @return the renewal
         * @throws ValidationException if a value breaks a rule
         */
        public ContractRenewal build() {
            return new ContractRenewal(contractNumber, startDate, endDate, value, renewalDate);
        }
    }
}
