package dev.guanxi.crm.sales;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import java.time.LocalDate;

/**
 * What a host supplies to create a contract with {@link Sales#createContract(NewContract)}. Holds no id,
 * status, version or timestamps: those are the CRM's. The contract starts as a {@link ContractStatus#DRAFT}.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder(CustomerId, ContractKind, String, String)}.
 *
 * @param customerId the customer the contract is with, required
 * @param kind sales or service
 * @param contractNumber the contract number, unique per tenant, 1 to 64 characters of one-line text
 * @param title what the contract is about, in any script, 1 to 500 characters
 * @param startDate the first day in force
 * @param endDate the last day in force, not before the start, at most 100 years ahead
 * @param value the contract value, zero or more
 * @param renewalDate when renewal is due (e.g. the notice date), or {@code null} if no date is set; not before
 *     the start date, at most 100 years ahead
 */
public record NewContract(
        CustomerId customerId,
        ContractKind kind,
        String contractNumber,
        String title,
        LocalDate startDate,
        LocalDate endDate,
        Money value,
        LocalDate renewalDate) {
    /**
     * Validates the components.
     *
     * @param customerId the customer the contract is with, required
     * @param kind sales or service
     * @param contractNumber the contract number, unique per tenant, 1 to 64 characters of one-line text
     * @param title what the contract is about, in any script, 1 to 500 characters
     * @param startDate the first day in force
     * @param endDate the last day in force, not before the start, at most 100 years ahead
     * @param value the contract value, zero or more
     * @param renewalDate when renewal is due (e.g. the notice date), or {@code null} if no date is set; not before the
     *     start date, at most 100 years ahead
     * @throws ValidationException naming the field and the rule
     */
    public NewContract {
        Check.required("customerId", customerId);
        Check.required("kind", kind);
        Check.text("contractNumber", contractNumber, SalesChecks.NUMBER_MAX);
        Check.text("title", title, Check.LINE_MAX);
        Check.required("startDate", startDate);
        Check.required("endDate", endDate);
        Check.order("endDate", startDate, endDate);
        Check.nonNegative("value", value);
        Check.order("renewalDate", startDate, renewalDate);
    }

    /**
     * Starts a draft.
     *
     * @param customerId the customer
     * @param kind sales or service
     * @param contractNumber the contract number, unique per tenant
     * @param title what the contract is about
     * @return a builder
     */
    public static Builder builder(CustomerId customerId, ContractKind kind, String contractNumber, String title) {
        return new Builder(customerId, kind, contractNumber, title);
    }

    /** Builds a {@link NewContract}. Not thread-safe. */
    public static final class Builder {
        private final CustomerId customerId;
        private final ContractKind kind;
        private final String contractNumber;
        private final String title;
        private LocalDate startDate;
        private LocalDate endDate;
        private Money value;
        private LocalDate renewalDate;

        private Builder(CustomerId customerId, ContractKind kind, String contractNumber, String title) {
            this.customerId = customerId;
            this.kind = kind;
            this.contractNumber = contractNumber;
            this.title = title;
        }

        /**
         * Sets the period in force.
         *
         * @param start the first day
         * @param end the last day
         * @return this builder
         */
        public Builder period(LocalDate start, LocalDate end) {
            this.startDate = start;
            this.endDate = end;
            return this;
        }

        /**
         * Sets the contract value.
         *
         * @param amount zero or more
         * @return this builder
         */
        public Builder value(Money amount) {
            this.value = amount;
            return this;
        }

        /**
         * Sets when renewal is due.
         *
         * @param date the date, or {@code null} for none
         * @return this builder
         */
        public Builder renewalDate(LocalDate date) {
            this.renewalDate = date;
            return this;
        }

        /**
         * @return the draft
         * @throws ValidationException if a value breaks a rule
         */
        public NewContract build() {
            return new NewContract(customerId, kind, contractNumber, title, startDate, endDate, value, renewalDate);
        }
    }
}
