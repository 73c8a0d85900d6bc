package dev.guanxi.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.PaymentReceived;
import dev.guanxi.crm.event.PurchaseRecorded;
import dev.guanxi.crm.event.SalesEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sales events")
class SalesEventsTest extends SalesTestSupport {
    private final List<String> seenByListener = new ArrayList<>();

    @Override
    void configure(Crm.Builder builder) {
        // a listener that reads the CRM: it must see the committed change
        builder.listener(
                PurchaseRecorded.class,
                e -> seenByListener.add("order visible: "
                        + crm.tenant("acme").sales().findOrder(e.orderId()).isPresent()));
        builder.listener(PaymentReceived.class, e -> {
            throw new IllegalStateException("listener bug");
        });
    }

    @Test
    @DisplayName("events are delivered after commit: a listener already sees the stored order")
    void afterCommit() {
        Order order = purchase(customer, TODAY, "1.00");
        assertThat(seenByListener).containsExactly("order visible: true");
        assertThat(events())
                .singleElement()
                .isInstanceOfSatisfying(
                        PurchaseRecorded.class, e -> assertThat(e.orderId()).isEqualTo(order.id()));
    }

    @Test
    @DisplayName("a failing listener does not undo the payment nor keep other listeners from the event")
    void listenerFailureIsolated() {
        Payment payment = sales.recordPayment(
                NewPayment.builder(customer, usd("5.00"), TODAY).build());
        assertThat(sales.findPayment(payment.id())).contains(payment);
        assertThat(events()).singleElement().isInstanceOf(PaymentReceived.class);
    }

    @Test
    @DisplayName("no event is published when validation fails")
    void noEventOnFailure() {
        assertThatThrownBy(() -> purchase(customer, TODAY.plusDays(5), "1.00"))
                .isInstanceOf(dev.guanxi.crm.ValidationException.class);
        assertThat(events()).isEmpty();
        assertThat(seenByListener).isEmpty();
    }

    @Test
    @DisplayName("every sales event carries metadata and the customer, and belongs to the sealed hierarchy")
    void sealedHierarchy() {
        Order order = purchase(customer, TODAY, "10.00");
        sales.cancelOrder(order.id(), 1);
        Invoice invoice = invoice("INV-1", "10.00", TODAY);
        sales.recordPayment(NewPayment.builder(customer, usd("4.00"), TODAY)
                .forInvoice(invoice.id())
                .build());
        sales.writeOff(invoice.id(), 2, "small balance");
        Opportunity o = sales.openOpportunity(
                NewOpportunity.builder(customer, "Deal", usd("1.00")).build());
        sales.moveStage(o.id(), 1, "PROPOSAL");
        sales.lose(o.id(), 2, "timing");
        sales.reopenOpportunity(o.id(), 3);
        sales.win(o.id(), 4);
        Contract c = sales.createContract(NewContract.builder(customer, ContractKind.SALES, "C-1", "Supply")
                .period(TODAY.minusYears(1), TODAY.minusDays(1))
                .value(usd("100.00"))
                .build());
        sales.activateContract(c.id(), 1);
        sales.expireContract(c.id(), 2);
        Contract next = sales.renewContract(
                c.id(),
                3,
                ContractRenewal.builder("C-2", TODAY, TODAY.plusYears(1)).build());
        sales.terminateContract(next.id(), 1, "breach");

        List<String> names = new ArrayList<>();
        for (DomainEvent event : events()) {
            assertThat(event).isInstanceOf(SalesEvent.class);
            SalesEvent e = (SalesEvent) event;
            assertThat(e.customerId()).isEqualTo(customer);
            assertThat(e.metadata().tenant().value()).isEqualTo("acme");
            names.add(e.getClass().getSimpleName());
        }
        assertThat(names)
                .containsExactly(
                        "PurchaseRecorded",
                        "OrderCancelled",
                        "InvoiceIssued",
                        "PaymentReceived",
                        "InvoiceWrittenOff",
                        "OpportunityOpened",
                        "OpportunityStageChanged",
                        "OpportunityLost",
                        "OpportunityReopened",
                        "OpportunityWon",
                        "ContractCreated",
                        "ContractActivated",
                        "ContractExpired",
                        "ContractRenewed",
                        "ContractTerminated");
        assertThat(SalesEvent.class.isSealed()).isTrue();
        assertThat(SalesEvent.class.getPermittedSubclasses()).hasSize(15);
    }
}
