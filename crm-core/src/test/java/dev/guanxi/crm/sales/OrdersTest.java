package dev.guanxi.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.event.OrderCancelled;
import dev.guanxi.crm.event.PurchaseRecorded;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Orders (purchases)")
class OrdersTest extends SalesTestSupport {

    @Test
    @DisplayName("recording a purchase stores a placed order at version 1 with the exact total of its lines")
    void recordPurchase() {
        Order order = sales.recordPurchase(NewOrder.builder(customer, TODAY.minusDays(3))
                .orderNumber("SO-1001")
                .line(OrderLine.of("茶叶-龙井", new BigDecimal("2.5"), usd("19.99")).withDescription("西湖龙井 250g"))
                .line(OrderLine.of("CUP-01", 3, usd("4.00")).withDiscount(usd("1.50")))
                .build());

        // 2.5 × 19.99 = 49.975 -> 49.98 (HALF_UP); 3 × 4.00 - 1.50 = 10.50
        assertThat(order.total()).isEqualTo(usd("60.48"));
        assertThat(order.lines()).extracting(OrderLine::lineTotal).containsExactly(usd("49.98"), usd("10.50"));
        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.createdAt()).isEqualTo(NOW);
        assertThat(order.updatedAt()).isEqualTo(NOW);
        assertThat(order.orderNumber()).isEqualTo("SO-1001");
        assertThat(order.customerId()).isEqualTo(customer);
        assertThat(sales.getOrder(order.id())).isEqualTo(order);
        assertThat(sales.findOrderByNumber("SO-1001")).contains(order);
        assertThat(events()).singleElement().isInstanceOfSatisfying(PurchaseRecorded.class, e -> {
            assertThat(e.customerId()).isEqualTo(customer);
            assertThat(e.orderId()).isEqualTo(order.id());
            assertThat(e.total()).isEqualTo(usd("60.48"));
            assertThat(e.orderDate()).isEqualTo(TODAY.minusDays(3));
            assertThat(e.metadata().occurredAt()).isEqualTo(NOW);
            assertThat(e.metadata().tenant()).isEqualTo(acme.tenant());
        });
    }

    @Test
    @DisplayName("an order dated today or tomorrow (time zones ahead of UTC) is accepted")
    void todayIsNotFuture() {
        assertThat(purchase(customer, TODAY, "1.00").orderDate()).isEqualTo(TODAY);
        assertThat(purchase(customer, TODAY.plusDays(1), "1.00").orderDate()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    @DisplayName("a taken order number is a duplicate key and the second order is not stored")
    void duplicateOrderNumber() {
        Order first = sales.recordPurchase(NewOrder.builder(customer, TODAY)
                .orderNumber("SO-7")
                .line(OrderLine.of("A", 1, usd("1.00")))
                .build());
        events.clear();

        assertThatThrownBy(() -> sales.recordPurchase(NewOrder.builder(customer, TODAY)
                        .orderNumber("SO-7")
                        .line(OrderLine.of("B", 1, usd("2.00")))
                        .build()))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                    assertThat(e.field()).isEqualTo("orderNumber");
                    assertThat(e.rule()).isEqualTo(ValidationRule.DUPLICATE);
                    assertThat(e.existingId()).contains(first.id());
                });
        assertThat(sales.listOrders(customer, ALL).items()).containsExactly(first);
        assertThat(events()).isEmpty();
    }

    @Test
    @DisplayName("a customer's orders are listed newest first, then by recording order, paged")
    void listOrders() {
        Order oldest = purchase(customer, TODAY.minusDays(30), "1.00");
        Order newest = purchase(customer, TODAY.minusDays(1), "3.00");
        Order middle = purchase(customer, TODAY.minusDays(10), "2.00");
        purchase(newCustomer(acme, "Other"), TODAY, "9.00");

        Page<Order> first = sales.listOrders(customer, PageRequest.first(2));
        assertThat(first.items()).containsExactly(newest, middle);
        assertThat(first.nextRequest()).isPresent();
        Page<Order> second = sales.listOrders(customer, first.nextRequest().orElseThrow());
        assertThat(second.items()).containsExactly(oldest);
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    @DisplayName("cancelling an order raises its version, publishes OrderCancelled and cannot be repeated")
    void cancel() {
        Order order = purchase(customer, TODAY, "5.00");
        events.clear();

        Order cancelled = sales.cancelOrder(order.id(), 1);

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.version()).isEqualTo(2);
        assertThat(cancelled.cancelledAt()).isEqualTo(NOW);
        assertThat(sales.getOrder(order.id())).isEqualTo(cancelled);
        assertThat(events()).singleElement().isInstanceOfSatisfying(OrderCancelled.class, e -> {
            assertThat(e.orderId()).isEqualTo(order.id());
            assertThat(e.customerId()).isEqualTo(customer);
            assertThat(e.total()).isEqualTo(usd("5.00"));
        });
        assertThatThrownBy(() -> sales.cancelOrder(order.id(), 2))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(OrderStatus.CANCELLED);
                    assertThat(e.to()).isEqualTo(OrderStatus.CANCELLED);
                });
    }

    @Test
    @DisplayName("cancelling with a stale version is refused and changes nothing")
    void staleCancel() {
        Order order = purchase(customer, TODAY, "5.00");
        sales.cancelOrder(order.id(), 1);
        events.clear();

        assertThatThrownBy(() -> sales.cancelOrder(order.id(), 1))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.entityType()).isEqualTo("Order");
                });
        assertThat(sales.getOrder(order.id()).version()).isEqualTo(2);
        assertThat(events()).isEmpty();
    }

    @Test
    @DisplayName("another tenant never sees the orders; their ids and customers are unknown there")
    void tenantIsolation() {
        Order order = sales.recordPurchase(NewOrder.builder(customer, TODAY)
                .orderNumber("SO-A")
                .line(OrderLine.of("A", 1, usd("1.00")))
                .build());
        TenantCrm other = crm.tenant("globex");
        Sales otherSales = other.sales();

        assertThat(otherSales.findOrder(order.id())).isEmpty();
        assertThat(otherSales.findOrderByNumber("SO-A")).isEmpty();
        assertThatThrownBy(() -> otherSales.getOrder(order.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> otherSales.cancelOrder(order.id(), 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> otherSales.listOrders(customer, ALL)).isInstanceOf(NoSuchCustomerException.class);
        assertThatThrownBy(() -> otherSales.recordPurchase(NewOrder.builder(customer, TODAY)
                        .line(OrderLine.of("A", 1, usd("1.00")))
                        .build()))
                .isInstanceOf(NoSuchCustomerException.class);
        assertThat(otherSales.scanPurchases((c, d, a, cur) -> {})).isZero();

        CustomerId otherCustomer = newCustomer(other, "Globex buyer");
        Order otherOrder = otherSales.recordPurchase(NewOrder.builder(otherCustomer, TODAY)
                .orderNumber("SO-A")
                .line(OrderLine.of("A", 1, usd("1.00")))
                .build());
        assertThat(otherSales.findOrderByNumber("SO-A")).contains(otherOrder);
        assertThat(sales.findOrderByNumber("SO-A")).contains(order);
    }

    @Test
    @DisplayName("an unknown order id is a not-found error naming the entity")
    void unknownOrder() {
        OrderId id = OrderId.random();
        assertThat(sales.findOrder(id)).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> sales.cancelOrder(id, 1)).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.entityType()).isEqualTo("Order");
            assertThat(e.id()).isEqualTo(id);
        });
    }

    @Test
    @DisplayName("amounts round-trip exactly in every currency scale (JPY 0, USD 2, BHD 3 decimals)")
    void currencyScales() {
        Order jpy = sales.recordPurchase(NewOrder.builder(customer, TODAY)
                .line(OrderLine.of("A", 3, Money.of("333", "JPY")))
                .build());
        Order bhd = sales.recordPurchase(NewOrder.builder(customer, TODAY)
                .line(OrderLine.of("A", new BigDecimal("0.5"), Money.of("0.001", "BHD")))
                .build());
        assertThat(jpy.total()).isEqualTo(Money.of("999", "JPY"));
        // 0.5 × 0.001 = 0.0005 -> 0.001 (HALF_UP)
        assertThat(bhd.total()).isEqualTo(Money.of("0.001", "BHD"));
        assertThat(sales.getOrder(bhd.id()).total().amount()).isEqualByComparingTo("0.001");
    }
}
