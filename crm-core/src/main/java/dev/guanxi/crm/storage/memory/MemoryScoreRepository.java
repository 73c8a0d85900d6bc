package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.ScoreBatch;
import dev.guanxi.crm.spi.storage.ScoreRepository;
import dev.guanxi.crm.spi.storage.ScoreRun;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import dev.guanxi.crm.spi.storage.ScoreView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Score snapshots by customer and runs by id, in the transaction's tables. A customer's row is either a {@link
 * ScoreSnapshot} ({@link #upsertAll}) or a {@link ScoreView} of a {@link ScoreBatch} ({@link #upsertBatch}),
 * kept as it is: a run writes no snapshot, map or reason, and a snapshot is built when one is read ({@link #find},
 * {@link #list}); {@link #scan} hands the views out, unsorted.
 *
 * <p>The views keep their run's results reachable. So that a long-lived store does not keep every run's results,
 * the views of at most {@value #VIEW_RUNS} runs are kept: when a batch of a newer run is written, the rows still
 * held as views of the oldest run are built into snapshots, in the same transaction (O(rows) once per run, plus
 * the rows that run still holds).
 */
final class MemoryScoreRepository implements ScoreRepository {
    /** The most runs whose views are kept as rows. */
    static final int VIEW_RUNS = 2;

    private static final Comparator<ScoreView> BY_CUSTOMER =
            Comparator.comparing(s -> s.customerId().value(), MemoryRepository::compareAsText);

    /** The key of the one row of the table of the runs whose views are kept, oldest first. */
    private static final String VIEW_RUNS_KEY = "runs";

    private final MemoryTable<CustomerId, ScoreView> snapshots;
    private final MemoryTable<UUID, ScoreRun> runs;
    private final MemoryTable<String, ViewRuns> viewRuns;

    /** The runs whose views are kept as rows, oldest first. */
    record ViewRuns(List<UUID> runs) {}

    MemoryScoreRepository(MemoryTransaction tx) {
        this.snapshots = new MemoryTable<>(tx, ScoreSnapshot.class.getName(), ScoreView.class);
        this.runs = new MemoryTable<>(tx, ScoreRun.class.getName(), ScoreRun.class);
        this.viewRuns = new MemoryTable<>(tx, ScoreSnapshot.class.getName() + "#viewRuns", ViewRuns.class);
    }

    @Override
    public void upsertAll(List<ScoreSnapshot> list) {
        Objects.requireNonNull(list, "snapshots");
        Set<CustomerId> seen = new HashSet<>();
        for (ScoreSnapshot s : list) {
            if (!seen.add(s.customerId())) {
                throw new IllegalArgumentException("two snapshots for customer " + s.customerId());
            }
        }
        list.forEach(s -> snapshots.put(s.customerId(), s));
    }

    /** Keeps the batch's views as the rows (O(rows)); see the class comment for the runs whose views are kept. */
    @Override
    public void upsertBatch(ScoreBatch batch) {
        Objects.requireNonNull(batch, "batch");
        int n = batch.size();
        Set<CustomerId> seen = new HashSet<>(n * 2);
        for (int row = 0; row < n; row++) {
            if (!seen.add(batch.customerId(row))) {
                throw new IllegalArgumentException("two snapshots for customer " + batch.customerId(row));
            }
        }
        if (n == 0) {
            return;
        }
        keepViewsOf(batch.runId());
        for (int row = 0; row < n; row++) {
            snapshots.put(batch.customerId(row), batch.view(row));
        }
    }

    /** Records that rows are views of {@code run}; builds the rows of runs beyond the newest {@value #VIEW_RUNS}. */
    private void keepViewsOf(UUID run) {
        List<UUID> kept = viewRuns.get(VIEW_RUNS_KEY).map(ViewRuns::runs).orElse(List.of());
        if (kept.contains(run)) {
            return;
        }
        List<UUID> next = new ArrayList<>(kept);
        next.add(run);
        Set<UUID> dropped = new HashSet<>();
        while (next.size() > VIEW_RUNS) {
            dropped.add(next.remove(0));
        }
        if (!dropped.isEmpty()) {
            for (ScoreView row : snapshots.rows()) {
                if (!(row instanceof ScoreSnapshot) && dropped.contains(row.runId())) {
                    snapshots.put(row.customerId(), row.snapshot());
                }
            }
        }
        viewRuns.put(VIEW_RUNS_KEY, new ViewRuns(List.copyOf(next)));
    }

    @Override
    public Optional<ScoreSnapshot> find(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return snapshots.get(customerId).map(ScoreView::snapshot);
    }

    @Override
    public Page<ScoreSnapshot> list(PageRequest page) {
        Objects.requireNonNull(page, "page");
        // sorted once and shared until the next write of the table; snapshots built for the page only
        Page<ScoreView> views = Page.slice(snapshots.derived(BY_CUSTOMER, this::sorted), page);
        List<ScoreSnapshot> items = new ArrayList<>(views.items().size());
        for (ScoreView v : views.items()) {
            items.add(v.snapshot());
        }
        return new Page<>(items, page, views.hasMore());
    }

    /** In no particular order: the rows as the table holds them, O(rows), no sort. */
    @Override
    public long scan(Consumer<? super ScoreView> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        List<ScoreView> rows = snapshots.rows();
        for (ScoreView s : rows) {
            visitor.accept(s);
        }
        return rows.size();
    }

    private List<ScoreView> sorted() {
        List<ScoreView> rows = snapshots.rows();
        rows.sort(BY_CUSTOMER);
        return java.util.Collections.unmodifiableList(rows);
    }

    @Override
    public long countByRun(UUID runId) {
        Objects.requireNonNull(runId, "runId");
        return snapshots.rows().stream().filter(s -> s.runId().equals(runId)).count();
    }

    @Override
    public void saveRun(ScoreRun run) {
        Objects.requireNonNull(run, "run");
        runs.put(run.id(), run);
    }

    @Override
    public Optional<ScoreRun> findRun(UUID runId) {
        Objects.requireNonNull(runId, "runId");
        return runs.get(runId);
    }

    @Override
    public Optional<ScoreRun> latestRun() {
        return runs.rows().stream()
                .max(Comparator.comparing(ScoreRun::startedAt).thenComparing(r -> r.id().toString()));
    }
}
