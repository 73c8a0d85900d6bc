package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.sales.ContractId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A contract was renewed: its successor was created (active) and the contract marked renewed. No separate {@link ContractCreated} is published for the successor.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer the contract is with, not null
 * @param contractId the renewed contract
 * @param successorId the successor that now runs
 * @param successorEndDate the successor's last day in force
 */
public record ContractRenewed(
        EventMetadata metadata,
        CustomerId customerId,
        ContractId contractId,
        ContractId successorId,
        LocalDate successorEndDate)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer the contract is with, not null
     * @param contractId the renewed contract
     * @param successorId the successor that now runs
     * @param successorEndDate the successor's last day in force
     */
    public ContractRenewed {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(successorId, "successorId");
        Objects.requireNonNull(successorEndDate, "successorEndDate");
    }
}
