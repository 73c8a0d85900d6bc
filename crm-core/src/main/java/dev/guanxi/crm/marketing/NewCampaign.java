package dev.guanxi.crm.marketing;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.money.Money;
import java.time.LocalDate;

/**
 * What a host supplies to plan a campaign. Holds no id, status, version or timestamps: those are the CRM's.
 * Validated on construction (see {@link Campaign} for the rules); that the dates lie no more than 100 years
 * ahead is checked by {@link Marketing#planCampaign}, against the CRM's clock. Immutable and thread-safe.
 *
 * @param code the campaign code, unique per tenant, 1 to 64 characters of {@code [A-Za-z0-9_.-]}
 * @param name the name, 1 to 200 characters
 * @param description free text, or {@code null}
 * @param channel the channel it runs on
 * @param startDate the first day
 * @param endDate the last day, not before {@code startDate}
 * @param targetSegment a segment code or description, or {@code null}
 * @param targetListSize the size of the target list, or {@code null}
 * @param budget the budget, zero or more
 */
public record NewCampaign(
        String code,
        String name,
        String description,
        Channel channel,
        LocalDate startDate,
        LocalDate endDate,
        String targetSegment,
        Integer targetListSize,
        Money budget) {
    /**
     * Validates the components with the rules of {@link Campaign}.
     *
     * @param code the campaign code, unique per tenant, 1 to 64 characters of {@code [A-Za-z0-9_.-]}
     * @param name the name, 1 to 200 characters
     * @param description free text, or {@code null}
     * @param channel the channel it runs on
     * @param startDate the first day
     * @param endDate the last day, not before {@code startDate}
     * @param targetSegment a segment code or description, or {@code null}
     * @param targetListSize the size of the target list, or {@code null}
     * @param budget the budget, zero or more
     * @throws ValidationException naming the first field that breaks a rule
     */
    public NewCampaign {
        Campaign.validateDefinition(
                code, name, description, channel, startDate, endDate, targetSegment, targetListSize, budget);
    }

    /**
     * Starts a draft.
     *
     * @param code the campaign code, unique per tenant
     * @param name the name
     * @return a builder; channel, period and budget must be set before {@link Builder#build()}
     */
    public static Builder builder(String code, String name) {
        return new Builder(code, name);
    }

    /** Builds a {@link NewCampaign}; validation happens in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private final String code;
        private final String name;
        private String description;
        private Channel channel;
        private LocalDate startDate;
        private LocalDate endDate;
        private String targetSegment;
        private Integer targetListSize;
        private Money budget;

        private Builder(String code, String name) {
            this.code = code;
            this.name = name;
        }

        /**
         * @param description free text, or {@code null}
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param channel the channel the campaign runs on
         * @return this builder
         */
        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        /**
         * @param startDate the first day
         * @param endDate the last day, not before {@code startDate}
         * @return this builder
         */
        public Builder period(LocalDate startDate, LocalDate endDate) {
            this.startDate = startDate;
            this.endDate = endDate;
            return this;
        }

        /**
         * @param segment a segment code such as {@code RFM:AT_RISK} or a description, or {@code null}
         * @return this builder
         */
        public Builder targetSegment(String segment) {
            this.targetSegment = segment;
            return this;
        }

        /**
         * @param segment a segment code or description
         * @param listSize how many customers are on the target list
         * @return this builder
         */
        public Builder targetSegment(String segment, int listSize) {
            this.targetSegment = segment;
            this.targetListSize = listSize;
            return this;
        }

        /**
         * @param budget the budget, zero or more
         * @return this builder
         */
        public Builder budget(Money budget) {
            this.budget = budget;
            return this;
        }

        /**
         * Sets the budget from a decimal and a currency code, without rounding.
         *
         * @param amount a decimal such as {@code "5000.00"}
         * @param currencyCode an ISO 4217 code
         * @return this builder
         * @throws ValidationException on field {@code budget.amount} or {@code budget.currency} if the money is
         *     invalid (e.g. rule {@code SCALE} for {@code USD 1.005})
         */
        public Builder budget(String amount, String currencyCode) {
            try {
                this.budget = Money.of(amount, currencyCode);
            } catch (ValidationException e) {
                throw e.under("budget");
            }
            return this;
        }

        /**
         * @return the draft
         * @throws ValidationException if a value breaks a rule
         */
        public NewCampaign build() {
            return new NewCampaign(
                    code, name, description, channel, startDate, endDate, targetSegment, targetListSize, budget);
        }
    }
}
