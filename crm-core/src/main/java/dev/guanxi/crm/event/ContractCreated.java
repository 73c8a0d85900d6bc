package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.sales.ContractId;
import dev.guanxi.crm.sales.ContractKind;
import java.util.Objects;

/**
 * A contract was created as a draft.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer the contract is with, not null
 * @param contractId the new draft contract, not null
 * @param kind sales or service
 * @param contractNumber the contract's number, as the host gave it, not null
 */
public record ContractCreated(
        EventMetadata metadata, CustomerId customerId, ContractId contractId, ContractKind kind, String contractNumber)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer the contract is with, not null
     * @param contractId the new draft contract, not null
     * @param kind sales or service
     * @param contractNumber the contract's number, as the host gave it, not null
     */
    public ContractCreated {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contractNumber, "contractNumber");
    }
}
