package dev.guanxi.crm.sales;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import java.time.LocalDate;

/**
 * What a host supplies to open an opportunity with {@link Sales#openOpportunity(NewOpportunity)}. Holds no
 * id, status, history, version or timestamps: those are the CRM's.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder(CustomerId, String, Money)}.
 *
 * @param customerId the prospective buyer
 * @param name what the deal is about, in any script, 1 to 200 characters
 * @param pipeline the pipeline's name, or {@code null} for the default (the only configured pipeline, else
 *     {@value Pipeline#STANDARD})
 * @param stage the stage to start in, or {@code null} for the pipeline's first stage
 * @param amount the expected deal value, zero or more
 * @param probability the win probability in percent, 0 to 100, or {@code null} for the stage's default
 * @param expectedCloseDate when the deal is expected to close, or {@code null} if unknown; at most 100 years
 *     ahead
 */
public record NewOpportunity(
        CustomerId customerId,
        String name,
        String pipeline,
        String stage,
        Money amount,
        Integer probability,
        LocalDate expectedCloseDate) {
    /**
     * Validates the components; whether the pipeline and stage exist is checked when the opportunity is opened.
     *
     * @param customerId the prospective buyer
     * @param name what the deal is about, in any script, 1 to 200 characters
     * @param pipeline the pipeline's name, or {@code null} for the default (the only configured pipeline, else {@value
     *     Pipeline#STANDARD})
     * @param stage the stage to start in, or {@code null} for the pipeline's first stage
     * @param amount the expected deal value, zero or more
     * @param probability the win probability in percent, 0 to 100, or {@code null} for the stage's default
     * @param expectedCloseDate when the deal is expected to close, or {@code null} if unknown; at most 100 years ahead
     * @throws ValidationException naming the field and the rule
     */
    public NewOpportunity {
        Check.required("customerId", customerId);
        Check.text("name", name, Check.NAME_MAX);
        if (pipeline != null) {
            Check.code("pipeline", pipeline);
        }
        if (stage != null) {
            Check.code("stage", stage);
        }
        Check.nonNegative("amount", amount);
        if (probability != null) {
            Check.range("probability", probability, 0, 100);
        }
    }

    /**
     * Starts a draft.
     *
     * @param customerId the prospective buyer
     * @param name what the deal is about
     * @param amount the expected deal value
     * @return a builder
     */
    public static Builder builder(CustomerId customerId, String name, Money amount) {
        return new Builder(customerId, name, amount);
    }

    /** Builds a {@link NewOpportunity}. Not thread-safe. */
    public static final class Builder {
        private final CustomerId customerId;
        private final String name;
        private final Money amount;
        private String pipeline;
        private String stage;
        private Integer probability;
        private LocalDate expectedCloseDate;

        private Builder(CustomerId customerId, String name, Money amount) {
            this.customerId = customerId;
            this.name = name;
            this.amount = amount;
        }

        /**
         * Chooses the pipeline.
         *
         * @param pipelineName the name of a configured pipeline, or {@code null} for the default
         * @return this builder
         */
        public Builder pipeline(String pipelineName) {
            this.pipeline = pipelineName;
            return this;
        }

        /**
         * Chooses the stage to start in.
         *
         * @param stageCode a stage code of the pipeline, or {@code null} for the first stage
         * @return this builder
         */
        public Builder stage(String stageCode) {
            this.stage = stageCode;
            return this;
        }

        /**
         * Overrides the stage's default probability.
         *
         * @param percent 0 to 100
         * @return this builder
         */
        public Builder probability(int percent) {
            this.probability = percent;
            return this;
        }

        /**
         * Sets when the deal is expected to close.
         *
         * @param date the date, or {@code null} if unknown
         * @return this builder
         */
        public Builder expectedCloseDate(LocalDate date) {
            this.expectedCloseDate = date;
            return this;
        }

        /**
         * @return the draft
         * @throws ValidationException if a value breaks a rule
         */
        public NewOpportunity build() {
            return new NewOpportunity(customerId, name, pipeline, stage, amount, probability, expectedCloseDate);
        }
    }
}
