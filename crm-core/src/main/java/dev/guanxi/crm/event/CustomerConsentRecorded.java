package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.Consent;
import dev.guanxi.crm.customer.CustomerId;
import java.util.Objects;

/**
 * A consent decision (opt-in or opt-out on a channel) was added to a customer's preferences. Published after
 * the {@link CustomerRegistered} or {@link CustomerUpdated} of the same write, once per decision added;
 * marketing systems outside the CRM update their suppression lists from these.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer whose preferences got the decision, not null
 * @param consent the decision added (channel, opt-in or opt-out, when and where it was recorded), not null
 */
public record CustomerConsentRecorded(EventMetadata metadata, CustomerId customerId, Consent consent)
        implements CustomerEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer whose preferences got the decision, not null
     * @param consent the decision added (channel, opt-in or opt-out, when and where it was recorded), not null
     */
    public CustomerConsentRecorded {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(consent, "consent");
    }
}
