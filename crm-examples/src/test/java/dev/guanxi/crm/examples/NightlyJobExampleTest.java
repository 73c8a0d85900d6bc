package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.examples.NightlyJobExample.NightlyJob;
import dev.guanxi.crm.examples.NightlyJobExample.Summary;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.test.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NightlyJobExampleTest {
    /** Counts every customer's logged transitions dated on a day, by "FROM -> TO", from the lifecycle log alone. */
    private static SortedMap<String, Integer> loggedOn(TenantCrm tenant, LocalDate day) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        PageRequest page = PageRequest.first(200);
        while (page != null) {
            Page<Customer> customers = tenant.customers().query(CustomerQuery.all(), page);
            for (Customer c : customers.items()) {
                for (StageTransition t : tenant.lifecycle().history(c.id()).transitions()) {
                    if (LocalDate.ofInstant(t.at(), ZoneOffset.UTC).equals(day)) {
                        String key = (t.from() == null ? "(new)" : t.from().name()) + " -> " + t.to();
                        counts.merge(key, 1, Integer::sum);
                    }
                }
            }
            page = customers.nextRequest().orElse(null);
        }
        return counts;
    }

    @Test
    @DisplayName("two nights 120 days apart: each summary equals the transitions the lifecycle log holds for its day")
    void summaryMatchesTheLifecycleLog() {
        MutableClock clock = MutableClock.at("2026-03-01T02:00:00Z");
        try (Crm crm = Crm.builder().clock(clock).build()) {
            TenantCrm tenant = crm.tenant("acme");
            NightlyJobExample.generate(tenant, 300, LocalDate.of(2026, 2, 28), 7L);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            NightlyJob job = new NightlyJob(tenant, clock, new PrintStream(buffer, true, StandardCharsets.UTF_8));

            job.run(); // scores 2026-02-28, the day that just ended
            Summary first = job.last();
            assertThat(first.asOf()).isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(first.customers()).isEqualTo(300);
            // the first night places every customer once
            assertThat(first.transitionCount()).isEqualTo(300);
            assertThat(first.transitions()).isEqualTo(loggedOn(tenant, first.asOf()));

            clock.advance(Duration.ofDays(120));
            job.run(); // scores 2026-06-28: no purchases since, so customers drift to AT_RISK or LOST
            Summary second = job.last();
            assertThat(second.transitions()).isEqualTo(loggedOn(tenant, LocalDate.of(2026, 6, 28)));
            assertThat(second.transitionCount()).isPositive();
            assertThat(second.transitions().keySet()).allMatch(k -> !k.startsWith("(new)"));
            assertThat(buffer.toString(StandardCharsets.UTF_8))
                    .contains("nightly run 2026-02-28: 300 customers, 300 snapshots written, 300 transitions")
                    .contains("nightly run 2026-06-28: 300 customers, ");
        }
    }

    @Test
    @DisplayName("main --once scores the generated tenant once and prints the summary")
    void mainOnce() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            NightlyJobExample.main(new String[] {"--once"});
        } finally {
            System.setOut(original);
        }
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0))
                .matches("nightly run \\d{4}-\\d{2}-\\d{2}: 500 customers, 500 snapshots written, 500 transitions");
        // one line per from -> to pair, all first placements, adding up to the 500 of the header
        int sum = lines.subList(1, lines.size()).stream()
                .peek(l -> assertThat(l).matches("  \\(new\\) -> [A-Z_]+: \\d+"))
                .mapToInt(l -> Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
        assertThat(sum).isEqualTo(500);
    }
}
