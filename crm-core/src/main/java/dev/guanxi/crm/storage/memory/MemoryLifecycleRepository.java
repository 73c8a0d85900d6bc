package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.lifecycle.ChurnReason;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.lifecycle.LifecycleState;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.spi.storage.LifecycleRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * In-memory {@link LifecycleRepository}. Transitions are kept by (customer, sequence) with each customer's
 * current stage and highest sequence, so appending costs O(1) and reading a log O(its length); the period and
 * current-stage scans sort the tenant's rows, O(n log n), which is enough for the reference store. Used by one
 * unit of work at a time; not thread-safe on its own.
 */
final class MemoryLifecycleRepository implements LifecycleRepository {
    private static final String LOG = StageTransition.class.getName();
    private static final String CHURN = ChurnReason.class.getName();

    /** A customer's current stage and the sequence of the transition that entered it. */
    private record Current(CustomerId customerId, LifecycleStage stage, Instant since, long sequence) {}

    private record Key(CustomerId customerId, long sequence) {}

    private record ChurnKey(CustomerId customerId, Instant lostAt) {}

    /** A logged transition and its position in the customer's log (from 1). */
    private record Row(StageTransition transition, long sequence) {}

    private final MemoryTable<Key, Row> log;
    private final MemoryTable<CustomerId, Current> current;
    private final MemoryTable<ChurnKey, ChurnReason> churn;

    MemoryLifecycleRepository(MemoryTransaction tx) {
        this.log = new MemoryTable<>(tx, LOG, Row.class);
        this.current = new MemoryTable<>(tx, LOG + "#current", Current.class);
        this.churn = new MemoryTable<>(tx, CHURN, ChurnReason.class);
    }

    @Override
    public void appendAll(List<StageTransition> transitions) {
        Objects.requireNonNull(transitions, "transitions");
        for (StageTransition t : transitions) {
            Objects.requireNonNull(t, "transition");
            Optional<Current> now = current.get(t.customerId());
            LifecycleStage stage = now.map(Current::stage).orElse(null);
            long sequence = now.map(Current::sequence).orElse(0L);
            if (stage != t.from()) {
                throw new StaleVersionException("LifecycleStage", t.customerId(), sequence);
            }
            log.put(new Key(t.customerId(), sequence + 1), new Row(t, sequence + 1));
            current.put(t.customerId(), new Current(t.customerId(), t.to(), t.at(), sequence + 1));
        }
    }

    @Override
    public List<StageTransition> history(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        long last = current.get(customerId).map(Current::sequence).orElse(0L);
        List<StageTransition> list = new ArrayList<>((int) last);
        for (long s = 1; s <= last; s++) {
            log.get(new Key(customerId, s)).ifPresent(r -> list.add(r.transition()));
        }
        return List.copyOf(list);
    }

    @Override
    public Optional<LifecycleState> current(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return current.get(customerId).map(c -> LifecycleState.of(c.stage(), c.since()));
    }

    @Override
    public long scanCurrent(BiConsumer<CustomerId, LifecycleState> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        List<Current> rows = current.derived(SORTED, this::sortedById);
        for (Current c : rows) {
            visitor.accept(c.customerId(), LifecycleState.of(c.stage(), c.since()));
        }
        return rows.size();
    }

    /** The key of the current stages in customer id order in the table's cache of derived data. */
    private static final String SORTED = "sorted";

    /** A current stage with the halves of its customer's UUID, so sorting reads no object but this one. */
    private record ByUuid(long hi, long lo, Current row) {}

    /**
     * The current stages in the order of the ids' text without building it (as MemoryRepository.scan sorts);
     * O(n log n), cached until the table is next written.
     */
    private List<Current> sortedById() {
        List<Current> rows = current.rows();
        ByUuid[] keyed = new ByUuid[rows.size()];
        for (int k = 0; k < keyed.length; k++) {
            Current c = rows.get(k);
            java.util.UUID id = c.customerId().value();
            keyed[k] = new ByUuid(id.getMostSignificantBits(), id.getLeastSignificantBits(), c);
        }
        // ids are unique in this table, so the parallel sort (on the common pool) has one possible result
        java.util.Arrays.parallelSort(keyed, (x, y) -> {
            int c = Long.compareUnsigned(x.hi(), y.hi());
            return c != 0 ? c : Long.compareUnsigned(x.lo(), y.lo());
        });
        List<Current> sorted = new ArrayList<>(keyed.length);
        for (ByUuid k : keyed) {
            sorted.add(k.row());
        }
        return java.util.Collections.unmodifiableList(sorted);
    }

    @Override
    public long scanTransitions(Instant from, Instant to, Consumer<StageTransition> visitor) {
        checkPeriod(from, to);
        Objects.requireNonNull(visitor, "visitor");
        List<Row> rows = new ArrayList<>();
        for (Row r : log.rows()) {
            Instant at = r.transition().at();
            if (!at.isBefore(from) && at.isBefore(to)) {
                rows.add(r);
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.transition().at())
                .thenComparing(r -> r.transition().customerId().value(), MemoryRepository::compareAsText)
                .thenComparingLong(Row::sequence));
        rows.forEach(r -> visitor.accept(r.transition()));
        return rows.size();
    }

    @Override
    public void putChurnReason(ChurnReason reason) {
        Objects.requireNonNull(reason, "reason");
        churn.put(new ChurnKey(reason.customerId(), reason.lostAt()), reason);
    }

    @Override
    public List<ChurnReason> churnReasons(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        List<ChurnReason> list = new ArrayList<>();
        for (ChurnReason r : churn.rows()) {
            if (r.customerId().equals(customerId)) {
                list.add(r);
            }
        }
        list.sort(Comparator.comparing(ChurnReason::lostAt));
        return List.copyOf(list);
    }

    @Override
    public long scanChurnReasons(Instant from, Instant to, Consumer<ChurnReason> visitor) {
        checkPeriod(from, to);
        Objects.requireNonNull(visitor, "visitor");
        List<ChurnReason> list = new ArrayList<>();
        for (ChurnReason r : churn.rows()) {
            if (!r.lostAt().isBefore(from) && r.lostAt().isBefore(to)) {
                list.add(r);
            }
        }
        list.sort(Comparator.comparing(ChurnReason::lostAt)
                .thenComparing(r -> r.customerId().value(), MemoryRepository::compareAsText));
        list.forEach(visitor);
        return list.size();
    }

    private static void checkPeriod(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends at " + to + " before it starts at " + from);
        }
    }

    /** Replaces the reasons of a customer's transitions and the notes of its churn reasons; returns how many changed. */
    int scrub(CustomerId customerId, String marker) {
        int changed = 0;
        long last = current.get(customerId).map(Current::sequence).orElse(0L);
        for (long s = 1; s <= last; s++) {
            Key key = new Key(customerId, s);
            Row row = log.get(key).orElse(null);
            if (row != null && !row.transition().reason().equals(marker)) {
                StageTransition t = row.transition();
                log.put(
                        key,
                        new Row(
                                new StageTransition(
                                        t.customerId(), t.from(), t.to(), t.at(), t.cause(), marker, t.reasons()),
                                s));
                changed++;
            }
        }
        for (ChurnReason c : churnReasons(customerId)) {
            if (c.note() != null && !c.note().equals(marker)) {
                churn.put(
                        new ChurnKey(customerId, c.lostAt()),
                        new ChurnReason(
                                c.customerId(),
                                c.lostAt(),
                                c.code(),
                                c.competitorId(),
                                marker,
                                c.recordedAt(),
                                c.recordedBy()));
                changed++;
            }
        }
        return changed;
    }
}
