package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.sales.ContractId;
import java.util.Objects;

/**
 * A draft contract was activated.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer the contract is with, not null
 * @param contractId the activated contract, not null
 */
public record ContractActivated(EventMetadata metadata, CustomerId customerId, ContractId contractId)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer the contract is with, not null
     * @param contractId the activated contract, not null
     */
    public ContractActivated {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(contractId, "contractId");
    }
}
