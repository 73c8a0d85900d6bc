package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;

/**
 * Events of the sales area: purchases, receivables and payments, opportunities and contracts. Every sales
 * event concerns one customer. Sealed, so a {@code switch} over sales events is checked for completeness.
 *
 * <p>Implemented only by the records it permits, each immutable and thread-safe.
 */
public sealed interface SalesEvent extends DomainEvent
        permits PurchaseRecorded,
                OrderCancelled,
                InvoiceIssued,
                PaymentReceived,
                InvoiceWrittenOff,
                OpportunityOpened,
                OpportunityStageChanged,
                OpportunityWon,
                OpportunityLost,
                OpportunityReopened,
                ContractCreated,
                ContractActivated,
                ContractTerminated,
                ContractExpired,
                ContractRenewed {
    /** @return the customer the event concerns */
    CustomerId customerId();
}
