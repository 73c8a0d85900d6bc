package dev.guanxi.crm.service;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;

/**
 * What a host supplies to record a customer's answer to a satisfaction survey with {@link
 * Service#recordSurvey}. Build one with {@link #builder}. Immutable and thread-safe.
 *
 * <p>The components are checked here; the checks that need the clock or the store (a {@code respondedAt} in
 * the future, whether the customer and the linked case exist) are made by {@link Service#recordSurvey}.
 *
 * @param customerId the customer who answered; required
 * @param csat the customer-satisfaction score, 1 (very dissatisfied) to 5 (very satisfied), or {@code null}
 * @param nps the net-promoter answer, 0 to 10, or {@code null}; at least one of {@code csat} and {@code nps}
 *     is required
 * @param comment the customer's comment (line breaks allowed), at most 20,000 characters, or {@code null}
 * @param caseId the service case the survey was about, or {@code null}; must be a case of the same customer
 * @param channel the channel the survey was answered on, or {@code null}
 * @param respondedAt when the customer answered, or {@code null} for "now" (the CRM's clock)
 */
public record NewSurveyResponse(
        CustomerId customerId,
        Integer csat,
        Integer nps,
        String comment,
        ServiceCaseId caseId,
        Channel channel,
        Instant respondedAt) {
    /**
     * Validates the components.
     *
     * @param customerId the customer who answered; required
     * @param csat the customer-satisfaction score, 1 (very dissatisfied) to 5 (very satisfied), or {@code null}
     * @param nps the net-promoter answer, 0 to 10, or {@code null}; at least one of {@code csat} and {@code nps} is
     *     required
     * @param comment the customer's comment (line breaks allowed), at most 20,000 characters, or {@code null}
     * @param caseId the service case the survey was about, or {@code null}; must be a case of the same customer
     * @param channel the channel the survey was answered on, or {@code null}
     * @param respondedAt when the customer answered, or {@code null} for "now" (the CRM's clock)
     * @throws dev.guanxi.crm.ValidationException naming the first field that breaks a rule ({@code csat}/{@code
     *     REQUIRED} when there is no score at all)
     */
    public NewSurveyResponse {
        Check.required("customerId", customerId);
        SurveyResponse.checkScores(csat, nps);
        Check.optionalMultiline("comment", comment, Check.TEXT_MAX);
    }

    /**
     * Starts a new survey response.
     *
     * @param customerId the customer who answered
     * @return a builder; nothing is validated until {@link Builder#build()}
     */
    public static Builder builder(CustomerId customerId) {
        return new Builder(customerId);
    }

    /** Builds a {@link NewSurveyResponse}. Not thread-safe. */
    public static final class Builder {
        private final CustomerId customerId;
        private Integer csat;
        private Integer nps;
        private String comment;
        private ServiceCaseId caseId;
        private Channel channel;
        private Instant respondedAt;

        private Builder(CustomerId customerId) {
            this.customerId = customerId;
        }

        /**
         * @param csat the customer-satisfaction score, 1 to 5, or {@code null}
         * @return this builder
         */
        public Builder csat(Integer csat) {
            this.csat = csat;
            return this;
        }

        /**
         * @param nps the net-promoter answer, 0 to 10, or {@code null}
         * @return this builder
         */
        public Builder nps(Integer nps) {
            this.nps = nps;
            return this;
        }

        /**
         * @param comment the customer's comment
         * @return this builder
         */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /**
         * @param caseId the service case the survey was about
         * @return this builder
         */
        public Builder serviceCase(ServiceCaseId caseId) {
            this.caseId = caseId;
            return this;
        }

        /**
         * @param channel the channel the survey was answered on
         * @return this builder
         */
        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        /**
         * @param respondedAt when the customer answered; default: the CRM's clock when it is recorded
         * @return this builder
         */
        public Builder respondedAt(Instant respondedAt) {
            this.respondedAt = respondedAt;
            return this;
        }

        /**
         * @return the command
         * @throws dev.guanxi.crm.ValidationException if a value breaks a rule
         */
        public NewSurveyResponse build() {
            return new NewSurveyResponse(customerId, csat, nps, comment, caseId, channel, respondedAt);
        }
    }
}
