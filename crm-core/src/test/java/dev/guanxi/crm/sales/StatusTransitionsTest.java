package dev.guanxi.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.IllegalTransitionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Status transition tables")
class StatusTransitionsTest {

    @Test
    @DisplayName("orders: placed -> cancelled only")
    void orders() {
        assertThat(OrderStatus.PLACED.successors()).containsExactly(OrderStatus.CANCELLED);
        assertThat(OrderStatus.CANCELLED.successors()).isEmpty();
        assertThatThrownBy(() -> OrderStatus.CANCELLED.transitionTo(OrderStatus.PLACED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("Order cannot go from CANCELLED to PLACED");
    }

    @Test
    @DisplayName("invoices: open and partially paid accept payments and write-offs; paid and written off are final")
    void invoices() {
        assertThat(InvoiceStatus.OPEN.successors())
                .containsExactlyInAnyOrder(InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID, InvoiceStatus.WRITTEN_OFF);
        assertThat(InvoiceStatus.PARTIALLY_PAID.canBecome(InvoiceStatus.PARTIALLY_PAID))
                .isTrue();
        assertThat(InvoiceStatus.PARTIALLY_PAID.canBecome(InvoiceStatus.OPEN)).isFalse();
        assertThat(InvoiceStatus.PAID.successors()).isEmpty();
        assertThat(InvoiceStatus.WRITTEN_OFF.successors()).isEmpty();
        assertThat(InvoiceStatus.OPEN.isOpen()).isTrue();
        assertThat(InvoiceStatus.PARTIALLY_PAID.isOpen()).isTrue();
        assertThat(InvoiceStatus.PAID.isOpen()).isFalse();
    }

    @Test
    @DisplayName("opportunities: open -> won | lost, lost -> open; won is final")
    void opportunities() {
        assertThat(OpportunityStatus.OPEN.successors())
                .containsExactlyInAnyOrder(OpportunityStatus.WON, OpportunityStatus.LOST);
        assertThat(OpportunityStatus.LOST.successors()).containsExactly(OpportunityStatus.OPEN);
        assertThat(OpportunityStatus.WON.successors()).isEmpty();
    }

    @Test
    @DisplayName(
            "contracts: draft -> active | terminated; active -> expired | terminated | renewed; expired -> renewed")
    void contracts() {
        assertThat(ContractStatus.DRAFT.successors())
                .containsExactlyInAnyOrder(ContractStatus.ACTIVE, ContractStatus.TERMINATED);
        assertThat(ContractStatus.ACTIVE.successors())
                .containsExactlyInAnyOrder(ContractStatus.EXPIRED, ContractStatus.TERMINATED, ContractStatus.RENEWED);
        assertThat(ContractStatus.EXPIRED.successors()).containsExactly(ContractStatus.RENEWED);
        assertThat(ContractStatus.TERMINATED.successors()).isEmpty();
        assertThat(ContractStatus.RENEWED.successors()).isEmpty();
        assertThatThrownBy(() -> ContractStatus.DRAFT.transitionTo(ContractStatus.RENEWED))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(ContractStatus.DRAFT);
                    assertThat(e.to()).isEqualTo(ContractStatus.RENEWED);
                });
    }

    @Test
    @DisplayName("the successor sets cannot be modified")
    void immutable() {
        assertThatThrownBy(() -> OrderStatus.PLACED.successors().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
