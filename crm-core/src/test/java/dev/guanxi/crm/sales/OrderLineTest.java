package dev.guanxi.crm.sales;

import static dev.guanxi.crm.sales.SalesTestSupport.assertInvalid;
import static dev.guanxi.crm.sales.SalesTestSupport.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.money.CurrencyMismatchException;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Order lines and totals")
class OrderLineTest {

    @Test
    @DisplayName("0.10 + 0.20 + 0.30 is exactly 0.60 (no binary floating point anywhere)")
    void exactSum() {
        List<OrderLine> lines = List.of(
                OrderLine.of("A", 1, usd("0.10")),
                OrderLine.of("B", 1, usd("0.20")),
                OrderLine.of("C", 1, usd("0.30")));
        Money total = OrderLine.sum(lines);
        assertThat(total).isEqualTo(usd("0.60"));
        assertThat(total.amount().toPlainString()).isEqualTo("0.60");
        assertThat(total.minorUnits()).isEqualTo(60);
    }

    @Test
    @DisplayName("quantity × unit price is rounded HALF_UP to the currency's scale, then the discount is taken off")
    void rounding() {
        assertThat(OrderLine.of("A", new BigDecimal("0.5"), usd("0.01")).lineTotal())
                .isEqualTo(usd("0.01"));
        assertThat(OrderLine.of("A", new BigDecimal("0.4"), usd("0.01")).lineTotal())
                .isEqualTo(usd("0.00"));
        assertThat(OrderLine.of("A", new BigDecimal("1.5"), Money.of("1", "JPY"))
                        .lineTotal())
                .isEqualTo(Money.of("2", "JPY"));
        assertThat(OrderLine.of("A", new BigDecimal("3"), usd("3.33"))
                        .withDiscount(usd("0.99"))
                        .lineTotal())
                .isEqualTo(usd("9.00"));
        assertThat(OrderLine.ROUNDING).isEqualTo(java.math.RoundingMode.HALF_UP);
    }

    @Test
    @DisplayName("a discount equal to the gross amount gives a zero line; a free line is allowed")
    void zeroLines() {
        assertThat(OrderLine.of("A", 2, usd("5.00")).withDiscount(usd("10.00")).lineTotal())
                .isEqualTo(usd("0.00"));
        assertThat(OrderLine.of("GIFT", 1, usd("0.00")).lineTotal()).isEqualTo(usd("0.00"));
    }

    @Test
    @DisplayName("quantities are normalised (2.50 equals 2.5, 1E+2 is 100) and keep up to 6 decimals")
    void quantityNormalisation() {
        assertThat(OrderLine.of("A", new BigDecimal("2.50"), usd("1.00")))
                .isEqualTo(OrderLine.of("A", new BigDecimal("2.5"), usd("1.00")));
        assertThat(OrderLine.of("A", new BigDecimal("1E+2"), usd("1.00"))
                        .quantity()
                        .toPlainString())
                .isEqualTo("100");
        assertThat(OrderLine.of("A", new BigDecimal("0.000001"), usd("1.00")).quantity())
                .isEqualByComparingTo("0.000001");
        assertInvalid(
                () -> OrderLine.of("A", new BigDecimal("0.0000001"), usd("1.00")), "quantity", ValidationRule.SCALE);
        assertInvalid(
                () -> OrderLine.of("A", new BigDecimal("1234567890123"), usd("1.00")),
                "quantity",
                ValidationRule.TOO_LONG);
    }

    @Test
    @DisplayName("a discount above the gross amount, or in another currency, is refused")
    void discountRules() {
        assertInvalid(
                () -> OrderLine.of("A", 1, usd("1.00")).withDiscount(usd("1.01")),
                "discount",
                ValidationRule.OUT_OF_RANGE);
        assertThatThrownBy(() -> OrderLine.of("A", 1, usd("1.00")).withDiscount(Money.of("0.50", "EUR")))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    @DisplayName("lines in different currencies cannot be summed")
    void mixedCurrencies() {
        assertThatThrownBy(() -> OrderLine.sum(
                        List.of(OrderLine.of("A", 1, usd("1.00")), OrderLine.of("B", 1, Money.of("1.00", "EUR")))))
                .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
                    assertThat(e.field()).isEqualTo("currency");
                    assertThat(e.rule()).isEqualTo(ValidationRule.CURRENCY_MISMATCH);
                });
    }

    @Test
    @DisplayName("an order whose stated total is not the sum of its lines is refused")
    void inconsistentTotal() {
        NewOrder draft = NewOrder.builder(dev.guanxi.crm.customer.CustomerId.random(), SalesTestSupport.TODAY)
                .line(OrderLine.of("A", 1, usd("1.00")))
                .build();
        Order order = Order.place(OrderId.random(), draft, SalesTestSupport.NOW);
        assertInvalid(
                () -> new Order(
                        order.id(),
                        order.customerId(),
                        order.orderNumber(),
                        order.orderDate(),
                        order.lines(),
                        usd("1.01"),
                        order.status(),
                        order.cancelledAt(),
                        1,
                        order.createdAt(),
                        order.updatedAt()),
                "total",
                ValidationRule.OUT_OF_RANGE);
    }
}
