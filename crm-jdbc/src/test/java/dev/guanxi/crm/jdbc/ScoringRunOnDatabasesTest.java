package dev.guanxi.crm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.analytics.StatisticsDimension;
import dev.guanxi.crm.analytics.StatisticsMeasure;
import dev.guanxi.crm.analytics.StatisticsPeriod;
import dev.guanxi.crm.analytics.StatisticsRequest;
import dev.guanxi.crm.analytics.StatisticsTable;
import dev.guanxi.crm.classification.ScoringReport;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.CustomerGradeChanged;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.jdbc.testing.TestDatabases;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scoring run and the statistics pass on real databases: the tenant is streamed out of the tables (the
 * repositories' scans), snapshots with every rule's labels, reasons and metrics are written and read back
 * exactly, and grade changes go through the outbox.
 */
@DisplayName("The scoring run on H2, PostgreSQL and MariaDB")
class ScoringRunOnDatabasesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<DataSource>) TestDatabases::h2Memory),
                Arguments.of("PostgreSQL", (Supplier<DataSource>) TestDatabases::postgres),
                Arguments.of("MariaDB", (Supplier<DataSource>) TestDatabases::mariadb));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void scoresAndStatistics(String name, Supplier<DataSource> database) {
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        try (Crm crm = Crm.builder()
                .storage(JdbcStorage.builder(database.get()).build())
                .clock(Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC))
                .listener(events::add)
                .build()) {
            TenantCrm acme = crm.tenant("acme");
            List<CustomerId> ids = new ArrayList<>();
            // 30 customers buying 100 x (k + 1): customer 29 spends most
            for (int k = 0; k < 30; k++) {
                CustomerId id = acme.customers()
                        .register(CustomerDraft.person("客户 " + k).build())
                        .id();
                ids.add(id);
                for (int p = 0; p <= k % 4; p++) {
                    acme.sales()
                            .recordPurchase(NewOrder.builder(id, TODAY.minusDays(5 + 20L * p))
                                    .line(OrderLine.of("SKU-" + p, 1, Money.of(100 * (k + 1) + ".00", "CNY")))
                                    .build());
                }
            }
            acme.sales()
                    .issueInvoice(NewInvoice.builder(ids.get(0), "INV-1", Money.of("50.00", "CNY"))
                            .issuedOn(TODAY.minusDays(90))
                            .dueOn(TODAY.minusDays(60))
                            .build());
            crm.tenant("other")
                    .customers()
                    .register(CustomerDraft.person("stranger").build());
            events.clear();

            ScoringReport report = acme.scoring().run(ScoringRequest.of(TODAY, Currency.getInstance("CNY")));

            assertThat(report.customers()).isEqualTo(30);
            for (int k = 0; k < 30; k++) {
                ScoreSnapshot stored = acme.scoring().snapshot(ids.get(k)).orElseThrow();
                int i = report.result().indexOf(ids.get(k));
                ScoreSnapshot computed = report.result().snapshot(i, report.runId(), null, java.util.Map.of());
                assertThat(stored.labels()).isEqualTo(computed.labels());
                assertThat(stored.metrics().keySet())
                        .isEqualTo(computed.metrics().keySet());
                computed.metrics()
                        .forEach((metric, value) -> assertThat(stored.metrics().get(metric))
                                .as(metric)
                                .isEqualByComparingTo(value));
            }
            assertThat(acme.scoring().snapshot(ids.get(29)).orElseThrow().labels())
                    .containsEntry("abc", "KEY");
            long gradeEvents = events.stream()
                    .filter(CustomerGradeChanged.class::isInstance)
                    .count();
            assertThat(gradeEvents).isEqualTo(30);
            assertThat(acme.deliverPendingEvents()).isZero();

            StatisticsTable table = acme.analysis()
                    .statistics(StatisticsRequest.builder()
                            .groupBy(StatisticsDimension.PRODUCT)
                            .period(StatisticsPeriod.MONTH)
                            .asOf(TODAY)
                            .currency(Currency.getInstance("CNY"))
                            .build());
            // sum over k of 100 (k + 1) x (k mod 4 + 1) purchases
            BigDecimal expected = BigDecimal.ZERO;
            for (int k = 0; k < 30; k++) {
                expected = expected.add(BigDecimal.valueOf(100L * (k + 1) * (k % 4 + 1)));
            }
            assertThat(table.total().value(StatisticsMeasure.SALES)).isEqualByComparingTo(expected);
            assertThat(table.total().value(StatisticsMeasure.OVERDUE)).isEqualByComparingTo("50.00");
        }
    }
}
