package dev.guanxi.crm.service;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * What an {@link SlaPolicy} knows about the case whose due instant it decides. A context object rather than
 * parameters, so that information can be added later without breaking policies. Immutable and thread-safe.
 *
 * @param customerId the customer (a policy may look the customer's grade up in its own data)
 * @param kind complaint, request or enquiry
 * @param severity how urgent it is
 * @param channel the channel the case came in on
 * @param startsAt when the SLA clock starts: the case's opening instant, or the instant of its latest
 *     reopening
 * @param reopenCount how often the case has been reopened, the reopening being decided included (0 for a new
 *     case)
 * @param customerGrade the customer's 80/20 grade ({@code KEY}, {@code ORDINARY}, {@code SMALL}) from its latest
 *     score snapshot, or {@code null} if it was never graded
 */
public record SlaContext(
        CustomerId customerId,
        CaseKind kind,
        Severity severity,
        Channel channel,
        Instant startsAt,
        int reopenCount,
        String customerGrade) {
    /**
     * Rejects nulls and a negative reopen count.
     *
     * @param customerId the customer (a policy may look the customer's grade up in its own data)
     * @param kind complaint, request or enquiry
     * @param severity how urgent it is
     * @param channel the channel the case came in on
     * @param startsAt when the SLA clock starts: the case's opening instant, or the instant of its latest reopening
     * @param reopenCount how often the case has been reopened, the reopening being decided included (0 for a new case)
     * @param customerGrade the customer's 80/20 grade ({@code KEY}, {@code ORDINARY}, {@code SMALL}) from its latest
     *     score snapshot, or {@code null} if it was never graded
     */
    public SlaContext {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(startsAt, "startsAt");
        if (reopenCount < 0) {
            throw new IllegalArgumentException("reopenCount must not be negative, got " + reopenCount);
        }
    }

    /**
     * A context without a customer grade.
     *
     * @param customerId the customer
     * @param kind complaint, request or enquiry
     * @param severity how urgent it is
     * @param channel the channel the case came in on
     * @param startsAt when the SLA clock starts
     * @param reopenCount how often the case has been reopened
     */
    public SlaContext(
            CustomerId customerId,
            CaseKind kind,
            Severity severity,
            Channel channel,
            Instant startsAt,
            int reopenCount) {
        this(customerId, kind, severity, channel, startsAt, reopenCount, null);
    }

    /** @return the customer's 80/20 grade, if it was graded */
    public java.util.Optional<String> grade() {
        return java.util.Optional.ofNullable(customerGrade);
    }
}
