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
 */
public record SlaContext(
        CustomerId customerId, CaseKind kind, Severity severity, Channel channel, Instant startsAt, int reopenCount) {
    /** Rejects nulls and a negative reopen count. */
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
}
