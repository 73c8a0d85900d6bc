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
 * @param customerId the customer
 * @param contractId the contract
 * @param kind sales or service
 * @param contractNumber its number
 */
public record ContractCreated(
        EventMetadata metadata, CustomerId customerId, ContractId contractId, ContractKind kind, String contractNumber)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer
     * @param contractId the contract
     * @param kind sales or service
     * @param contractNumber its number
     */
    public ContractCreated {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contractNumber, "contractNumber");
    }
}
