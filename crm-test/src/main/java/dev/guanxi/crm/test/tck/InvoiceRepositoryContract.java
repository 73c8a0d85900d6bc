package dev.guanxi.crm.test.tck;

import static dev.guanxi.crm.test.tck.SalesFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.InvoiceStatus;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Conformance tests of {@code InvoiceRepository}: receivables with their paid amounts. */
public abstract class InvoiceRepositoryContract extends RepositoryContract {
    private static final LocalDate JAN = LocalDate.of(2025, 1, 31);
    private static final LocalDate FEB = LocalDate.of(2025, 2, 28);
    private static final LocalDate MAR = LocalDate.of(2025, 3, 31);

    /** Creates the contract. */
    protected InvoiceRepositoryContract() {}

    /** Every component survives the store, including the optional ones of a paid and a written-off invoice. */
    @Test
    @DisplayName("an invoice is found again equal, through payments and a write-off")
    protected void roundTrip() {
        Invoice open = invoice(CustomerId.random(), "INV-发票-1", JAN, "100.00");
        run(TENANT_A, uow -> uow.invoices().insert(open));
        assertThat(find(TENANT_A, open.id())).contains(open);

        Invoice part = open.applyPayment(Money.of("40.00", "USD"), LocalDate.of(2025, 2, 3), SalesFixtures.at(1));
        run(TENANT_A, uow -> uow.invoices().update(1, part));
        Invoice off = part.writeOff("customer insolvent", LocalDate.of(2025, 6, 1), SalesFixtures.at(2));
        run(TENANT_A, uow -> uow.invoices().update(2, off));

        Invoice stored = find(TENANT_A, open.id()).orElseThrow();
        assertThat(stored).isEqualTo(off);
        assertThat(stored.status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(stored.paidAmount()).isEqualTo(Money.of("40.00", "USD"));
        assertThat(stored.writtenOffAmount()).isEqualTo(Money.of("60.00", "USD"));
    }

    /** Invoice numbers are unique per tenant and findable. */
    @Test
    @DisplayName("a taken invoice number is a duplicate key; the number finds the invoice")
    protected void uniqueNumber() {
        Invoice first = invoice(CustomerId.random(), "INV-1", JAN, "10.00");
        run(TENANT_A, uow -> uow.invoices().insert(first));
        assertThatThrownBy(() ->
                        run(TENANT_A, uow -> uow.invoices().insert(invoice(CustomerId.random(), "INV-1", FEB, "5.00"))))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("invoiceNumber"));
        assertThat(findByInvoiceNumber(TENANT_A, "INV-1")).contains(first);
        assertThat(findByInvoiceNumber(TENANT_B, "INV-1")).isEmpty();
        run(TENANT_B, uow -> uow.invoices().insert(invoice(CustomerId.random(), "INV-1", FEB, "5.00")));
    }

    /** A stale update fails and leaves the stored invoice as it was. */
    @Test
    @DisplayName("an update with a stale version is refused")
    protected void staleUpdate() {
        Invoice open = invoice(CustomerId.random(), "INV-2", JAN, "10.00");
        run(TENANT_A, uow -> uow.invoices().insert(open));
        Invoice paid = open.applyPayment(Money.of("10.00", "USD"), JAN, SalesFixtures.at(1));
        run(TENANT_A, uow -> uow.invoices().update(1, paid));
        assertThatThrownBy(() -> run(
                        TENANT_A,
                        uow -> uow.invoices()
                                .update(1, open.applyPayment(Money.of("5.00", "USD"), JAN, SalesFixtures.at(2)))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(find(TENANT_A, open.id())).contains(paid);
    }

    /** Lists by customer are ordered by due date and paged; open lists leave out settled invoices. */
    @Test
    @DisplayName("a customer's invoices are listed by due date; the open list leaves out paid and written-off ones")
    protected void listsByCustomer() {
        CustomerId customer = CustomerId.random();
        Invoice march = invoice(customer, "M", MAR, "30.00");
        Invoice jan = invoice(customer, "J", JAN, "10.00");
        Invoice feb = invoice(customer, "F", FEB, "20.00");
        Invoice paidFeb = feb.applyPayment(Money.of("20.00", "USD"), FEB, SalesFixtures.at(1));
        run(TENANT_A, uow -> {
            uow.invoices().insert(march);
            uow.invoices().insert(jan);
            uow.invoices().insert(paidFeb);
            uow.invoices().insert(invoice(CustomerId.random(), "OTHER", JAN, "1.00"));
        });

        Page<Invoice> all = read(TENANT_A, uow -> uow.invoices().listByCustomer(customer, PageRequest.first(2)));
        assertThat(all.items()).containsExactly(jan, paidFeb);
        assertThat(all.hasMore()).isTrue();
        assertThat(read(
                                TENANT_A,
                                uow -> uow.invoices()
                                        .listByCustomer(customer, all.request().next()))
                        .items())
                .containsExactly(march);
        assertThat(read(TENANT_A, uow -> uow.invoices().listOpenByCustomer(customer, PageRequest.first(10)))
                        .items())
                .containsExactly(jan, march);
    }

    /** The overdue list holds open invoices due strictly before the day, tenant-wide. */
    @Test
    @DisplayName("the overdue list holds open invoices due before the day, oldest first")
    protected void overdue() {
        Invoice jan = invoice(CustomerId.random(), "J", JAN, "10.00");
        Invoice feb = invoice(CustomerId.random(), "F", FEB, "20.00");
        Invoice mar = invoice(CustomerId.random(), "M", MAR, "30.00");
        Invoice paid = invoice(CustomerId.random(), "P", JAN, "5.00")
                .applyPayment(Money.of("5.00", "USD"), JAN, SalesFixtures.at(1));
        run(TENANT_A, uow -> {
            uow.invoices().insert(mar);
            uow.invoices().insert(feb);
            uow.invoices().insert(jan);
            uow.invoices().insert(paid);
        });
        assertThat(read(TENANT_A, uow -> uow.invoices().listOverdue(MAR, PageRequest.first(10)))
                        .items())
                .containsExactly(jan, feb);
        assertThat(read(TENANT_B, uow -> uow.invoices().listOverdue(MAR, PageRequest.first(10)))
                        .items())
                .isEmpty();
    }

    /** A unit of work that throws leaves nothing behind. */
    @Test
    @DisplayName("an invoice inserted in a unit of work that fails is not stored")
    protected void rollback() {
        Invoice open = invoice(CustomerId.random(), "INV-R", JAN, "10.00");
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.invoices().insert(open);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(find(TENANT_A, open.id())).isEmpty();
    }

    private Optional<Invoice> find(TenantId tenant, InvoiceId id) {
        return read(tenant, uow -> uow.invoices().find(id));
    }

    private Optional<Invoice> findByInvoiceNumber(TenantId tenant, String key) {
        return read(tenant, uow -> uow.invoices().findByInvoiceNumber(key));
    }
}
