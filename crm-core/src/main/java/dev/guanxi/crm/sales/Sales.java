package dev.guanxi.crm.sales;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.money.CurrencyMismatchException;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The sales side of one tenant's CRM: purchases (orders), receivables (invoices) and payments, opportunities
 * on configurable pipelines, and contracts. Obtained from {@code crm.tenant(id).sales()}; thread-safe.
 *
 * <p>Every write validates its input before anything is stored: bad input is a {@link ValidationException}
 * naming the field and the rule, and then nothing was stored and no event published. Every write checks that
 * the customer exists in this tenant ({@link NoSuchCustomerException} otherwise) and that every id it refers
 * to (the invoice of a payment, the order of an invoice) belongs to the same customer in this tenant ({@link
 * ValidationException} with {@link ValidationRule#UNKNOWN_REFERENCE} otherwise). Changes name the version they
 * were based on and fail with {@link StaleVersionException} if it is no longer current. Status changes follow
 * the transition tables of {@link OrderStatus}, {@link InvoiceStatus}, {@link OpportunityStatus} and {@link
 * ContractStatus}; a transition the table does not allow is an {@link IllegalTransitionException}. Events
 * ({@code dev.guanxi.crm.event.SalesEvent}) are delivered to listeners after commit.
 *
 * <p>Another tenant's ids behave as if they did not exist ({@link NotFoundException}).
 */
@Beta
public interface Sales {

    // ---- orders (purchases) ----

    /**
     * Records a purchase: a placed order with its lines.
     *
     * @param order what was bought
     * @return the stored order, at version 1, status {@link OrderStatus#PLACED}
     * @throws ValidationException if the order date lies in the future ({@code orderDate}, {@link
     *     ValidationRule#FUTURE}); the order number is taken ({@link DuplicateKeyException}, {@code
     *     orderNumber})
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    Order recordPurchase(NewOrder order);

    /**
     * Cancels an order; it then no longer counts as a purchase.
     *
     * @param id the order
     * @param expectedVersion the version the cancellation is based on
     * @return the cancelled order, one version on
     * @throws NotFoundException if there is no such order in this tenant
     * @throws StaleVersionException if the order changed since {@code expectedVersion}
     * @throws IllegalTransitionException if it is already cancelled
     */
    Order cancelOrder(OrderId id, long expectedVersion);

    /**
     * Finds an order.
     *
     * @param id the id
     * @return the order, or empty if this tenant has none with that id
     */
    Optional<Order> findOrder(OrderId id);

    /**
     * Returns an order.
     *
     * @param id the id
     * @return the order
     * @throws NotFoundException if this tenant has none with that id
     */
    default Order getOrder(OrderId id) {
        return findOrder(id).orElseThrow(() -> new NotFoundException("Order", id));
    }

    /**
     * Finds an order by its number.
     *
     * @param orderNumber the order number
     * @return the order, or empty if this tenant has none with that number
     */
    Optional<Order> findOrderByNumber(String orderNumber);

    /**
     * Lists a customer's orders (placed and cancelled), newest first: by order date descending, then by the
     * instant recorded descending, then by id.
     *
     * @param customerId the customer
     * @param page which slice
     * @return the page
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    Page<Order> listOrders(CustomerId customerId, PageRequest page);

    /**
     * Streams every purchase (every order that is not cancelled) of this tenant to a visitor, in customer
     * order, then by date; see {@link PurchaseVisitor} for the exact order. No domain objects are built for
     * the caller: this is the input path of the customer-base analytics. O(n) in the tenant's orders.
     *
     * @param visitor receives each purchase; it must not call back into the CRM
     * @return how many purchases were visited
     */
    default long scanPurchases(PurchaseVisitor visitor) {
        return scanPurchases(PurchaseScan.all(), visitor);
    }

    /**
     * Streams the purchases of this tenant that a scan selects (e.g. a range of order dates) to a visitor, in
     * the order described by {@link PurchaseVisitor}.
     *
     * @param scan which purchases
     * @param visitor receives each purchase; it must not call back into the CRM
     * @return how many purchases were visited
     */
    long scanPurchases(PurchaseScan scan, PurchaseVisitor visitor);

    // ---- invoices (receivables) and payments ----

    /**
     * Issues an invoice: a receivable of the customer, {@link InvoiceStatus#OPEN} with nothing paid.
     *
     * @param invoice what is owed
     * @return the stored invoice, at version 1
     * @throws ValidationException if the issue date lies in the future ({@code issueDate}, {@link
     *     ValidationRule#FUTURE}); the due date lies more than 100 years ahead ({@code dueDate}, {@link
     *     ValidationRule#FUTURE}); the order does not exist or belongs to another customer ({@code orderId},
     *     {@link ValidationRule#UNKNOWN_REFERENCE}) or is cancelled ({@code orderId}, {@link
     *     ValidationRule#INVALID_STATE}); the invoice number is taken ({@link DuplicateKeyException}, {@code
     *     invoiceNumber})
     * @throws CurrencyMismatchException if the invoice is in another currency than its order
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    Invoice issueInvoice(NewInvoice invoice);

    /**
     * Records a payment. A payment against an invoice raises the invoice's paid amount and sets its status
     * ({@link InvoiceStatus#PARTIALLY_PAID} or {@link InvoiceStatus#PAID}) in the same transaction.
     *
     * @param payment what was received
     * @return the stored payment
     * @throws ValidationException if the receipt date lies in the future ({@code receivedOn}, {@link
     *     ValidationRule#FUTURE}); the invoice does not exist or belongs to another customer ({@code
     *     invoiceId}, {@link ValidationRule#UNKNOWN_REFERENCE}); the invoice is paid or written off ({@code
     *     invoiceId}, {@link ValidationRule#INVALID_STATE}); the amount is more than the invoice's outstanding
     *     amount ({@code amount}, {@link ValidationRule#OUT_OF_RANGE})
     * @throws CurrencyMismatchException if the payment is in another currency than its invoice
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     * @throws StaleVersionException if the invoice was changed by a concurrent payment (retry)
     */
    Payment recordPayment(NewPayment payment);

    /**
     * Writes off the unpaid rest of an invoice (bad debt). The date written off is today in UTC.
     *
     * @param id the invoice
     * @param expectedVersion the version the write-off is based on
     * @param reason why, required, one line of at most 500 characters
     * @return the written-off invoice, one version on
     * @throws ValidationException if the reason is missing or invalid ({@code reason})
     * @throws NotFoundException if there is no such invoice in this tenant
     * @throws StaleVersionException if the invoice changed since {@code expectedVersion}
     * @throws IllegalTransitionException if the invoice is paid or already written off
     */
    Invoice writeOff(InvoiceId id, long expectedVersion, String reason);

    /**
     * Finds an invoice.
     *
     * @param id the id
     * @return the invoice, or empty if this tenant has none with that id
     */
    Optional<Invoice> findInvoice(InvoiceId id);

    /**
     * Returns an invoice.
     *
     * @param id the id
     * @return the invoice
     * @throws NotFoundException if this tenant has none with that id
     */
    default Invoice getInvoice(InvoiceId id) {
        return findInvoice(id).orElseThrow(() -> new NotFoundException("Invoice", id));
    }

    /**
     * Finds an invoice by its number.
     *
     * @param invoiceNumber the invoice number
     * @return the invoice, or empty if this tenant has none with that number
     */
    Optional<Invoice> findInvoiceByNumber(String invoiceNumber);

    /**
     * Lists a customer's invoices of every status by due date (oldest first), then by id.
     *
     * @param customerId the customer
     * @param page which slice
     * @return the page
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    Page<Invoice> listInvoices(CustomerId customerId, PageRequest page);

    /**
     * Lists a customer's open invoices ({@link InvoiceStatus#OPEN} or {@link InvoiceStatus#PARTIALLY_PAID})
     * by due date (oldest first), then by id.
     *
     * @param customerId the customer
     * @param page which slice
     * @return the page
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    Page<Invoice> listOpenInvoices(CustomerId customerId, PageRequest page);

    /**
     * Lists the tenant's overdue invoices (open, due before {@code asOf}) by due date (oldest first), then by
     * id: the collection work list (催款).
     *
     * @param asOf the day to judge on
     * @param page which slice
     * @return the page
     */
    Page<Invoice> listOverdueInvoices(LocalDate asOf, PageRequest page);

    /**
     * Finds a payment.
     *
     * @param id the id
     * @return the payment, or empty if this tenant has none with that id
     */
    Optional<Payment> findPayment(PaymentId id);

    /**
     * Lists a customer's payments, newest first: by receipt date descending, then by the instant recorded
     * descending, then by id.
     *
     * @param customerId the customer
     * @param page which slice
     * @return the page
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    Page<Payment> listPayments(CustomerId customerId, PageRequest page);

    /**
     * Lists the payments made against an invoice, oldest first: by receipt date, then by the instant recorded,
     * then by id.
     *
     * @param invoiceId the invoice
     * @return the payments, possibly none
     * @throws NotFoundException if there is no such invoice in this tenant
     */
    List<Payment> listPayments(InvoiceId invoiceId);

    // ---- opportunities ----

    /**
     * Returns the pipelines this CRM was configured with.
     *
     * @return the pipelines, ordered by name ({@link String} order); never empty
     */
    List<Pipeline> pipelines();

    /**
     * Opens an opportunity on a pipeline, in the given stage (or the pipeline's first) with the given
     * probability (or the stage's default).
     *
     * @param opportunity the deal
     * @return the stored opportunity, at version 1, status {@link OpportunityStatus#OPEN}
     * @throws ValidationException if the pipeline is not configured ({@code pipeline}, {@link
     *     ValidationRule#UNKNOWN_CODE}; {@link ValidationRule#REQUIRED} if none is named and there is no
     *     default); the stage is not one of the pipeline's ({@code stage}, {@link ValidationRule#UNKNOWN_CODE});
     *     the expected close date lies more than 100 years ahead ({@code expectedCloseDate}, {@link
     *     ValidationRule#FUTURE})
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    Opportunity openOpportunity(NewOpportunity opportunity);

    /**
     * Moves an open opportunity to a stage of its pipeline; its probability becomes the stage's default.
     * Moving to the current stage changes nothing (and returns the opportunity unchanged).
     *
     * @param id the opportunity
     * @param expectedVersion the version the move is based on
     * @param stageCode the stage to enter
     * @return the moved opportunity, one version on
     * @throws ValidationException if the stage is not one of the pipeline's ({@code stage}, {@link
     *     ValidationRule#UNKNOWN_CODE}) or the opportunity is not open ({@code status}, {@link
     *     ValidationRule#INVALID_STATE})
     * @throws NotFoundException if there is no such opportunity in this tenant
     * @throws StaleVersionException if the opportunity changed since {@code expectedVersion}
     */
    Opportunity moveStage(OpportunityId id, long expectedVersion, String stageCode);

    /**
     * Marks an open opportunity won; its probability becomes 100.
     *
     * @param id the opportunity
     * @param expectedVersion the version the change is based on
     * @return the won opportunity, one version on
     * @throws NotFoundException if there is no such opportunity in this tenant
     * @throws StaleVersionException if the opportunity changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is open
     */
    Opportunity win(OpportunityId id, long expectedVersion);

    /**
     * Marks an open opportunity lost; its probability becomes 0.
     *
     * @param id the opportunity
     * @param expectedVersion the version the change is based on
     * @param reason why it was lost, required, one line of at most 500 characters
     * @return the lost opportunity, one version on
     * @throws ValidationException if the reason is missing or invalid ({@code reason})
     * @throws NotFoundException if there is no such opportunity in this tenant
     * @throws StaleVersionException if the opportunity changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is open
     */
    default Opportunity lose(OpportunityId id, long expectedVersion, String reason) {
        return lose(id, expectedVersion, reason, null);
    }

    /**
     * Marks an open opportunity lost, noting the competitor that won it; its probability becomes 0.
     *
     * @param id the opportunity
     * @param expectedVersion the version the change is based on
     * @param reason why it was lost, required, one line of at most 500 characters
     * @param competitorNote who won it instead (or another note on the competition), or {@code null}
     * @return the lost opportunity, one version on
     * @throws ValidationException if the reason or note is invalid ({@code reason}, {@code competitorNote})
     * @throws NotFoundException if there is no such opportunity in this tenant
     * @throws StaleVersionException if the opportunity changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is open
     */
    Opportunity lose(OpportunityId id, long expectedVersion, String reason, String competitorNote);

    /**
     * Reopens a lost opportunity in the stage it was lost in, with that stage's default probability.
     *
     * @param id the opportunity
     * @param expectedVersion the version the change is based on
     * @return the reopened opportunity, one version on
     * @throws ValidationException if its pipeline or stage is no longer configured ({@code pipeline} or
     *     {@code stage}, {@link ValidationRule#UNKNOWN_CODE})
     * @throws NotFoundException if there is no such opportunity in this tenant
     * @throws StaleVersionException if the opportunity changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is lost
     */
    Opportunity reopenOpportunity(OpportunityId id, long expectedVersion);

    /**
     * Finds an opportunity.
     *
     * @param id the id
     * @return the opportunity, or empty if this tenant has none with that id
     */
    Optional<Opportunity> findOpportunity(OpportunityId id);

    /**
     * Returns an opportunity.
     *
     * @param id the id
     * @return the opportunity
     * @throws NotFoundException if this tenant has none with that id
     */
    default Opportunity getOpportunity(OpportunityId id) {
        return findOpportunity(id).orElseThrow(() -> new NotFoundException("Opportunity", id));
    }

    /**
     * Lists a customer's opportunities of every status, newest first: by the instant opened descending, then
     * by id.
     *
     * @param customerId the customer
     * @param page which slice
     * @return the page
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    Page<Opportunity> listOpportunities(CustomerId customerId, PageRequest page);

    /**
     * Lists the tenant's open opportunities on every pipeline by expected close date (soonest first, those
     * without a date last), then by id: the sales forecast's input.
     *
     * @param page which slice
     * @return the page
     */
    Page<Opportunity> listOpenOpportunities(PageRequest page);

    /**
     * Lists the tenant's open opportunities on one pipeline, ordered as {@link #listOpenOpportunities(PageRequest)}.
     *
     * @param pipeline the pipeline's name
     * @param page which slice
     * @return the page
     * @throws ValidationException if the pipeline is not configured ({@code pipeline}, {@link
     *     ValidationRule#UNKNOWN_CODE})
     */
    Page<Opportunity> listOpenOpportunities(String pipeline, PageRequest page);

    // ---- contracts ----

    /**
     * Creates a contract as a {@link ContractStatus#DRAFT}.
     *
     * @param contract the terms
     * @return the stored contract, at version 1
     * @throws ValidationException if the start, end or renewal date lies more than 100 years ahead ({@link
     *     ValidationRule#FUTURE}); the contract number is taken ({@link DuplicateKeyException}, {@code
     *     contractNumber})
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    Contract createContract(NewContract contract);

    /**
     * Activates a draft contract.
     *
     * @param id the contract
     * @param expectedVersion the version the change is based on
     * @return the active contract, one version on
     * @throws NotFoundException if there is no such contract in this tenant
     * @throws StaleVersionException if the contract changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is a draft
     */
    Contract activateContract(ContractId id, long expectedVersion);

    /**
     * Terminates a draft or active contract early.
     *
     * @param id the contract
     * @param expectedVersion the version the change is based on
     * @param reason why, required, one line of at most 500 characters
     * @return the terminated contract, one version on
     * @throws ValidationException if the reason is missing or invalid ({@code reason})
     * @throws NotFoundException if there is no such contract in this tenant
     * @throws StaleVersionException if the contract changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is a draft or active
     */
    Contract terminateContract(ContractId id, long expectedVersion, String reason);

    /**
     * Marks an active contract whose period has ended (its end date lies before today, UTC) as expired.
     *
     * @param id the contract
     * @param expectedVersion the version the change is based on
     * @return the expired contract, one version on
     * @throws ValidationException if the period has not ended ({@code endDate}, {@link
     *     ValidationRule#INVALID_STATE})
     * @throws NotFoundException if there is no such contract in this tenant
     * @throws StaleVersionException if the contract changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is active
     */
    Contract expireContract(ContractId id, long expectedVersion);

    /**
     * Renews an active or expired contract: creates its successor ({@link ContractStatus#ACTIVE}, same
     * customer, kind and title, the renewal's number, period and value) and marks the contract {@link
     * ContractStatus#RENEWED}, linking the two, in one transaction.
     *
     * @param id the contract to renew
     * @param expectedVersion the version the renewal is based on
     * @param renewal the successor's terms
     * @return the successor, at version 1
     * @throws ValidationException if the successor starts before the contract ({@code startDate}, {@link
     *     ValidationRule#DATE_ORDER}); a date lies more than 100 years ahead ({@link ValidationRule#FUTURE});
     *     the number is taken ({@link DuplicateKeyException}, {@code contractNumber})
     * @throws NotFoundException if there is no such contract in this tenant
     * @throws StaleVersionException if the contract changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is active or expired
     */
    Contract renewContract(ContractId id, long expectedVersion, ContractRenewal renewal);

    /**
     * Finds a contract.
     *
     * @param id the id
     * @return the contract, or empty if this tenant has none with that id
     */
    Optional<Contract> findContract(ContractId id);

    /**
     * Returns a contract.
     *
     * @param id the id
     * @return the contract
     * @throws NotFoundException if this tenant has none with that id
     */
    default Contract getContract(ContractId id) {
        return findContract(id).orElseThrow(() -> new NotFoundException("Contract", id));
    }

    /**
     * Lists a customer's contracts of every status, newest first: by start date descending, then by id.
     *
     * @param customerId the customer
     * @param page which slice
     * @return the page
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    Page<Contract> listContracts(CustomerId customerId, PageRequest page);

    /**
     * Lists the tenant's active contracts whose {@link Contract#effectiveRenewalDate() renewal date} (the
     * renewal date, else the end date) is on or before a date, soonest first, then by id.
     *
     * @param dueBy the last renewal date to include
     * @param page which slice
     * @return the page
     */
    Page<Contract> listContractsDueForRenewal(LocalDate dueBy, PageRequest page);
}
