package dev.guanxi.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BasketsTest {
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    private static Order order(CustomerId customer, String... products) {
        NewOrder.Builder draft = NewOrder.builder(customer, TODAY);
        for (String product : products) {
            draft.line(OrderLine.of(product, 1, Money.of("1.00", "EUR")));
        }
        return Order.place(OrderId.random(), draft.build(), NOW);
    }

    private static Set<String> products(Baskets baskets, int basket) {
        java.util.TreeSet<String> codes = new java.util.TreeSet<>();
        for (int item : baskets.items(basket)) {
            codes.add(baskets.productCode(item));
        }
        return codes;
    }

    @Test
    @DisplayName("lines are grouped by the caller's key, items get ids in order of first sight, repeats count once")
    void incremental() {
        Baskets baskets = new Baskets()
                .add("order-1", "milk")
                .add("order-2", "beer")
                .add("order-1", "bread")
                .add("order-1", "milk")
                .add("order-2", "diapers");

        int lines = baskets.lineCount();
        int count = baskets.basketCount();
        int items = baskets.itemCount();
        assertThat(lines).isEqualTo(5);
        assertThat(count).isEqualTo(2);
        assertThat(items).isEqualTo(4);
        assertThat(baskets.productCode(0)).isEqualTo("milk");
        assertThat(baskets.productCode(3)).isEqualTo("diapers");
        OptionalInt beer = baskets.findItemId("beer");
        assertThat(beer).hasValue(1);
        assertThat(baskets.findItemId("eggs")).isEmpty();
        int first = baskets.basketIndex("order-1");
        assertThat(first).isEqualTo(0);
        Optional<Object> key = baskets.basketKey(1);
        assertThat(key).contains("order-2");
        int size = baskets.basketSize(0);
        assertThat(size).isEqualTo(2); // milk twice counts once
        assertThat(baskets.items(0)).containsExactly(0, 2);
        assertThat(baskets.products("order-1")).containsExactly("bread", "milk");
        assertThat(baskets.products("order-9")).isEmpty();
    }

    @Test
    @DisplayName("adding after a read invalidates the compacted form")
    void addAfterRead() {
        Baskets baskets = new Baskets().add("a", "x");
        assertThat(baskets.basketSize(0)).isEqualTo(1);
        baskets.add("a", "y").add("b", "x");
        int size = baskets.basketSize(0);
        assertThat(size).isEqualTo(2);
        assertThat(baskets.basketSize(1)).isEqualTo(1);
    }

    @Test
    @DisplayName("host indices may skip baskets: the skipped ones are empty transactions without keys")
    void hostIndices() {
        Baskets baskets = new Baskets();
        int x = baskets.itemId("x");
        baskets.add(3, x);
        int count = baskets.basketCount();
        assertThat(count).isEqualTo(4);
        assertThat(baskets.basketSize(1)).isZero();
        assertThat(baskets.basketKey(1)).isEmpty();
        assertThat(baskets.items(3)).containsExactly(x);
        assertThatThrownBy(() -> baskets.basketSize(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("from orders: one basket per placed order, cancelled orders skipped")
    void fromOrders() {
        CustomerId alice = CustomerId.random();
        CustomerId bob = CustomerId.random();
        Order first = order(alice, "beer", "diapers", "beer");
        Order second = order(alice, "milk");
        Order cancelled = order(bob, "caviar").cancel(NOW);
        Order third = order(bob, "beer", "chips");

        Baskets baskets = Baskets.fromOrders(List.of(first, second, cancelled, third));

        int count = baskets.basketCount();
        assertThat(count).isEqualTo(3);
        assertThat(baskets.findItemId("caviar")).isEmpty();
        assertThat(baskets.products(first.id())).containsExactly("beer", "diapers");
        assertThat(baskets.products(second.id())).containsExactly("milk");
        assertThat(baskets.products(third.id())).containsExactly("beer", "chips");
        assertThat(baskets.products(cancelled.id())).isEmpty();
    }

    @Test
    @DisplayName("from orders by customer: one basket per customer over all their placed orders")
    void fromOrdersByCustomer() {
        CustomerId alice = CustomerId.random();
        CustomerId bob = CustomerId.random();
        List<Order> orders = List.of(
                order(alice, "beer", "diapers"),
                order(bob, "beer"),
                order(alice, "milk", "beer"),
                order(bob, "caviar").cancel(NOW));

        Baskets baskets = Baskets.fromOrdersByCustomer(orders);

        int count = baskets.basketCount();
        assertThat(count).isEqualTo(2);
        assertThat(baskets.products(alice)).containsExactly("beer", "diapers", "milk");
        assertThat(baskets.products(bob)).containsExactly("beer");
        assertThat(products(baskets, baskets.basketIndex(alice))).hasSize(3);
    }

    @Test
    @DisplayName("a missing or blank product code, a negative basket or an unassigned item id is refused")
    void badInput() {
        Baskets baskets = new Baskets();
        assertThatThrownBy(() -> baskets.add("a", null)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("productCode");
            assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED);
        });
        assertThatThrownBy(() -> baskets.add("a", "  ")).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("productCode");
            assertThat(e.rule()).isEqualTo(ValidationRule.BLANK);
        });
        int count = baskets.basketCount();
        assertThat(count).isZero(); // a refused line creates no basket
        assertThatThrownBy(() -> baskets.add(-1, 0)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("basket");
            assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
        });
        assertThatThrownBy(() -> baskets.add(0, 0)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("itemId");
            assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
        });
        assertThatThrownBy(() -> baskets.add(null, "x")).isInstanceOf(NullPointerException.class);
    }
}
