package dev.guanxi.crm.internal.sales;

import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.ContractActivated;
import dev.guanxi.crm.event.ContractCreated;
import dev.guanxi.crm.event.ContractExpired;
import dev.guanxi.crm.event.ContractRenewed;
import dev.guanxi.crm.event.ContractTerminated;
import dev.guanxi.crm.event.InvoiceIssued;
import dev.guanxi.crm.event.InvoiceWrittenOff;
import dev.guanxi.crm.event.OpportunityLost;
import dev.guanxi.crm.event.OpportunityOpened;
import dev.guanxi.crm.event.OpportunityReopened;
import dev.guanxi.crm.event.OpportunityStageChanged;
import dev.guanxi.crm.event.OpportunityWon;
import dev.guanxi.crm.event.OrderCancelled;
import dev.guanxi.crm.event.PaymentReceived;
import dev.guanxi.crm.event.PurchaseRecorded;
import dev.guanxi.crm.internal.Aggregates;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.CrmContext.WriteScope;
import dev.guanxi.crm.money.CurrencyMismatchException;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Contract;
import dev.guanxi.crm.sales.ContractId;
import dev.guanxi.crm.sales.ContractRenewal;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.InvoiceStatus;
import dev.guanxi.crm.sales.NewContract;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.NewOpportunity;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.NewPayment;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentId;
import dev.guanxi.crm.sales.Pipeline;
import dev.guanxi.crm.sales.PipelineStage;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.sales.PurchaseVisitor;
import dev.guanxi.crm.sales.Sales;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Default {@link Sales}: validates, checks references in the tenant, writes through the storage SPI in one
 * unit of work per call and publishes events after commit. Thread-safe (holds no mutable state).
 */
public final class DefaultSales implements Sales {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultSales(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }

    // ---- orders ----

    @Override
    public Order recordPurchase(NewOrder order) {
        Check.required("order", order);
        return context.write(tenant, scope -> {
            Check.notFuture("orderDate", order.orderDate(), scope.clock());
            Aggregates.requireCustomer(scope.uow(), order.customerId());
            Order placed = Order.place(OrderId.random(), order, scope.now());
            scope.uow().orders().insert(placed);
            scope.publish(new PurchaseRecorded(
                    scope.metadata(), placed.customerId(), placed.id(), placed.orderDate(), placed.total()));
            return placed;
        });
    }

    @Override
    public Order cancelOrder(OrderId id, long expectedVersion) {
        Check.required("id", id);
        return context.write(tenant, scope -> {
            Order current = Aggregates.current(scope.uow().orders(), "Order", id, expectedVersion);
            Order cancelled = current.cancel(scope.now());
            scope.uow().orders().update(expectedVersion, cancelled);
            scope.publish(new OrderCancelled(scope.metadata(), cancelled.customerId(), id, cancelled.total()));
            return cancelled;
        });
    }

    @Override
    public Optional<Order> findOrder(OrderId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.orders().find(id));
    }

    @Override
    public Optional<Order> findOrderByNumber(String orderNumber) {
        Check.required("orderNumber", orderNumber);
        return context.read(tenant, uow -> uow.orders().findByOrderNumber(orderNumber));
    }

    @Override
    public Page<Order> listOrders(CustomerId customerId, PageRequest page) {
        Check.required("page", page);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            return uow.orders().listByCustomer(customerId, page);
        });
    }

    @Override
    public long scanPurchases(PurchaseScan scan, PurchaseVisitor visitor) {
        Check.required("scan", scan);
        Check.required("visitor", visitor);
        return context.read(tenant, uow -> uow.orders().scanPurchases(scan, visitor));
    }

    // ---- invoices and payments ----

    @Override
    public Invoice issueInvoice(NewInvoice invoice) {
        Check.required("invoice", invoice);
        return context.write(tenant, scope -> {
            Check.notFuture("issueDate", invoice.issueDate(), scope.clock());
            Check.plannable("dueDate", invoice.dueDate(), scope.clock());
            Aggregates.requireCustomer(scope.uow(), invoice.customerId());
            if (invoice.orderId() != null) {
                Order order = scope.uow()
                        .orders()
                        .find(invoice.orderId())
                        .filter(o -> o.customerId().equals(invoice.customerId()))
                        .orElseThrow(() -> Check.fail(
                                "orderId",
                                ValidationRule.UNKNOWN_REFERENCE,
                                "the customer has no order " + invoice.orderId()));
                if (!order.isPlaced()) {
                    throw Check.fail("orderId", ValidationRule.INVALID_STATE, "the order is cancelled");
                }
                if (!order.currency().equals(invoice.amount().currency())) {
                    throw new CurrencyMismatchException(
                            order.currency(), invoice.amount().currency());
                }
            }
            Invoice issued = Invoice.issue(InvoiceId.random(), invoice, scope.now());
            scope.uow().invoices().insert(issued);
            scope.publish(new InvoiceIssued(
                    scope.metadata(),
                    issued.customerId(),
                    issued.id(),
                    issued.invoiceNumber(),
                    issued.amount(),
                    issued.dueDate()));
            return issued;
        });
    }

    @Override
    public Payment recordPayment(NewPayment payment) {
        Check.required("payment", payment);
        return context.write(tenant, scope -> {
            Check.notFuture("receivedOn", payment.receivedOn(), scope.clock());
            Aggregates.requireCustomer(scope.uow(), payment.customerId());
            InvoiceStatus invoiceStatus = null;
            if (payment.invoiceId() != null) {
                InvoiceId invoiceId = payment.invoiceId();
                Invoice invoice = scope.uow()
                        .invoices()
                        .find(invoiceId)
                        .filter(i -> i.customerId().equals(payment.customerId()))
                        .orElseThrow(() -> Check.fail(
                                "invoiceId",
                                ValidationRule.UNKNOWN_REFERENCE,
                                "the customer has no invoice " + invoiceId));
                Invoice updated = invoice.applyPayment(payment.amount(), payment.receivedOn(), scope.now());
                scope.uow().invoices().update(invoice.version(), updated);
                invoiceStatus = updated.status();
            }
            Payment received = Payment.receive(PaymentId.random(), payment, scope.now());
            scope.uow().payments().insert(received);
            scope.publish(new PaymentReceived(
                    scope.metadata(),
                    received.customerId(),
                    received.id(),
                    received.invoiceId(),
                    received.amount(),
                    received.receivedOn(),
                    invoiceStatus));
            return received;
        });
    }

    @Override
    public Invoice writeOff(InvoiceId id, long expectedVersion, String reason) {
        Check.required("id", id);
        Check.text("reason", reason, Check.LINE_MAX);
        return context.write(tenant, scope -> {
            Invoice current = Aggregates.current(scope.uow().invoices(), "Invoice", id, expectedVersion);
            Invoice writtenOff = current.writeOff(reason, today(scope), scope.now());
            scope.uow().invoices().update(expectedVersion, writtenOff);
            scope.publish(new InvoiceWrittenOff(
                    scope.metadata(), writtenOff.customerId(), id, writtenOff.writtenOffAmount(), reason));
            return writtenOff;
        });
    }

    @Override
    public Optional<Invoice> findInvoice(InvoiceId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.invoices().find(id));
    }

    @Override
    public Optional<Invoice> findInvoiceByNumber(String invoiceNumber) {
        Check.required("invoiceNumber", invoiceNumber);
        return context.read(tenant, uow -> uow.invoices().findByInvoiceNumber(invoiceNumber));
    }

    @Override
    public Page<Invoice> listInvoices(CustomerId customerId, PageRequest page) {
        Check.required("page", page);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            return uow.invoices().listByCustomer(customerId, page);
        });
    }

    @Override
    public Page<Invoice> listOpenInvoices(CustomerId customerId, PageRequest page) {
        Check.required("page", page);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            return uow.invoices().listOpenByCustomer(customerId, page);
        });
    }

    @Override
    public Page<Invoice> listOverdueInvoices(LocalDate asOf, PageRequest page) {
        Check.required("asOf", asOf);
        Check.required("page", page);
        return context.read(tenant, uow -> uow.invoices().listOverdue(asOf, page));
    }

    @Override
    public Optional<Payment> findPayment(PaymentId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.payments().find(id));
    }

    @Override
    public Page<Payment> listPayments(CustomerId customerId, PageRequest page) {
        Check.required("page", page);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            return uow.payments().listByCustomer(customerId, page);
        });
    }

    @Override
    public List<Payment> listPayments(InvoiceId invoiceId) {
        Check.required("invoiceId", invoiceId);
        return context.read(tenant, uow -> {
            if (uow.invoices().find(invoiceId).isEmpty()) {
                throw new NotFoundException("Invoice", invoiceId);
            }
            return uow.payments().listByInvoice(invoiceId);
        });
    }

    // ---- opportunities ----

    @Override
    public List<Pipeline> pipelines() {
        return context.pipelines().values().stream()
                .sorted(Comparator.comparing(Pipeline::name))
                .toList();
    }

    @Override
    public Opportunity openOpportunity(NewOpportunity opportunity) {
        Check.required("opportunity", opportunity);
        return context.write(tenant, scope -> {
            Pipeline pipeline = pipelineFor(opportunity.pipeline());
            Check.plannable("expectedCloseDate", opportunity.expectedCloseDate(), scope.clock());
            Opportunity opened = Opportunity.open(OpportunityId.random(), opportunity, pipeline, scope.now());
            Aggregates.requireCustomer(scope.uow(), opportunity.customerId());
            scope.uow().opportunities().insert(opened);
            scope.publish(new OpportunityOpened(
                    scope.metadata(),
                    opened.customerId(),
                    opened.id(),
                    opened.pipeline(),
                    opened.stage(),
                    opened.amount()));
            return opened;
        });
    }

    @Override
    public Opportunity moveStage(OpportunityId id, long expectedVersion, String stageCode) {
        Check.required("id", id);
        Check.required("stage", stageCode);
        return context.write(tenant, scope -> {
            Opportunity current = Aggregates.current(scope.uow().opportunities(), "Opportunity", id, expectedVersion);
            PipelineStage target = pipeline(current.pipeline()).requireStage("stage", stageCode);
            if (target.code().equals(current.stage()) && current.isOpen()) {
                return current;
            }
            Opportunity moved = current.moveTo(target, scope.now());
            scope.uow().opportunities().update(expectedVersion, moved);
            scope.publish(new OpportunityStageChanged(
                    scope.metadata(), moved.customerId(), id, current.stage(), moved.stage(), moved.probability()));
            return moved;
        });
    }

    @Override
    public Opportunity win(OpportunityId id, long expectedVersion) {
        Check.required("id", id);
        return context.write(tenant, scope -> {
            Opportunity current = Aggregates.current(scope.uow().opportunities(), "Opportunity", id, expectedVersion);
            Opportunity won = current.win(scope.now());
            scope.uow().opportunities().update(expectedVersion, won);
            scope.publish(new OpportunityWon(scope.metadata(), won.customerId(), id, won.amount()));
            return won;
        });
    }

    @Override
    public Opportunity lose(OpportunityId id, long expectedVersion, String reason, String competitorNote) {
        Check.required("id", id);
        Check.text("reason", reason, Check.LINE_MAX);
        Check.optionalText("competitorNote", competitorNote, Check.LINE_MAX);
        return context.write(tenant, scope -> {
            Opportunity current = Aggregates.current(scope.uow().opportunities(), "Opportunity", id, expectedVersion);
            Opportunity lost = current.lose(reason, competitorNote, scope.now());
            scope.uow().opportunities().update(expectedVersion, lost);
            scope.publish(new OpportunityLost(scope.metadata(), lost.customerId(), id, reason, lost.competitorNote()));
            return lost;
        });
    }

    @Override
    public Opportunity reopenOpportunity(OpportunityId id, long expectedVersion) {
        Check.required("id", id);
        return context.write(tenant, scope -> {
            Opportunity current = Aggregates.current(scope.uow().opportunities(), "Opportunity", id, expectedVersion);
            int probability = pipeline(current.pipeline())
                    .requireStage("stage", current.stage())
                    .defaultProbability();
            Opportunity reopened = current.reopen(probability, scope.now());
            scope.uow().opportunities().update(expectedVersion, reopened);
            scope.publish(new OpportunityReopened(scope.metadata(), reopened.customerId(), id, reopened.stage()));
            return reopened;
        });
    }

    @Override
    public Optional<Opportunity> findOpportunity(OpportunityId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.opportunities().find(id));
    }

    @Override
    public Page<Opportunity> listOpportunities(CustomerId customerId, PageRequest page) {
        Check.required("page", page);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            return uow.opportunities().listByCustomer(customerId, page);
        });
    }

    @Override
    public Page<Opportunity> listOpenOpportunities(PageRequest page) {
        Check.required("page", page);
        return context.read(tenant, uow -> uow.opportunities().listOpen(Optional.empty(), page));
    }

    @Override
    public Page<Opportunity> listOpenOpportunities(String pipeline, PageRequest page) {
        Check.required("page", page);
        String name = pipeline(pipeline).name();
        return context.read(tenant, uow -> uow.opportunities().listOpen(Optional.of(name), page));
    }

    // ---- contracts ----

    @Override
    public Contract createContract(NewContract contract) {
        Check.required("contract", contract);
        return context.write(tenant, scope -> {
            Check.plannable("startDate", contract.startDate(), scope.clock());
            Check.plannable("endDate", contract.endDate(), scope.clock());
            Check.plannable("renewalDate", contract.renewalDate(), scope.clock());
            Aggregates.requireCustomer(scope.uow(), contract.customerId());
            Contract created = Contract.draft(ContractId.random(), contract, scope.now());
            scope.uow().contracts().insert(created);
            scope.publish(new ContractCreated(
                    scope.metadata(), created.customerId(), created.id(), created.kind(), created.contractNumber()));
            return created;
        });
    }

    @Override
    public Contract activateContract(ContractId id, long expectedVersion) {
        Check.required("id", id);
        return context.write(tenant, scope -> {
            Contract current = Aggregates.current(scope.uow().contracts(), "Contract", id, expectedVersion);
            Contract active = current.activate(scope.now());
            scope.uow().contracts().update(expectedVersion, active);
            scope.publish(new ContractActivated(scope.metadata(), active.customerId(), id));
            return active;
        });
    }

    @Override
    public Contract terminateContract(ContractId id, long expectedVersion, String reason) {
        Check.required("id", id);
        Check.text("reason", reason, Check.LINE_MAX);
        return context.write(tenant, scope -> {
            Contract current = Aggregates.current(scope.uow().contracts(), "Contract", id, expectedVersion);
            Contract terminated = current.terminate(reason, scope.now());
            scope.uow().contracts().update(expectedVersion, terminated);
            scope.publish(new ContractTerminated(scope.metadata(), terminated.customerId(), id, reason));
            return terminated;
        });
    }

    @Override
    public Contract expireContract(ContractId id, long expectedVersion) {
        Check.required("id", id);
        return context.write(tenant, scope -> {
            Contract current = Aggregates.current(scope.uow().contracts(), "Contract", id, expectedVersion);
            Contract expired = current.expire(today(scope), scope.now());
            scope.uow().contracts().update(expectedVersion, expired);
            scope.publish(new ContractExpired(scope.metadata(), expired.customerId(), id));
            return expired;
        });
    }

    @Override
    public Contract renewContract(ContractId id, long expectedVersion, ContractRenewal renewal) {
        Check.required("id", id);
        Check.required("renewal", renewal);
        return context.write(tenant, scope -> {
            Check.plannable("startDate", renewal.startDate(), scope.clock());
            Check.plannable("endDate", renewal.endDate(), scope.clock());
            Check.plannable("renewalDate", renewal.renewalDate(), scope.clock());
            Contract current = Aggregates.current(scope.uow().contracts(), "Contract", id, expectedVersion);
            ContractId successorId = ContractId.random();
            Contract renewed = current.renewedBy(successorId, scope.now());
            Contract successor = Contract.successor(successorId, current, renewal, scope.now());
            scope.uow().contracts().update(expectedVersion, renewed);
            scope.uow().contracts().insert(successor);
            scope.publish(
                    new ContractRenewed(scope.metadata(), current.customerId(), id, successorId, successor.endDate()));
            return successor;
        });
    }

    @Override
    public Optional<Contract> findContract(ContractId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.contracts().find(id));
    }

    @Override
    public Page<Contract> listContracts(CustomerId customerId, PageRequest page) {
        Check.required("page", page);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            return uow.contracts().listByCustomer(customerId, page);
        });
    }

    @Override
    public Page<Contract> listContractsDueForRenewal(LocalDate dueBy, PageRequest page) {
        Check.required("dueBy", dueBy);
        Check.required("page", page);
        return context.read(tenant, uow -> uow.contracts().listDueForRenewal(dueBy, page));
    }

    // ---- shared ----

    /** A configured pipeline by name, or the default when none is named. */
    private Pipeline pipelineFor(String name) {
        if (name != null) {
            return pipeline(name);
        }
        Map<String, Pipeline> pipelines = context.pipelines();
        if (pipelines.size() == 1) {
            return pipelines.values().iterator().next();
        }
        Pipeline standard = pipelines.get(Pipeline.STANDARD);
        if (standard == null) {
            throw Check.fail(
                    "pipeline",
                    ValidationRule.REQUIRED,
                    "several pipelines are configured and none is named " + Pipeline.STANDARD + "; name one");
        }
        return standard;
    }

    private Pipeline pipeline(String name) {
        Check.required("pipeline", name);
        Pipeline pipeline = context.pipelines().get(name);
        if (pipeline == null) {
            throw Check.fail("pipeline", ValidationRule.UNKNOWN_CODE, "no pipeline '" + name + "' is configured");
        }
        return pipeline;
    }

    private static LocalDate today(WriteScope scope) {
        return LocalDate.ofInstant(scope.now(), ZoneOffset.UTC);
    }
}
