package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.spi.storage.AggregateRepository;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The generic in-memory repository: versioned rows, unique keys and filtered, sorted listing. Concrete
 * repositories add their queries on top of {@link #select}.
 *
 * @param <I> the id type
 * @param <A> the aggregate type
 */
abstract class MemoryRepository<I, A extends Aggregate<I>> implements AggregateRepository<I, A> {
    private final MemoryTable<I, A> table;
    private final String entityType;
    private final Class<A> type;
    private final List<UniqueKey<A>> uniqueKeys = new ArrayList<>();

    MemoryRepository(MemoryTransaction tx, Class<A> type) {
        this.table = new MemoryTable<>(tx, type.getName(), type);
        this.entityType = type.getSimpleName();
        this.type = type;
    }

    /** @return the table, as this repository's transaction sees it */
    final MemoryTable<I, A> table() {
        return table;
    }

    /**
     * Declares a value that must be unique per tenant among the aggregates of this repository.
     *
     * @param field the field named in {@link DuplicateKeyException}
     * @param key the value, or empty when the aggregate has none
     */
    final void unique(String field, Function<A, Optional<?>> key) {
        uniqueKeys.add(new UniqueKey<>(field, key));
        table.transaction().declareUnique(table.name(), field, row -> key.apply(type.cast(row)));
    }

    @Override
    public Optional<A> find(I id) {
        Objects.requireNonNull(id, "id");
        return table.get(id);
    }

    @Override
    public void insert(A aggregate) {
        Objects.requireNonNull(aggregate, "aggregate");
        if (table.get(aggregate.id()).isPresent()) {
            throw new DuplicateKeyException("id", String.valueOf(aggregate.id()), aggregate.id());
        }
        checkUnique(aggregate);
        table.put(aggregate.id(), aggregate);
    }

    @Override
    public void insertAll(List<A> aggregates) {
        Objects.requireNonNull(aggregates, "aggregates");
        // Check everything first, so that a refused list leaves nothing behind even if the caller goes on.
        Map<Object, Object> seenIds = new HashMap<>();
        Map<String, Map<Object, Object>> seenKeys = new HashMap<>();
        for (A aggregate : aggregates) {
            Objects.requireNonNull(aggregate, "aggregate");
            if (table.get(aggregate.id()).isPresent() || seenIds.containsKey(aggregate.id())) {
                throw new DuplicateKeyException("id", String.valueOf(aggregate.id()), aggregate.id());
            }
            seenIds.put(aggregate.id(), aggregate.id());
            checkUnique(aggregate);
            for (UniqueKey<A> key : uniqueKeys) {
                Optional<?> value = key.value().apply(aggregate);
                if (value.isPresent()) {
                    Object holder = seenKeys.computeIfAbsent(key.field(), f -> new HashMap<>())
                            .putIfAbsent(value.get(), aggregate.id());
                    if (holder != null) {
                        throw new DuplicateKeyException(key.field(), String.valueOf(value.get()), holder);
                    }
                }
            }
        }
        for (A aggregate : aggregates) {
            table.put(aggregate.id(), aggregate);
        }
    }

    @Override
    public void update(long expectedVersion, A aggregate) {
        Objects.requireNonNull(aggregate, "aggregate");
        if (aggregate.version() != expectedVersion + 1) {
            throw new IllegalArgumentException(
                    "new version must be " + (expectedVersion + 1) + ", got " + aggregate.version());
        }
        A current = table.get(aggregate.id()).orElseThrow(() -> new NotFoundException(entityType, aggregate.id()));
        if (current.version() != expectedVersion) {
            throw new StaleVersionException(entityType, aggregate.id(), expectedVersion);
        }
        checkUnique(aggregate);
        table.put(aggregate.id(), aggregate);
    }

    @Override
    public void delete(I id, long expectedVersion) {
        A current = table.get(id).orElseThrow(() -> new NotFoundException(entityType, id));
        if (current.version() != expectedVersion) {
            throw new StaleVersionException(entityType, id, expectedVersion);
        }
        table.remove(id);
    }

    /**
     * Finds the aggregate whose unique key {@code field} has {@code value}, in O(1): this transaction's own unique
     * index first, then the committed unique index. A committed owner
     * that this transaction rewrote or deleted counts only through its new row.
     *
     * @param field the field, exactly as declared with {@link #unique}
     * @param value the key's value, of the shape the declared key function returns
     * @return the aggregate, or empty
     */
    final Optional<A> findUnique(String field, Object value) {
        Objects.requireNonNull(value, "value");
        UniqueKey<A> key = uniqueKeys.stream()
                .filter(k -> k.field().equals(field))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unique key " + field));
        MemoryTransaction tx = table.transaction();
        Map<Object, Object> written = tx.writes(table.name());
        Object writer = tx.writtenOwner(table.name(), key.field(), value);
        if (writer != null) {
            @SuppressWarnings("unchecked")
            I id = (I) writer;
            return table.get(id);
        }
        Object owner = tx.committedOwner(table.name(), field, value);
        if (owner == null || written.containsKey(owner)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        I id = (I) owner;
        return table.get(id);
    }

    /**
     * Returns the aggregates that match, sorted; ties broken by id so the order is total.
     *
     * @param filter which aggregates
     * @param order the order
     * @return a new list
     */
    final List<A> select(Predicate<? super A> filter, Comparator<A> order) {
        // The tie-break key (the id's text form) is built once per row, not twice per comparison.
        List<Keyed<A>> keyed = new ArrayList<>();
        for (A a : table.rows()) {
            if (filter.test(a)) {
                keyed.add(new Keyed<>(String.valueOf(a.id()), a));
            }
        }
        keyed.sort((x, y) -> {
            int c = order.compare(x.row(), y.row());
            return c != 0 ? c : x.key().compareTo(y.key());
        });
        List<A> rows = new ArrayList<>(keyed.size());
        for (Keyed<A> k : keyed) {
            rows.add(k.row());
        }
        return rows;
    }

    @Override
    public long scan(java.util.function.Consumer<? super A> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        List<A> rows = table.derived(SCAN, this::sortedById);
        for (A row : rows) {
            visitor.accept(row);
        }
        return rows.size();
    }

    /** The key of the rows in id order in the table's cache of derived data. */
    private static final String SCAN = "scan";

    /**
     * Every row in the order of the ids' text: for the SDK's id records of one UUID, the unsigned order of the
     * UUIDs (the order of their text forms, as the JDBC stores order them) without building the text.
     * O(n log n), cached until the table is next written.
     */
    private List<A> sortedById() {
        List<A> rows = table.rows();
        if (rows.isEmpty()) {
            return List.of();
        }
        Method uuid = UUID_OF.get(rows.get(0).id().getClass());
        if (uuid != null) {
            @SuppressWarnings("unchecked")
            ByUuid<A>[] keyed = new ByUuid[rows.size()];
            for (int k = 0; k < keyed.length; k++) {
                A a = rows.get(k);
                UUID id = (UUID) invoke(uuid, a.id());
                keyed[k] = new ByUuid<>(id.getMostSignificantBits(), id.getLeastSignificantBits(), a);
            }
            // ids are the table's keys, unique, so the parallel sort (on the common pool) has one possible result
            Arrays.parallelSort(keyed, ByUuid::compare);
            List<A> sorted = new ArrayList<>(keyed.length);
            for (ByUuid<A> k : keyed) {
                sorted.add(k.row());
            }
            return Collections.unmodifiableList(sorted);
        }
        List<Keyed<A>> keyed = new ArrayList<>(rows.size());
        for (A a : rows) {
            keyed.add(new Keyed<>(idKey(a.id()), a));
        }
        keyed.sort(Comparator.comparing(Keyed::key));
        List<A> sorted = new ArrayList<>(keyed.size());
        for (Keyed<A> k : keyed) {
            sorted.add(k.row());
        }
        return Collections.unmodifiableList(sorted);
    }

    /** The accessor of an id record's only component when that is a UUID, else null; looked up once per class. */
    private static final ClassValue<Method> UUID_OF = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components != null && components.length == 1 && components[0].getType() == UUID.class
                    ? components[0].getAccessor()
                    : null;
        }
    };

    private static Object invoke(Method accessor, Object id) {
        try {
            return accessor.invoke(id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id's sort key: the text of a one-component id record's value, as the JDBC stores order them. */
    private static String idKey(Object id) {
        if (id instanceof Record r && r.getClass().getRecordComponents().length == 1) {
            return String.valueOf(invoke(r.getClass().getRecordComponents()[0].getAccessor(), r));
        }
        return String.valueOf(id);
    }

    /** A row with the two halves of its UUID, ordered as {@link #compareAsText}. */
    private record ByUuid<A>(long hi, long lo, A row) {
        static int compare(ByUuid<?> x, ByUuid<?> y) {
            int c = Long.compareUnsigned(x.hi, y.hi);
            return c != 0 ? c : Long.compareUnsigned(x.lo, y.lo);
        }
    }

    /**
     * Counts the aggregates that match, without sorting them.
     *
     * @param filter which aggregates
     * @return the count
     */
    final long count(Predicate<? super A> filter) {
        long n = 0;
        for (A a : table.rows()) {
            if (filter.test(a)) {
                n++;
            }
        }
        return n;
    }

    /**
     * O(1): this transaction's own writes are looked up in its own unique index, the committed rows in the unique
     * index the transaction maintains on commit.
     */
    private void checkUnique(A aggregate) {
        MemoryTransaction tx = table.transaction();
        Map<Object, Object> written = tx.writes(table.name());
        for (UniqueKey<A> key : uniqueKeys) {
            Optional<?> value = key.value().apply(aggregate);
            if (value.isEmpty()) {
                continue;
            }
            Object writer = tx.writtenOwner(table.name(), key.field(), value.get());
            if (writer != null && !writer.equals(aggregate.id())) {
                throw new DuplicateKeyException(key.field(), String.valueOf(value.get()), writer);
            }
            Object owner = tx.committedOwner(table.name(), key.field(), value.get());
            if (owner != null && !owner.equals(aggregate.id()) && !written.containsKey(owner)) {
                throw new DuplicateKeyException(key.field(), String.valueOf(value.get()), owner);
            }
        }
    }

    /**
     * The order of the UUIDs' text forms (fixed-width lower-case hex), without building the text: the unsigned
     * order of the most, then the least significant 64 bits. Not {@code UUID.compareTo}, which is signed.
     */
    static int compareAsText(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private record Keyed<A>(String key, A row) {}

    private record UniqueKey<A>(String field, Function<A, Optional<?>> value) {}
}
