package dev.guanxi.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The purchase scan for analytics")
class PurchaseScanTest extends SalesTestSupport {

    record Row(CustomerId customer, LocalDate date, long amount, String currency) {}

    private List<Row> scan(PurchaseScan scan) {
        List<Row> rows = new ArrayList<>();
        long count = sales.scanPurchases(
                scan, (c, d, amount, currency) -> rows.add(new Row(c, d, amount, currency.getCurrencyCode())));
        assertThat(count).isEqualTo(rows.size());
        return rows;
    }

    @Test
    @DisplayName("every placed order arrives once, grouped by customer (UUID string order), then by date")
    void orderAndContent() {
        List<CustomerId> customers = new ArrayList<>(List.of(customer));
        for (int i = 0; i < 6; i++) {
            customers.add(newCustomer(acme, "Customer " + i));
        }
        List<Row> expected = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            CustomerId c = customers.get(i);
            // recorded out of date order on purpose
            for (int days : new int[] {5, 40, 1, 40}) {
                LocalDate date = TODAY.minusDays(days + i);
                Order o = sales.recordPurchase(NewOrder.builder(c, date)
                        .line(OrderLine.of("A", new BigDecimal("1.5"), usd("3.33"))) // 4.995 -> 5.00
                        .line(OrderLine.of("B", 1, usd(String.valueOf(days)))) // distinguishes the orders
                        .build());
                expected.add(new Row(c, date, o.total().minorUnits(), "USD"));
            }
        }
        Order cancelled = purchase(customers.get(3), TODAY.minusDays(2), "999.00");
        sales.cancelOrder(cancelled.id(), 1);

        List<Row> rows = scan(PurchaseScan.all());

        assertThat(rows).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows)
                .isSortedAccordingTo(
                        Comparator.comparing((Row r) -> r.customer().value().toString())
                                .thenComparing(Row::date));
        assertThat(rows).noneMatch(r -> r.amount() == 99_900);
        assertThat(rows.get(0).amount() % 100).isZero(); // 5.00 + whole dollars
    }

    @Test
    @DisplayName("amounts come in minor units of each order's currency")
    void minorUnits() {
        purchase(customer, TODAY, "12.34");
        sales.recordPurchase(NewOrder.builder(customer, TODAY.minusDays(1))
                .line(OrderLine.of("A", 7, Money.of("150", "JPY")))
                .build());
        sales.recordPurchase(NewOrder.builder(customer, TODAY.minusDays(2))
                .line(OrderLine.of("A", 1, Money.of("1.234", "BHD")))
                .build());

        assertThat(scan(PurchaseScan.all()))
                .containsExactly(
                        new Row(customer, TODAY.minusDays(2), 1234, "BHD"),
                        new Row(customer, TODAY.minusDays(1), 1050, "JPY"),
                        new Row(customer, TODAY, 1234, "USD"));
    }

    @Test
    @DisplayName("a date range limits the scan, both ends included")
    void range() {
        purchase(customer, TODAY.minusDays(10), "1.00");
        purchase(customer, TODAY.minusDays(5), "2.00");
        purchase(customer, TODAY, "3.00");
        assertThat(scan(PurchaseScan.between(TODAY.minusDays(5), TODAY)))
                .extracting(Row::amount)
                .containsExactly(200L, 300L);
        assertThat(scan(PurchaseScan.between(TODAY.minusDays(9), TODAY.minusDays(6))))
                .isEmpty();
        assertThatThrownBy(() -> PurchaseScan.between(TODAY, TODAY.minusDays(1)))
                .isInstanceOfSatisfying(dev.guanxi.crm.ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("to");
                    assertThat(e.rule()).isEqualTo(ValidationRule.DATE_ORDER);
                });
    }

    @Test
    @DisplayName("the scan of one tenant never includes another tenant's purchases")
    void tenantScoped() {
        purchase(customer, TODAY, "1.00");
        var other = crm.tenant("globex");
        CustomerId theirs = newCustomer(other, "Globex buyer");
        other.sales()
                .recordPurchase(NewOrder.builder(theirs, TODAY)
                        .line(OrderLine.of("A", 1, usd("2.00")))
                        .build());

        assertThat(scan(PurchaseScan.all())).extracting(Row::customer).containsExactly(customer);
        List<CustomerId> seen = new ArrayList<>();
        other.sales().scanPurchases((c, d, a, cur) -> seen.add(c));
        assertThat(seen).containsExactly(theirs);
    }

    @Test
    @DisplayName("an exception thrown by the visitor ends the scan and reaches the caller")
    void visitorFailure() {
        purchase(customer, TODAY, "1.00");
        purchase(customer, TODAY, "2.00");
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> sales.scanPurchases((c, d, a, cur) -> {
                    seen.add(a);
                    throw new IllegalStateException("stop");
                }))
                .hasMessage("stop");
        assertThat(seen).hasSize(1);
    }
}
