package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.event.PaymentReceived;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceStatus;
import dev.guanxi.crm.sales.NewPayment;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentId;
import dev.guanxi.crm.spi.storage.ImportKey;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportedPayment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Payment rows: an external id imported before with the same values is unchanged, with other values a row error;
 * a new one is received (in bulk) with the checks, invoice update and event of {@code Sales.recordPayment}.
 */
final class PaymentWriter implements BatchWriter {
    private final boolean csv;

    PaymentWriter(boolean csv) {
        this.csv = csv;
    }

    @Override
    public void write(CrmContext.WriteScope scope, List<ImportRow> rows, BatchOutcome out) {
        List<Payment> inserts = new ArrayList<>();
        List<ImportKey> keys = new ArrayList<>();
        Map<String, ImportKey> known =
                scope.uow().importJournal().findKeys(ImportKind.PAYMENTS, RowKeys.externalIds(rows));
        Map<String, Customer> customers = scope.uow().customers().findByExternalIds(RowKeys.customerExternalIds(rows));
        for (ImportRow row : rows) {
            if (row.bad()) {
                out.fail(row);
                continue;
            }
            ImportedPayment p = (ImportedPayment) row.content();
            Optional<Customer> customer = Optional.ofNullable(customers.get(p.customerExternalId()));
            if (customer.isEmpty()) {
                out.fail(
                        row,
                        csv ? "customer_external_id" : "customerExternalId",
                        ValidationRule.UNKNOWN_REFERENCE,
                        "this tenant has no customer with external id '" + p.customerExternalId() + "'");
                continue;
            }
            String fingerprint = Fingerprints.sha256Hex(p.toString());
            Optional<ImportKey> key = Optional.ofNullable(known.get(p.externalId()));
            if (key.isPresent()) {
                if (key.get().fingerprint().equals(fingerprint)) {
                    out.unchanged++;
                } else {
                    out.fail(
                            row,
                            row.idField(),
                            ValidationRule.INVALID_STATE,
                            "payment " + p.externalId() + " was imported with other values; an import never changes"
                                    + " a payment");
                }
                continue;
            }
            try {
                Check.notFuture("receivedOn", p.receivedOn(), scope.clock());
                Invoice invoice = null;
                Invoice paid = null;
                if (p.invoiceNumber() != null) {
                    invoice = scope.uow()
                            .invoices()
                            .findByInvoiceNumber(p.invoiceNumber())
                            .filter(i -> i.customerId().equals(customer.get().id()))
                            .orElseThrow(() -> Check.fail(
                                    "invoiceNumber",
                                    ValidationRule.UNKNOWN_REFERENCE,
                                    "the customer has no invoice " + p.invoiceNumber()));
                    paid = invoice.applyPayment(p.amount(), p.receivedOn(), scope.now());
                }
                Payment received = Payment.receive(
                        PaymentId.random(),
                        new NewPayment(
                                customer.get().id(),
                                invoice == null ? null : invoice.id(),
                                p.amount(),
                                p.receivedOn(),
                                p.method(),
                                p.reference()),
                        scope.now());
                InvoiceStatus status = null;
                if (paid != null) {
                    scope.uow().invoices().update(invoice.version(), paid);
                    status = paid.status();
                }
                inserts.add(received);
                keys.add(new ImportKey(
                        ImportKind.PAYMENTS, p.externalId(), received.id().value(), fingerprint));
                scope.publish(new PaymentReceived(
                        scope.metadata(),
                        received.customerId(),
                        received.id(),
                        received.invoiceId(),
                        received.amount(),
                        received.receivedOn(),
                        status));
                out.created++;
            } catch (ValidationException e) {
                out.fail(row, e, f -> csv ? Cells.snake(f) : f);
            }
        }
        scope.uow().payments().insertAll(inserts);
        scope.uow().importJournal().putKeys(keys);
    }
}
