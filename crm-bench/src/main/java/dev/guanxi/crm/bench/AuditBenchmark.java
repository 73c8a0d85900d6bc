package dev.guanxi.crm.bench;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.internal.Gatekeeper;
import dev.guanxi.crm.internal.audit.AuditRecorder;
import dev.guanxi.crm.jdbc.JdbcStorage;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the audit trail costs on the bulk path: the same customers inserted in batches with {@code insertAll}, once
 * on the bare unit of work and once through the {@link Gatekeeper} with an {@link AuditRecorder} (what every write
 * of the SDK does: one CREATE record per customer holding its set fields, appended in batches of 1,000 in the same
 * unit of work); then every customer updated once (one field changed, diffed against the state the unit of work
 * read), again bare and audited. Each variant runs on a fresh store, {@code --runs} times, the best run counts;
 * variants alternate so that warm-up favours neither.
 *
 * <pre>{@code
 * mvn -B -ntp -DskipTests package -pl crm-bench -am
 * java -Xmx2g -cp crm-bench/target/crm-bench.jar dev.guanxi.crm.bench.AuditBenchmark \
 *     --db memory,h2 --customers 100000 --batch 1000 --runs 3
 * }</pre>
 *
 * <p>Prints one line per database and phase: customers per second bare and audited, the overhead, and the audit
 * records written. Not thread-safe; a command-line tool.
 */
public final class AuditBenchmark {
    private static final long SEED = 7;

    private AuditBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args {@code --db memory,h2 --customers N --batch B --runs R --dir DIR}
     * @throws Exception if a database cannot be started
     */
    public static void main(String[] args) throws Exception {
        String dbs = "memory,h2";
        int customers = 100_000;
        int batch = 1_000;
        int runs = 3;
        Path dir = Path.of("crm-bench/target/audit-bench");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--db" -> dbs = args[i + 1];
                case "--customers" -> customers = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Customer> data = BenchData.customers(SEED, 0, customers);
        System.out.printf(
                Locale.ROOT, "audit benchmark: %,d customers, batches of %,d, best of %d%n", customers, batch, runs);
        for (String db : dbs.split(",")) {
            long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
            long records = 0;
            for (int run = 0; run < runs; run++) {
                for (int variant = 0; variant < 2; variant++) {
                    boolean audited = (run + variant) % 2 == 1;
                    try (Store store = Store.open(db, dir.resolve(db + "-" + run + "-" + variant))) {
                        long t0 = System.nanoTime();
                        long written = insert(store.storage, data, batch, audited);
                        long t1 = System.nanoTime();
                        written += update(store.storage, data, batch, audited);
                        long t2 = System.nanoTime();
                        int slot = audited ? 1 : 0;
                        best[slot] = Math.min(best[slot], t1 - t0);
                        best[slot + 2] = Math.min(best[slot + 2], t2 - t1);
                        if (audited) {
                            records = written;
                        }
                    }
                }
            }
            print(db, "insertAll", customers, best[0], best[1]);
            print(db, "update", customers, best[2], best[3]);
            System.out.printf(Locale.ROOT, "%-8s audit records written: %,d%n", db, records);
        }
    }

    private static void print(String db, String phase, int n, long bare, long audited) {
        System.out.printf(
                Locale.ROOT,
                "%-8s %-9s bare %,10.0f/s  audited %,10.0f/s  overhead %+6.1f%%%n",
                db,
                phase,
                n / (bare / 1e9),
                n / (audited / 1e9),
                100.0 * (audited - bare) / bare);
    }

    private static long insert(Storage storage, List<Customer> data, int batch, boolean audited) {
        long written = 0;
        for (int from = 0; from < data.size(); from += batch) {
            List<Customer> slice = data.subList(from, Math.min(data.size(), from + batch));
            written += inUnit(storage, audited, uow -> uow.customers().insertAll(slice));
        }
        return written;
    }

    private static long update(Storage storage, List<Customer> data, int batch, boolean audited) {
        long written = 0;
        Instant now = BenchData.EPOCH.plusSeconds(30L * 86_400);
        for (int from = 0; from < data.size(); from += batch) {
            List<Customer> slice = data.subList(from, Math.min(data.size(), from + batch));
            written += inUnit(storage, audited, uow -> {
                for (Customer c : slice) {
                    Customer current = uow.customers().find(c.id()).orElseThrow();
                    uow.customers()
                            .update(
                                    current.version(),
                                    current.revise(
                                            current.toDraft()
                                                    .legalName("Legal " + c.displayName())
                                                    .build(),
                                            now));
                }
            });
        }
        return written;
    }

    private static long inUnit(Storage storage, boolean audited, java.util.function.Consumer<UnitOfWork> work) {
        return storage.inTransaction(UnitOfWorkContext.write(BenchData.TENANT), raw -> {
            if (!audited) {
                work.accept(raw);
                return 0L;
            }
            AuditRecorder recorder = new AuditRecorder(raw.audit(), Instant.EPOCH, StaffId.of("importer"), "bench");
            work.accept(Gatekeeper.wrap(raw, recorder));
            recorder.flush();
            return recorder.written();
        });
    }

    /** A fresh store of one kind. */
    private static final class Store implements AutoCloseable {
        final Storage storage;
        private final List<AutoCloseable> resources = new ArrayList<>();

        private Store(Storage storage) {
            this.storage = storage;
        }

        static Store open(String kind, Path dir) {
            if (kind.equals("memory")) {
                return new Store(new InMemoryStorage());
            }
            BenchDatabase db = BenchDatabase.start(kind, dir, false);
            Store store = new Store(
                    JdbcStorage.builder(db.dataSource()).dialect(db.dialect()).build());
            store.resources.add(db);
            return store;
        }

        @Override
        public void close() throws Exception {
            storage.close();
            for (AutoCloseable r : resources) {
                r.close();
            }
        }
    }
}
