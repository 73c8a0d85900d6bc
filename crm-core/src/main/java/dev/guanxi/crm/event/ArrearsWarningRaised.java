package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The arrears early warning flagged a customer whose risk of falling into arrears crossed the threshold,
 * typically before any invoice is overdue (a worsening days-to-pay trend, a credit limit nearly used).
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer flagged, not null
 * @param risk the arrears risk, 0 to 100
 * @param threshold the threshold it crossed, 0 to 100
 * @param reasons why, one line for a person (e.g. {@code "days to pay rising 6.5 days per invoice; 92% of the
 *     credit limit used"})
 * @param asOf the day of the assessment
 */
public record ArrearsWarningRaised(
        EventMetadata metadata, CustomerId customerId, int risk, int threshold, String reasons, LocalDate asOf)
        implements CustomerValueEvent {
    /**
     * Rejects nulls and values out of range.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer flagged, not null
     * @param risk the arrears risk, 0 to 100
     * @param threshold the threshold it crossed, 0 to 100
     * @param reasons why, one line for a person (e.g. {@code "days to pay rising 6.5 days per invoice; 92% of the
     *     credit limit used"})
     * @param asOf the day of the assessment
     */
    public ArrearsWarningRaised {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reasons, "reasons");
        Objects.requireNonNull(asOf, "asOf");
        if (risk < 0 || risk > 100 || threshold < 0 || threshold > 100) {
            throw new IllegalArgumentException("risk and threshold must be 0 to 100: " + risk + ", " + threshold);
        }
    }
}
