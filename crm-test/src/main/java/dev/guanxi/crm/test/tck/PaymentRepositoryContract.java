package dev.guanxi.crm.test.tck;

import static dev.guanxi.crm.test.tck.SalesFixtures.at;
import static dev.guanxi.crm.test.tck.SalesFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.NewPayment;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentId;
import dev.guanxi.crm.sales.PaymentMethod;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Conformance tests of {@code PaymentRepository}. */
public abstract class PaymentRepositoryContract extends RepositoryContract {
    private static final LocalDate D1 = LocalDate.of(2025, 1, 10);
    private static final LocalDate D2 = LocalDate.of(2025, 2, 10);
    private static final LocalDate D3 = LocalDate.of(2025, 3, 10);

    /** Creates the contract. */
    protected PaymentRepositoryContract() {}

    /** A payment, with or without invoice, is found again equal; another tenant does not see it. */
    @Test
    @DisplayName("a payment is found again equal, and only in its tenant")
    protected void roundTrip() {
        Payment onAccount = Payment.receive(
                PaymentId.random(),
                NewPayment.builder(CustomerId.random(), Money.of("12.345", "BHD"), D1)
                        .method(PaymentMethod.WALLET)
                        .reference("支付宝 2025-0001")
                        .build(),
                SalesFixtures.T0);
        Payment againstInvoice = payment(CustomerId.random(), InvoiceId.random(), D2, "99.99", at(1));
        run(TENANT_A, uow -> {
            uow.payments().insert(onAccount);
            uow.payments().insert(againstInvoice);
        });
        assertThat(find(TENANT_A, onAccount.id())).contains(onAccount);
        assertThat(find(TENANT_A, againstInvoice.id())).contains(againstInvoice);
        assertThat(find(TENANT_B, onAccount.id())).isEmpty();
    }

    /** A customer's payments come newest first, in pages. */
    @Test
    @DisplayName("a customer's payments are listed newest first, paged")
    protected void listByCustomer() {
        CustomerId customer = CustomerId.random();
        Payment p1 = payment(customer, null, D1, "1.00", at(1));
        Payment p2 = payment(customer, null, D2, "2.00", at(2));
        Payment p3 = payment(customer, null, D3, "3.00", at(3));
        Payment p3later = payment(customer, null, D3, "3.50", at(4));
        run(TENANT_A, uow -> {
            uow.payments().insert(p2);
            uow.payments().insert(p3);
            uow.payments().insert(p1);
            uow.payments().insert(p3later);
            uow.payments().insert(payment(CustomerId.random(), null, D3, "9.00", at(5)));
        });
        Page<Payment> first = read(TENANT_A, uow -> uow.payments().listByCustomer(customer, PageRequest.first(3)));
        assertThat(first.items()).containsExactly(p3later, p3, p2);
        assertThat(first.hasMore()).isTrue();
        assertThat(read(
                                TENANT_A,
                                uow -> uow.payments()
                                        .listByCustomer(
                                                customer, first.request().next()))
                        .items())
                .containsExactly(p1);
    }

    /** The payments of an invoice come oldest first. */
    @Test
    @DisplayName("the payments of an invoice are listed oldest first")
    protected void listByInvoice() {
        CustomerId customer = CustomerId.random();
        InvoiceId invoice = InvoiceId.random();
        Payment first = payment(customer, invoice, D1, "1.00", at(1));
        Payment second = payment(customer, invoice, D2, "2.00", at(2));
        run(TENANT_A, uow -> {
            uow.payments().insert(second);
            uow.payments().insert(payment(customer, InvoiceId.random(), D1, "5.00", at(3)));
            uow.payments().insert(payment(customer, null, D1, "6.00", at(4)));
            uow.payments().insert(first);
        });
        assertThat(listByInvoice(TENANT_A, invoice)).containsExactly(first, second);
        assertThat(listByInvoice(TENANT_B, invoice)).isEmpty();
    }

    /** Ids are unique; stale deletes are refused. */
    @Test
    @DisplayName("a duplicate id is refused and a stale delete changes nothing")
    protected void duplicateAndStale() {
        Payment p = payment(CustomerId.random(), null, D1, "1.00", at(1));
        run(TENANT_A, uow -> uow.payments().insert(p));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.payments().insert(p)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.payments().delete(p.id(), 3)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(find(TENANT_A, p.id())).contains(p);
    }

    /** A unit of work that throws leaves nothing behind. */
    @Test
    @DisplayName("a payment inserted in a unit of work that fails is not stored")
    protected void rollback() {
        Payment p = payment(CustomerId.random(), null, D1, "1.00", at(1));
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.payments().insert(p);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(find(TENANT_A, p.id())).isEmpty();
    }

    private Optional<Payment> find(TenantId tenant, PaymentId id) {
        return read(tenant, uow -> uow.payments().find(id));
    }

    private List<Payment> listByInvoice(TenantId tenant, InvoiceId key) {
        return read(tenant, uow -> uow.payments().listByInvoice(key));
    }
}
