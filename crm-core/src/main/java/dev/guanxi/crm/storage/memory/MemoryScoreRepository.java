package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.ScoreRepository;
import dev.guanxi.crm.spi.storage.ScoreRun;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Score snapshots by customer and runs by id, in the transaction's tables. */
final class MemoryScoreRepository implements ScoreRepository {
    private static final Comparator<ScoreSnapshot> BY_CUSTOMER =
            Comparator.comparing(s -> s.customerId().value(), MemoryRepository::compareAsText);

    private final MemoryTable<CustomerId, ScoreSnapshot> snapshots;
    private final MemoryTable<UUID, ScoreRun> runs;

    MemoryScoreRepository(MemoryTransaction tx) {
        this.snapshots = new MemoryTable<>(tx, ScoreSnapshot.class.getName(), ScoreSnapshot.class);
        this.runs = new MemoryTable<>(tx, ScoreRun.class.getName(), ScoreRun.class);
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

    @Override
    public Optional<ScoreSnapshot> find(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return snapshots.get(customerId);
    }

    @Override
    public Page<ScoreSnapshot> list(PageRequest page) {
        Objects.requireNonNull(page, "page");
        // sorted once and shared until the next write of the table (a run pages through every snapshot twice)
        return Page.slice(snapshots.derived(BY_CUSTOMER, this::sorted), page);
    }

    @Override
    public long scan(java.util.function.Consumer<? super dev.guanxi.crm.spi.storage.ScoreView> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        List<ScoreSnapshot> rows = snapshots.derived(BY_CUSTOMER, this::sorted);
        for (ScoreSnapshot s : rows) {
            visitor.accept(s);
        }
        return rows.size();
    }

    private List<ScoreSnapshot> sorted() {
        List<ScoreSnapshot> rows = snapshots.rows();
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
