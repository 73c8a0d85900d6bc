package dev.guanxi.crm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.jdbc.testing.TestDatabases;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RELIABILITY M1 in the database: the {@code DECIMAL} amount columns summed by the database's own {@code SUM}
 * equal the {@link BigDecimal} sum of what was written, exactly ({@code compareTo == 0}), per currency with 0,
 * 2 and 3 decimals, over 3,000 random amounts (seeded) of up to 13 integer digits.
 */
class DatabaseSumTest {
    private static final TenantId TENANT = TenantId.of("sums");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<DataSource>) TestDatabases::h2Memory),
                Arguments.of("PostgreSQL", (Supplier<DataSource>) TestDatabases::postgres),
                Arguments.of("MariaDB", (Supplier<DataSource>) TestDatabases::mariadb));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void databaseSumsAreExact(String name, Supplier<DataSource> database) throws SQLException {
        DataSource ds = database.get();
        Random random = new Random(20260601L);
        Map<String, BigDecimal> expected = new TreeMap<>();
        List<Order> orders = new ArrayList<>();
        String[] currencies = {"EUR", "JPY", "BHD"};
        for (int i = 0; i < 3_000; i++) {
            Currency currency = Currency.getInstance(currencies[i % 3]);
            long minor = Math.floorMod(random.nextLong(), 10_000_000_000_000L);
            Money price = Money.ofMinor(minor, currency);
            NewOrder draft = NewOrder.builder(
                            CustomerId.random(), LocalDate.of(2026, 1, 1).plusDays(i % 365))
                    .line(OrderLine.of("SKU-" + (i % 17), 1, price))
                    .build();
            Order order = Order.place(OrderId.random(), draft, NOW);
            orders.add(order);
            expected.merge(currency.getCurrencyCode(), order.total().amount(), BigDecimal::add);
        }
        try (JdbcStorage storage = JdbcStorage.builder(ds).build()) {
            for (int from = 0; from < orders.size(); from += 500) {
                List<Order> batch = orders.subList(from, from + 500);
                storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
                    uow.orders().insertAll(batch);
                    return null;
                });
            }
        }
        Map<String, BigDecimal> summed = new TreeMap<>();
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT currency, SUM(total_amount), SUM(total_minor)"
                        + " FROM guanxi_order WHERE tenant_id = ? GROUP BY currency")) {
            s.setString(1, TENANT.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String currency = rs.getString(1);
                    BigDecimal sum = rs.getBigDecimal(2);
                    summed.put(currency, sum);
                    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
                    assertThat(BigDecimal.valueOf(rs.getLong(3), digits)).isEqualByComparingTo(sum);
                }
            }
        }
        assertThat(summed.keySet()).isEqualTo(expected.keySet());
        expected.forEach((currency, sum) ->
                assertThat(summed.get(currency)).as(name + " " + currency).isEqualByComparingTo(sum));
    }
}
