package dev.guanxi.crm.privacy;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * The record of one erasure: whose, when and why. Kept after the erasure; holds no personal data.
 *
 * @param customerId the erased customer
 * @param erasedAt when, from the CRM's clock
 * @param reason why (the request's reference)
 * @since 0.1.0
 */
@Beta
public record Erasure(CustomerId customerId, Instant erasedAt, String reason) {
    /** The longest reason. */
    public static final int REASON_MAX = 500;

    /**
     * Rejects nulls; instants are truncated to microseconds (what every store keeps).
     *
     * @param customerId the erased customer
     * @param erasedAt when, from the CRM's clock
     * @param reason why (the request's reference)
     */
    public Erasure {
        Objects.requireNonNull(customerId, "customerId");
        erasedAt = Objects.requireNonNull(erasedAt, "erasedAt").truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Objects.requireNonNull(reason, "reason");
    }
}
