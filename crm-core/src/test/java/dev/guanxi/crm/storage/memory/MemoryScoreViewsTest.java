package dev.guanxi.crm.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.ScoreBatch;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import dev.guanxi.crm.spi.storage.ScoreView;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store keeps a batch's views as rows, builds snapshots on read, and keeps the views of at most two
 * runs: the rows of older runs are built into snapshots when a newer run writes.
 */
@DisplayName("The in-memory store's score rows kept as views")
class MemoryScoreViewsTest {
    private static final TenantId TENANT = TenantId.of("t");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    private final InMemoryStorage storage = new InMemoryStorage();
    /** How many snapshots the views built. */
    private final AtomicInteger built = new AtomicInteger();

    private static CustomerId customer(int k) {
        return new CustomerId(new UUID(0, k));
    }

    private static ScoreSnapshot snapshot(CustomerId customer, UUID run, String grade) {
        return new ScoreSnapshot(
                customer,
                run,
                DAY,
                "h",
                new TreeMap<>(Map.of("x", BigDecimal.ONE)),
                new TreeMap<>(Map.of("grade", grade)));
    }

    /** A batch of a run for customers {@code from} to {@code to - 1}, graded {@code grade}; counts builds. */
    private ScoreBatch batch(UUID run, int from, int to, String grade) {
        return new ScoreBatch() {
            @Override
            public UUID runId() {
                return run;
            }

            @Override
            public LocalDate asOf() {
                return DAY;
            }

            @Override
            public int size() {
                return to - from;
            }

            @Override
            public CustomerId customerId(int row) {
                return customer(from + row);
            }

            @Override
            public ScoreView view(int row) {
                ScoreSnapshot s = snapshot(customerId(row), run, grade);
                return new ScoreView() {
                    @Override
                    public CustomerId customerId() {
                        return s.customerId();
                    }

                    @Override
                    public UUID runId() {
                        return run;
                    }

                    @Override
                    public LocalDate asOf() {
                        return DAY;
                    }

                    @Override
                    public String inputsHash() {
                        return s.inputsHash();
                    }

                    @Override
                    public String label(String name) {
                        return s.label(name);
                    }

                    @Override
                    public BigDecimal metric(String name) {
                        return s.metric(name);
                    }

                    @Override
                    public ScoreSnapshot snapshot() {
                        built.incrementAndGet();
                        return s;
                    }
                };
            }
        };
    }

    private <T> T write(Function<dev.guanxi.crm.spi.storage.UnitOfWork, T> work) {
        return storage.inTransaction(UnitOfWorkContext.write(TENANT), work::apply);
    }

    private <T> T read(Function<dev.guanxi.crm.spi.storage.UnitOfWork, T> work) {
        return storage.inTransaction(UnitOfWorkContext.read(TENANT), work::apply);
    }

    /** The stored rows that are still views (not built snapshots), by a scan. */
    private int views() {
        AtomicInteger n = new AtomicInteger();
        read(uow -> uow.scores().scan(v -> n.addAndGet(v instanceof ScoreSnapshot ? 0 : 1)));
        return n.get();
    }

    @Test
    @DisplayName("a batch is stored without building snapshots; reads build them, scans hand out the views")
    void keptAsViews() {
        UUID run = new UUID(9, 1);
        write(uow -> {
            uow.scores().upsertBatch(batch(run, 0, 5, "KEY"));
            return null;
        });
        assertThat(built).hasValue(0);
        assertThat(views()).isEqualTo(5);

        ScoreSnapshot found = read(uow -> uow.scores().find(customer(3))).orElseThrow();
        assertThat(found).isEqualTo(snapshot(customer(3), run, "KEY"));
        assertThat(built).hasValue(1);
        List<ScoreSnapshot> page =
                read(uow -> uow.scores().list(PageRequest.first(2))).items();
        assertThat(page).extracting(ScoreSnapshot::customerId).containsExactly(customer(0), customer(1));
        Long count = read(uow -> uow.scores().countByRun(run));
        assertThat(count).isEqualTo(5);
        List<String> grades = new ArrayList<>();
        read(uow -> uow.scores().scan(v -> grades.add(v.label("grade"))));
        assertThat(grades).containsExactly("KEY", "KEY", "KEY", "KEY", "KEY");
    }

    @Test
    @DisplayName("the views of at most two runs are kept: a third run's first batch builds the oldest run's rows")
    void twoRunsOfViews() {
        UUID first = new UUID(1, 0);
        UUID second = new UUID(2, 0);
        UUID third = new UUID(3, 0);
        write(uow -> {
            uow.scores().upsertBatch(batch(first, 0, 10, "A"));
            return null;
        });
        write(uow -> {
            uow.scores().upsertBatch(batch(second, 0, 6, "B")); // customers 6 to 9 stay with the first run
            return null;
        });
        assertThat(built).hasValue(0);
        assertThat(views()).isEqualTo(10);

        // a third run that fails after its batch: nothing is built for good
        assertThatThrownBy(() -> write(uow -> {
                    uow.scores().upsertBatch(batch(third, 0, 2, "C"));
                    throw new IllegalStateException("crash");
                }))
                .hasMessage("crash");
        assertThat(views()).isEqualTo(10);
        built.set(0);
        write(uow -> {
            uow.scores().upsertBatch(batch(third, 0, 2, "C"));
            uow.scores().upsertBatch(batch(third, 2, 3, "C")); // a second batch of the same run builds nothing
            return null;
        });

        assertThat(built).hasValue(4); // the first run's customers 6 to 9
        assertThat(views()).isEqualTo(6); // the second run's 3 to 5 and the third's 0 to 2
        for (int k = 0; k < 10; k++) {
            int c = k;
            String grade = read(uow -> uow.scores().find(customer(c)))
                    .orElseThrow()
                    .labels()
                    .get("grade");
            assertThat(grade).isEqualTo(k < 3 ? "C" : k < 6 ? "B" : "A");
        }
    }

    @Test
    @DisplayName("a batch with two rows of one customer is refused and writes nothing; snapshots replace views")
    void duplicatesAndSnapshots() {
        UUID run = new UUID(4, 0);
        ScoreBatch twice = new ScoreBatch() {
            private final ScoreBatch inner = batch(run, 0, 2, "A");

            @Override
            public UUID runId() {
                return run;
            }

            @Override
            public LocalDate asOf() {
                return DAY;
            }

            @Override
            public int size() {
                return 2;
            }

            @Override
            public CustomerId customerId(int row) {
                return customer(0);
            }

            @Override
            public ScoreView view(int row) {
                return inner.view(0);
            }
        };
        assertThatThrownBy(() -> write(uow -> {
                    uow.scores().upsertBatch(twice);
                    return null;
                }))
                .isInstanceOf(IllegalArgumentException.class);
        java.util.Optional<ScoreSnapshot> none = read(uow -> uow.scores().find(customer(0)));
        assertThat(none).isEmpty();

        write(uow -> {
            uow.scores().upsertBatch(batch(run, 0, 2, "A"));
            uow.scores().upsertAll(List.of(snapshot(customer(1), run, "Z")));
            return null;
        });
        assertThat(views()).isEqualTo(1);
        String grade = read(uow -> uow.scores().find(customer(1)))
                .orElseThrow()
                .labels()
                .get("grade");
        assertThat(grade).isEqualTo("Z");
    }
}
