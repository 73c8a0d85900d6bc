package dev.guanxi.crm.service;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;

/**
 * What a host supplies to open a service case with {@link Service#openCase}. Build one with {@link #builder}.
 * Immutable and thread-safe.
 *
 * <p>The components are checked here; the checks that need the clock or the store (an {@code openedAt} in the
 * future, whether the customer exists) are made by {@link Service#openCase}.
 *
 * @param customerId the customer; required
 * @param kind complaint, request or enquiry; required
 * @param severity how urgent; required
 * @param channel the channel the case came in on; required
 * @param subject a one-line subject, 1 to 500 characters, no control characters
 * @param description what the customer reported (line breaks allowed), at most 20,000 characters, or {@code
 *     null}
 * @param assignee who is to handle it, or {@code null} (then {@link Service#startWork} names someone)
 * @param openedAt when the case came in, or {@code null} for "now" (the CRM's clock); a case entered late may
 *     give the past instant it came in, and the SLA clock starts there
 */
public record NewServiceCase(
        CustomerId customerId,
        CaseKind kind,
        Severity severity,
        Channel channel,
        String subject,
        String description,
        StaffId assignee,
        Instant openedAt) {
    /**
     * Validates the components.
     *
     * @param customerId the customer; required
     * @param kind complaint, request or enquiry; required
     * @param severity how urgent; required
     * @param channel the channel the case came in on; required
     * @param subject a one-line subject, 1 to 500 characters, no control characters
     * @param description what the customer reported (line breaks allowed), at most 20,000 characters, or {@code null}
     * @param assignee who is to handle it, or {@code null} (then {@link Service#startWork} names someone)
     * @param openedAt when the case came in, or {@code null} for "now" (the CRM's clock); a case entered late may give
     *     the past instant it came in, and the SLA clock starts there
     * @throws dev.guanxi.crm.ValidationException naming the first field that breaks a rule
     */
    public NewServiceCase {
        Check.required("customerId", customerId);
        Check.required("kind", kind);
        Check.required("severity", severity);
        Check.required("channel", channel);
        Check.text("subject", subject, Check.LINE_MAX);
        Check.optionalMultiline("description", description, Check.TEXT_MAX);
    }

    /**
     * Starts a new case with its required values.
     *
     * @param customerId the customer
     * @param kind complaint, request or enquiry
     * @param severity how urgent
     * @param channel the channel it came in on
     * @param subject the subject
     * @return a builder; nothing is validated until {@link Builder#build()}
     */
    public static Builder builder(
            CustomerId customerId, CaseKind kind, Severity severity, Channel channel, String subject) {
        return new Builder(customerId, kind, severity, channel, subject);
    }

    /** Builds a {@link NewServiceCase}. Not thread-safe. */
    public static final class Builder {
        private final CustomerId customerId;
        private final CaseKind kind;
        private final Severity severity;
        private final Channel channel;
        private final String subject;
        private String description;
        private StaffId assignee;
        private Instant openedAt;

        private Builder(CustomerId customerId, CaseKind kind, Severity severity, Channel channel, String subject) {
            this.customerId = customerId;
            this.kind = kind;
            this.severity = severity;
            this.channel = channel;
            this.subject = subject;
        }

        /**
         * @param description what the customer reported
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param assignee who is to handle the case
         * @return this builder
         */
        public Builder assignee(StaffId assignee) {
            this.assignee = assignee;
            return this;
        }

        /**
         * @param openedAt when the case came in; default: the CRM's clock when it is opened
         * @return this builder
         */
        public Builder openedAt(Instant openedAt) {
            this.openedAt = openedAt;
            return this;
        }

        /**
         * @return the command
         * @throws dev.guanxi.crm.ValidationException if a value breaks a rule
         */
        public NewServiceCase build() {
            return new NewServiceCase(customerId, kind, severity, channel, subject, description, assignee, openedAt);
        }
    }
}
