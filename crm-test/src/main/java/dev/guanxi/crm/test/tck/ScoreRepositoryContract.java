package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.ScoreRun;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code ScoreRepository}: snapshots replace each customer's previous one, keep exact
 * decimals and labels, are all or nothing per call, are listed by customer id text and scanned, are counted per
 * run, and
 * never cross tenants; runs are saved, replaced and found.
 */
public abstract class ScoreRepositoryContract extends RepositoryContract {
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 31);
    private static final Instant STARTED = Instant.parse("2026-02-01T02:00:00.123456Z");

    /** Creates the contract. */
    protected ScoreRepositoryContract() {}

    private static ScoreSnapshot snapshot(CustomerId customer, UUID run, String pAlive, String grade) {
        TreeMap<String, BigDecimal> metrics = new TreeMap<>();
        metrics.put("pAlive", new BigDecimal(pAlive));
        metrics.put("clv.eur", new BigDecimal("1234.5600"));
        return new ScoreSnapshot(customer, run, AS_OF, "h-" + pAlive, metrics, new TreeMap<>(Map.of("grade", grade)));
    }

    private Optional<ScoreSnapshot> find(TenantId tenant, CustomerId customer) {
        return read(tenant, uow -> uow.scores().find(customer));
    }

    private long countByRun(TenantId tenant, UUID run) {
        Long n = read(tenant, uow -> uow.scores().countByRun(run));
        return n;
    }

    private Optional<ScoreRun> findRun(TenantId tenant, UUID run) {
        return read(tenant, uow -> uow.scores().findRun(run));
    }

    private Optional<ScoreRun> latestRun(TenantId tenant) {
        return read(tenant, uow -> uow.scores().latestRun());
    }

    private static CustomerId customer(int n) {
        return CustomerId.of(String.format("c0000000-0000-0000-0000-%012d", n));
    }

    @Test
    @DisplayName("a snapshot round-trips exactly (decimal scale, labels, hash) and replaces the previous one")
    void upsertReplaces() {
        UUID run1 = UUID.randomUUID();
        UUID run2 = UUID.randomUUID();
        ScoreSnapshot first = snapshot(customer(1), run1, "0.8500", "KEY");
        run(TENANT_A, uow -> uow.scores().upsertAll(List.of(first)));
        assertThat(find(TENANT_A, customer(1))).contains(first);

        ScoreSnapshot second = snapshot(customer(1), run2, "0.1200", "小客户 🙂");
        run(TENANT_A, uow -> uow.scores().upsertAll(List.of(second)));
        assertThat(find(TENANT_A, customer(1))).contains(second);
        assertThat(countByRun(TENANT_A, run1)).isZero();
        assertThat(countByRun(TENANT_A, run2)).isEqualTo(1);
    }

    @Test
    @DisplayName("a batch with two snapshots of one customer is refused and writes nothing")
    void duplicateInBatchWritesNothing() {
        UUID run = UUID.randomUUID();
        assertThatThrownBy(() -> run(
                        TENANT_A,
                        uow -> uow.scores()
                                .upsertAll(List.of(
                                        snapshot(customer(1), run, "0.5", "A"),
                                        snapshot(customer(2), run, "0.5", "A"),
                                        snapshot(customer(1), run, "0.6", "B")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(countByRun(TENANT_A, run)).isZero();
    }

    @Test
    @DisplayName("a rolled-back unit of work leaves the old snapshots; a batch is all or nothing")
    void rollbackKeepsOldSnapshots() {
        UUID old = UUID.randomUUID();
        List<ScoreSnapshot> before = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            before.add(snapshot(customer(i), old, "0.9", "KEY"));
        }
        run(TENANT_A, uow -> uow.scores().upsertAll(before));
        UUID fresh = UUID.randomUUID();
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    List<ScoreSnapshot> next = new ArrayList<>();
                    for (int i = 1; i <= 50; i++) {
                        next.add(snapshot(customer(i), fresh, "0.1", "SMALL"));
                    }
                    uow.scores().upsertAll(next);
                    throw new IllegalStateException("crash in the middle of a run");
                }))
                .hasMessageContaining("crash");
        assertThat(countByRun(TENANT_A, old)).isEqualTo(50);
        assertThat(countByRun(TENANT_A, fresh)).isZero();
    }

    @Test
    @DisplayName("snapshots are listed by customer id text, paged, and only in their tenant")
    void listsInIdOrderPerTenant() {
        UUID run = UUID.randomUUID();
        List<ScoreSnapshot> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(snapshot(CustomerId.of(UUID.randomUUID().toString()), run, "0." + i, "G" + i));
        }
        all.add(snapshot(CustomerId.of("ffffffff-0000-0000-0000-000000000000"), run, "0.3", "HIGH"));
        run(TENANT_A, uow -> uow.scores().upsertAll(all));
        run(TENANT_B, uow -> uow.scores().upsertAll(List.of(snapshot(customer(7), run, "0.5", "B"))));

        List<ScoreSnapshot> listed = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(10));
        while (next.isPresent()) {
            PageRequest request = next.get();
            Page<ScoreSnapshot> page = read(TENANT_A, uow -> uow.scores().list(request));
            listed.addAll(page.items());
            next = page.nextRequest();
        }
        assertThat(listed)
                .containsExactlyElementsOf(all.stream()
                        .sorted((x, y) -> x.customerId()
                                .value()
                                .toString()
                                .compareTo(y.customerId().value().toString()))
                        .toList());
        assertThat(find(TENANT_B, all.get(0).customerId())).isEmpty();
        assertThat(find(TENANT_A, customer(7))).isEmpty();
        assertThat(countByRun(TENANT_B, run)).isEqualTo(1);
    }

    /** A batch whose views are the given snapshots. */
    private static dev.guanxi.crm.spi.storage.ScoreBatch batch(UUID run, List<ScoreSnapshot> rows) {
        return new dev.guanxi.crm.spi.storage.ScoreBatch() {
            @Override
            public UUID runId() {
                return run;
            }

            @Override
            public LocalDate asOf() {
                return AS_OF;
            }

            @Override
            public int size() {
                return rows.size();
            }

            @Override
            public CustomerId customerId(int row) {
                return rows.get(row).customerId();
            }

            @Override
            public dev.guanxi.crm.spi.storage.ScoreView view(int row) {
                return rows.get(row);
            }
        };
    }

    @Test
    @DisplayName("a batch of views writes as upsertAll does: replaces, all or nothing, one row per customer")
    void batchesWriteAsUpsertAll() {
        UUID run = UUID.randomUUID();
        ScoreSnapshot old = snapshot(customer(1), run, "0.1", "OLD");
        run(TENANT_A, uow -> uow.scores().upsertAll(List.of(old)));
        UUID next = UUID.randomUUID();
        List<ScoreSnapshot> rows =
                List.of(snapshot(customer(1), next, "0.25", "NEW"), snapshot(customer(2), next, "0.5", "NEW"));

        run(TENANT_A, uow -> uow.scores().upsertBatch(batch(next, rows)));

        assertThat(find(TENANT_A, customer(1))).contains(rows.get(0));
        assertThat(find(TENANT_A, customer(2))).contains(rows.get(1));
        assertThat(find(TENANT_B, customer(2))).isEmpty();
        assertThat(countByRun(TENANT_A, next)).isEqualTo(2);
        List<ScoreSnapshot> twice =
                List.of(snapshot(customer(3), run, "0.3", "X"), snapshot(customer(3), run, "0.4", "Y"));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.scores().upsertBatch(batch(run, twice))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(find(TENANT_A, customer(3))).isEmpty();
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.scores().upsertBatch(batch(run, List.of(snapshot(customer(4), run, "0.4", "Z"))));
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");
        assertThat(find(TENANT_A, customer(4))).isEmpty();
        run(TENANT_A, uow -> uow.scores().upsertBatch(batch(run, List.of())));
        assertThat(countByRun(TENANT_A, run)).isZero();
    }

    @Test
    @DisplayName("a scan visits every snapshot of its tenant once, in any order; a visitor's exception ends it")
    void scansInListOrderPerTenant() {
        UUID run = UUID.randomUUID();
        List<ScoreSnapshot> all = new ArrayList<>();
        // more than one page of list(), so that a default scan pages
        for (int i = 0; i < PageRequest.MAX_LIMIT + 5; i++) {
            all.add(snapshot(CustomerId.of(UUID.randomUUID().toString()), run, "0." + i, "G" + i));
        }
        run(TENANT_A, uow -> uow.scores().upsertAll(all));
        run(TENANT_B, uow -> uow.scores().upsertAll(List.of(snapshot(customer(7), run, "0.5", "B"))));
        List<ScoreSnapshot> listed = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_LIMIT));
        while (next.isPresent()) {
            PageRequest request = next.get();
            Page<ScoreSnapshot> page = read(TENANT_A, uow -> uow.scores().list(request));
            listed.addAll(page.items());
            next = page.nextRequest();
        }

        List<ScoreSnapshot> scanned = new ArrayList<>();
        List<String> grades = new ArrayList<>();
        Long count = read(
                TENANT_A,
                uow -> uow.scores().scan(v -> {
                    scanned.add(v.snapshot());
                    grades.add(v.label("grade"));
                    // a view answers as its snapshot does
                    assertThat(v.customerId()).isEqualTo(v.snapshot().customerId());
                    assertThat(v.runId()).isEqualTo(run);
                    assertThat(v.asOf()).isEqualTo(AS_OF);
                    assertThat(v.inputsHash()).isEqualTo(v.snapshot().inputsHash());
                    assertThat(v.metric("pAlive"))
                            .isEqualTo(v.snapshot().metrics().get("pAlive"));
                    assertThat(v.metric("clv.eur")).isEqualByComparingTo("1234.56");
                    assertThat(v.metric("none")).isNull();
                    assertThat(v.label("none")).isNull();
                }));

        assertThat(count).isEqualTo(all.size());
        assertThat(scanned).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(grades)
                .containsExactlyInAnyOrderElementsOf(
                        listed.stream().map(s -> s.labels().get("grade")).toList());
        List<ScoreSnapshot> other = new ArrayList<>();
        Long otherCount = read(TENANT_B, uow -> uow.scores().scan(v -> other.add(v.snapshot())));
        assertThat(otherCount).isEqualTo(1);
        assertThat(other).extracting(ScoreSnapshot::customerId).containsExactly(customer(7));
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> read(
                        TENANT_A,
                        uow -> uow.scores().scan(v -> {
                            seen.add(v.label("grade"));
                            if (seen.size() == 3) {
                                throw new IllegalStateException("enough");
                            }
                        })))
                .hasMessageContaining("enough");
        assertThat(seen).hasSize(3);
    }

    @Test
    @DisplayName("runs are saved, completed (replaced) and found; the latest run is the last started")
    void runs() {
        ScoreRun first =
                new ScoreRun(UUID.randomUUID(), AS_OF, STARTED, null, new TreeMap<>(Map.of("model", "{\"r\":0.24}")));
        ScoreRun second = new ScoreRun(UUID.randomUUID(), AS_OF.plusDays(1), STARTED.plusSeconds(86_400), null, null);
        run(TENANT_A, uow -> uow.scores().saveRun(first));
        run(TENANT_A, uow -> uow.scores().saveRun(second));
        ScoreRun completed = second.complete(STARTED.plusSeconds(86_400 + 42));
        run(TENANT_A, uow -> uow.scores().saveRun(completed));

        assertThat(findRun(TENANT_A, first.id())).contains(first);
        assertThat(latestRun(TENANT_A)).contains(completed);
        assertThat(latestRun(TENANT_B)).isEmpty();
        assertThat(findRun(TENANT_B, first.id())).isEmpty();
    }

    @Test
    @DisplayName("a read-only unit of work refuses to write snapshots")
    void readOnlyRefuses() {
        UUID run = UUID.randomUUID();
        assertThatThrownBy(() -> read(TENANT_A, uow -> {
                    uow.scores().upsertAll(List.of(snapshot(customer(1), run, "0.5", "A")));
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(countByRun(TENANT_A, run)).isZero();
    }
}
