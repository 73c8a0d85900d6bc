package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * What is left of a customer merged into another: its id and its external id, pointing to the customer it was
 * merged into. {@link dev.guanxi.crm.customer.Customers#find} and {@link
 * dev.guanxi.crm.customer.Customers#findByExternalId} resolve a tombstone to that customer (following further
 * merges), and the external id stays taken.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the merged (losing) customer's id
 * @param mergedInto the customer it was merged into (the survivor)
 * @param externalId the loser's external id, or {@code null} if it had none or the survivor took it over
 * @param mergeId the merge that made the tombstone
 * @param mergedAt when the merge was made, by the CRM's clock, not null
 * @since 0.1.0
 */
@Beta
public record CustomerTombstone(
        CustomerId customerId, CustomerId mergedInto, String externalId, MergeId mergeId, Instant mergedAt) {
    /**
     * Rejects nulls (but in {@code externalId}) and a tombstone pointing to itself.
     *
     * @param customerId the merged (losing) customer's id
     * @param mergedInto the customer it was merged into (the survivor)
     * @param externalId the loser's external id, or {@code null} if it had none or the survivor took it over
     * @param mergeId the merge that made the tombstone
     * @param mergedAt when the merge was made, by the CRM's clock, not null
     * @throws IllegalArgumentException if {@code mergedInto} is {@code customerId}
     */
    public CustomerTombstone {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(mergedInto, "mergedInto");
        Objects.requireNonNull(mergeId, "mergeId");
        Objects.requireNonNull(mergedAt, "mergedAt");
        if (customerId.equals(mergedInto)) {
            throw new IllegalArgumentException("a customer cannot be merged into itself: " + customerId);
        }
    }
}
