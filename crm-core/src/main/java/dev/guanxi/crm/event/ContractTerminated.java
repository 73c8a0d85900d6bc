package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.sales.ContractId;
import java.util.Objects;

/**
 * A contract was terminated early (or a draft abandoned).
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer the contract is with, not null
 * @param contractId the terminated contract, not null
 * @param reason why it was terminated, as the user gave it, not null
 */
public record ContractTerminated(EventMetadata metadata, CustomerId customerId, ContractId contractId, String reason)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer the contract is with, not null
     * @param contractId the terminated contract, not null
     * @param reason why it was terminated, as the user gave it, not null
     */
    public ContractTerminated {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(reason, "reason");
    }
}
