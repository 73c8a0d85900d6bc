package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.CrmException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.spi.storage.StorageException;
import dev.guanxi.crm.stewardship.ImportCounts;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportOptions;
import dev.guanxi.crm.stewardship.ImportResult;
import dev.guanxi.crm.stewardship.MergeOptions;
import dev.guanxi.crm.stewardship.MergePlan;
import dev.guanxi.crm.test.MutableClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Deterministic interleavings of two sessions on one customer (RELIABILITY C7, after PostgreSQL's {@code
 * src/test/isolation}): session A runs an operation on customer X through the public API — an update of another
 * field, a merge of X into Y or of Y into X, a delete, an erasure of X's personal data, a CSV import of a row with
 * X's external id, a classification (the customer's score snapshot) — while session B reads X and then updates it
 * with the version it read (adds the tag {@code b}). Each session is a list of steps, each step one API call on
 * its own thread; every order of the steps that keeps each session's own order is run (the permutations), plus two
 * overlaps: A's writing transaction held open just before its commit while B writes, and B's held while A runs its
 * last step. If the other session blocks on a lock then (a database's row lock, the in-memory store's write lock),
 * the harness notices it, lets the held one commit and then lets the other finish; whether it blocked depends on
 * the store and is not part of the result.
 *
 * <p>The result of each schedule — each session's outcome ({@code ok}, or the exact class of the typed exception
 * that stopped it) and the final state of X (and Y) — must equal the line of the checked-in golden table {@value
 * #GOLDEN} (a resource next to this class), which was written by reasoning about what the SDK should do:
 * optimistic locking (the second writer with a stale version gets {@code StaleVersionException}, never a lost
 * update), writes naming a customer that is gone get {@code NoSuchCustomerException}, reads of a merged customer
 * resolve to the survivor. Every schedule runs in a tenant of its own on the store under test. On a mismatch the
 * failure lists the differing lines and the whole actual table, so that a reviewer can update the file on purpose.
 */
public abstract class InterleavingContract extends RepositoryContract {
    /** The golden table's resource name, next to this class. */
    public static final String GOLDEN = "interleavings.golden";

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static final Duration STEP_LIMIT = Duration.ofSeconds(20);
    private static final String EXTERNAL_ID = "x-ext";

    /** Creates the contract. */
    protected InterleavingContract() {}

    /**
     * How long the harness waits for one session while the other's transaction is held before its commit, before
     * it decides that the session is blocked and lets the held one commit. A session is also taken as blocked as
     * soon as its thread is seen waiting.
     *
     * @return by default 1 second
     */
    protected Duration blockingWait() {
        return Duration.ofSeconds(1);
    }

    /** The operations of session A. */
    enum Op {
        UPDATE("update", "customers"),
        MERGE_X_INTO_Y("merge x->y", "customers"),
        MERGE_Y_INTO_X("merge y->x", "customers"),
        DELETE("delete", "customers"),
        ERASE("erase", "customers"),
        IMPORT("import", "customers"),
        CLASSIFY("classify", "scores");

        final String label;
        /** The repository whose write in A's transaction is held before commit in the overlap schedule. */
        final String watched;

        Op(String label, String watched) {
            this.label = label;
            this.watched = watched;
        }
    }

    /** One session's state: what it read and how it ended. */
    private static final class Session {
        final String name;
        CustomerId id;
        long version;
        MergePlan plan;
        String outcome = "ok";
        RuntimeException failure;

        Session(String name) {
            this.name = name;
        }
    }

    /** One step of a session. */
    private record Step(Session session, String name, StepAction action) {
        String label() {
            return session.name + "." + name;
        }

        void run() {
            if (session.failure != null) {
                return;
            }
            try {
                action.run();
            } catch (RuntimeException e) {
                session.failure = e;
                session.outcome = e.getClass().getSimpleName();
            }
        }
    }

    @FunctionalInterface
    private interface StepAction {
        void run();
    }

    /** A schedule: steps in order; {@code held} is the index of A's step held before commit, or -1. */
    private record Schedule(List<Step> steps, int held) {
        String label() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < steps.size(); i++) {
                if (i > 0) {
                    b.append(' ');
                }
                b.append(steps.get(i).label());
                if (i == held) {
                    b.append('*');
                }
            }
            return b.toString();
        }
    }

    /** The two customers of one schedule, in a tenant of their own. */
    private record Fixture(TenantCrm crm, CustomerId x, CustomerId y) {}

    @Test
    @DisplayName("every interleaving of an operation on a customer with an update of it matches the golden table")
    void interleavingsMatchTheGoldenTable() throws Exception {
        HoldingStorage holding = new HoldingStorage(storage());
        Crm crm = Crm.builder().storage(holding).clock(MutableClock.at(T0)).build();
        Path dir = Files.createTempDirectory("guanxi-c7");
        AtomicReference<Thread> threadA = new AtomicReference<>();
        AtomicReference<Thread> threadB = new AtomicReference<>();
        ExecutorService a = Executors.newSingleThreadExecutor(r -> thread(r, "c7-session-a", threadA));
        ExecutorService b = Executors.newSingleThreadExecutor(r -> thread(r, "c7-session-b", threadB));
        Map<String, String> actual = new LinkedHashMap<>();
        List<RuntimeException> untyped = new ArrayList<>();
        List<String> notHeld = new ArrayList<>();
        int blocked = 0;
        long started = System.nanoTime();
        try {
            int n = 0;
            for (Op op : Op.values()) {
                int count = schedules(stepsOf(op, null, new Session("a"), null), stepsOfB(null, new Session("b")))
                        .size();
                for (int variant = 0; variant < count; variant++) {
                    TenantCrm tenant = crm.tenant(TenantId.of("c7-" + (++n)));
                    Fixture f = fixture(tenant);
                    Session sa = new Session("a");
                    Session sb = new Session("b");
                    List<Step> stepsA = stepsOf(op, f, sa, dir.resolve("import-" + n + ".csv"));
                    Schedule s = schedules(stepsA, stepsOfB(f, sb)).get(variant);
                    int ran = run(s, op, holding, a, b, threadA, threadB);
                    if (ran == BLOCKED) {
                        blocked++;
                    } else if (ran == NOT_HELD) {
                        notHeld.add(op.label + " | " + s.label());
                    }
                    for (Session session : List.of(sa, sb)) {
                        if (session.failure != null && !typed(session.failure)) {
                            untyped.add(session.failure);
                        }
                    }
                    String key = op.label + " | " + s.label();
                    actual.put(key, key + " | " + sa.outcome + " | " + sb.outcome + " | " + finalState(op, f));
                }
            }
        } finally {
            holding.disarm();
            a.shutdownNow();
            b.shutdownNow();
            a.awaitTermination(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            b.awaitTermination(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            try (var files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("C7 on " + storage().capabilities().description() + ": " + actual.size() + " schedules in "
                + millis + " ms; a session blocked in " + blocked + " overlaps");
        if (!untyped.isEmpty()) {
            AssertionError error = new AssertionError("untyped exceptions: " + untyped);
            untyped.forEach(error::addSuppressed);
            throw error;
        }
        // an overlap whose held step never reached its commit would silently be a serial schedule
        assertThat(notHeld)
                .as("overlaps whose held transaction never reached its commit")
                .isEmpty();
        compare(actual);
    }

    private static Thread thread(Runnable r, String name, AtomicReference<Thread> holder) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        holder.set(t);
        return t;
    }

    /** A typed exception: a public SDK exception other than a store failure. */
    private static boolean typed(RuntimeException e) {
        return e instanceof CrmException && !(e instanceof StorageException);
    }

    private static Fixture fixture(TenantCrm crm) {
        Customer x = crm.customers()
                .register(CustomerDraft.person("X").externalId(EXTERNAL_ID).build());
        Customer y = crm.customers()
                .register(CustomerDraft.person("Y").externalId("y-ext").build());
        return new Fixture(crm, x.id(), y.id());
    }

    /** Session B: read X (a merged X resolves to its survivor), then add the tag b with the version read. */
    private static List<Step> stepsOfB(Fixture f, Session s) {
        return List.of(
                new Step(s, "read", () -> {
                    Customer c = f.crm().customers().get(f.x());
                    s.id = c.id();
                    s.version = c.version();
                }),
                new Step(s, "update", () -> f.crm().customers().update(s.id, s.version, d -> d.tag("b"))));
    }

    private static List<Step> stepsOf(Op op, Fixture f, Session s, Path file) {
        TenantCrm crm = f == null ? null : f.crm();
        StepAction read = () -> s.version = crm.customers().get(f.x()).version();
        switch (op) {
            case UPDATE:
                return List.of(
                        new Step(s, "read", read),
                        new Step(s, "update", () -> crm.customers().update(f.x(), s.version, d -> d.legalName("A"))));
            case MERGE_X_INTO_Y:
                return List.of(
                        new Step(
                                s,
                                "plan",
                                () -> s.plan = crm.stewardship().planMerge(f.y(), f.x(), MergeOptions.defaults())),
                        new Step(s, "merge", () -> crm.stewardship().merge(s.plan)));
            case MERGE_Y_INTO_X:
                return List.of(
                        new Step(
                                s,
                                "plan",
                                () -> s.plan = crm.stewardship().planMerge(f.x(), f.y(), MergeOptions.defaults())),
                        new Step(s, "merge", () -> crm.stewardship().merge(s.plan)));
            case DELETE:
                return List.of(
                        new Step(s, "read", read),
                        new Step(s, "delete", () -> crm.customers().delete(f.x(), s.version)));
            case ERASE:
                return List.of(new Step(s, "erase", () -> crm.personalData().erase(f.x(), "request c7")));
            case IMPORT:
                return List.of(new Step(s, "import", () -> {
                    ImportResult result =
                            crm.imports().importCsv(ImportKind.CUSTOMERS, csv(file), ImportOptions.defaults());
                    ImportCounts c = result.job().counts();
                    s.outcome = "ok created=" + c.created() + " updated=" + c.updated() + " unchanged=" + c.unchanged()
                            + " failed=" + c.failed();
                }));
            case CLASSIFY:
                return List.of(new Step(
                        s,
                        "classify",
                        () -> crm.scoring()
                                .scoreCustomer(
                                        f.x(), ScoringRequest.of(LocalDate.of(2026, 3, 31), Money.currency("CNY")))));
            default:
                throw new AssertionError(op);
        }
    }

    private static Path csv(Path file) {
        try {
            Files.writeString(
                    file,
                    "external_id,display_name,legal_name\r\n" + EXTERNAL_ID + ",X,Imported\r\n",
                    StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every merge of A's and B's steps that keeps each session's order, then the overlaps: B reads, A runs up to
     * its last step, which is held before commit while B writes; B reads, A runs up to its last step, B writes and
     * is held before commit while A runs its last step.
     */
    private static List<Schedule> schedules(List<Step> a, List<Step> b) {
        List<Schedule> out = new ArrayList<>();
        permute(a, 0, b, 0, new ArrayList<>(), out);
        List<Step> overlap = new ArrayList<>();
        overlap.add(b.get(0));
        overlap.addAll(a);
        overlap.add(b.get(1));
        out.add(new Schedule(overlap, a.size()));
        List<Step> reverse = new ArrayList<>();
        reverse.add(b.get(0));
        reverse.addAll(a.subList(0, a.size() - 1));
        reverse.add(b.get(1));
        reverse.add(a.get(a.size() - 1));
        out.add(new Schedule(reverse, a.size()));
        return out;
    }

    private static void permute(List<Step> a, int i, List<Step> b, int j, List<Step> prefix, List<Schedule> out) {
        if (i == a.size() && j == b.size()) {
            out.add(new Schedule(List.copyOf(prefix), -1));
            return;
        }
        if (i < a.size()) {
            prefix.add(a.get(i));
            permute(a, i + 1, b, j, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
        if (j < b.size()) {
            prefix.add(b.get(j));
            permute(a, i, b, j + 1, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }

    /** What {@link #run} says of a schedule without an overlap, or of an overlap whose other session finished. */
    private static final int RAN = 0;
    /** The other session was blocked while the held transaction waited before its commit. */
    private static final int BLOCKED = 1;
    /** The held step ended without reaching its commit: nothing was held. */
    private static final int NOT_HELD = 2;

    /**
     * Runs a schedule, step by step, each on its session's thread.
     *
     * @return {@link #RAN}, {@link #BLOCKED} or {@link #NOT_HELD}
     */
    private int run(
            Schedule schedule,
            Op op,
            HoldingStorage holding,
            ExecutorService a,
            ExecutorService b,
            AtomicReference<Thread> threadA,
            AtomicReference<Thread> threadB)
            throws Exception {
        int ran = RAN;
        List<Step> steps = schedule.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            ExecutorService on = step.session().name.equals("a") ? a : b;
            if (i != schedule.held()) {
                await(CompletableFuture.runAsync(step::run, on));
                continue;
            }
            // a writing step, held before its commit while the other session's next step runs
            boolean inA = step.session().name.equals("a");
            ExecutorService otherSession = inA ? b : a;
            await(CompletableFuture.runAsync(() -> {}, on)); // the session thread exists
            HoldingStorage.Hold hold = holding.arm((inA ? threadA : threadB).get(), inA ? op.watched : "customers");
            CompletableFuture<Void> held = CompletableFuture.runAsync(step::run, on);
            try {
                CompletableFuture.anyOf(hold.reached(), held).get(STEP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                if (!hold.reached().isDone()) {
                    ran = NOT_HELD; // the step ended without writing (failed, or nothing to change)
                    continue;
                }
                Step next = steps.get(++i);
                AtomicBoolean begun = new AtomicBoolean();
                CompletableFuture<Void> other = CompletableFuture.runAsync(
                        () -> {
                            begun.set(true);
                            next.run();
                        },
                        otherSession);
                ran = finishesUnblocked(other, begun, (inA ? threadB : threadA).get()) ? RAN : BLOCKED;
                hold.release();
                await(held);
                await(other);
            } finally {
                holding.disarm();
            }
        }
        return ran;
    }

    /**
     * Waits for one session's step while the other's transaction is held: {@code true} if it finished, {@code false} once its thread is seen
     * waiting (on a lock) several times in a row, or after {@link #blockingWait()}.
     */
    private boolean finishesUnblocked(CompletableFuture<Void> step, AtomicBoolean begun, Thread thread)
            throws Exception {
        long deadline = System.nanoTime() + blockingWait().toNanos();
        int waiting = 0;
        while (System.nanoTime() < deadline) {
            try {
                step.get(10, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                waiting = begun.get() && waiting(thread) ? waiting + 1 : 0;
                if (waiting >= 5) {
                    return false;
                }
            }
        }
        return step.isDone();
    }

    /**
     * Whether a thread waits: parked or blocked (a lock of the JVM, the in-memory store's lock, an embedded
     * database's lock wait), or reading a socket (a database server that holds the statement at a row lock).
     * Only speeds the harness up: a session taken as blocked a little early gives the same outcome.
     */
    private static boolean waiting(Thread thread) {
        Thread.State state = thread.getState();
        if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED) {
            return true;
        }
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 8); i++) {
            String where = stack[i].getClassName() + "." + stack[i].getMethodName();
            if (where.contains("Socket")
                    && where.toLowerCase(java.util.Locale.ROOT).contains("read")) {
                return true;
            }
        }
        return false;
    }

    private static void await(CompletableFuture<?> f) throws InterruptedException, ExecutionException {
        try {
            f.get(STEP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("a step did not finish within " + STEP_LIMIT, e);
        }
    }

    /** X (and Y for the merges, the snapshot for the classification) as the table shows it. */
    private static String finalState(Op op, Fixture f) {
        StringBuilder b = new StringBuilder();
        b.append("X ").append(describe(f, f.x(), "X", "Y"));
        if (op == Op.MERGE_X_INTO_Y || op == Op.MERGE_Y_INTO_X) {
            b.append("; Y ").append(describe(f, f.y(), "Y", "X"));
        }
        if (op == Op.CLASSIFY) {
            b.append(f.crm().scoring().snapshot(f.x()).isPresent() ? "; snapshot" : "; no snapshot");
        }
        return b.toString();
    }

    private static String describe(Fixture f, CustomerId id, String self, String other) {
        Optional<Customer> found = f.crm().customers().find(id);
        if (found.isEmpty()) {
            return "absent";
        }
        Customer c = found.get();
        if (!c.id().equals(id)) {
            return "merged into " + other;
        }
        String text = "v" + c.version() + " name=" + c.displayName() + " legal=" + Objects.toString(c.legalName(), "-")
                + " tags=" + new TreeSet<>(c.tags());
        return f.crm().personalData().erasure(id).isPresent() ? text + " erased" : text;
    }

    private void compare(Map<String, String> actual) {
        Map<String, String> golden = golden();
        List<String> diff = new ArrayList<>();
        for (Map.Entry<String, String> e : golden.entrySet()) {
            String got = actual.get(e.getKey());
            if (!e.getValue().equals(got)) {
                diff.add("- " + e.getValue());
                diff.add("+ " + (got == null ? "(no such schedule)" : got));
            }
        }
        for (Map.Entry<String, String> e : actual.entrySet()) {
            if (!golden.containsKey(e.getKey())) {
                diff.add("+ " + e.getValue() + "   (not in the golden table)");
            }
        }
        StringBuilder message = new StringBuilder();
        message.append("C7 on ")
                .append(storage().capabilities().description())
                .append(": the interleavings differ from ")
                .append(GOLDEN)
                .append(" (- golden, + actual):\n");
        diff.forEach(l -> message.append(l).append('\n'));
        message.append("\nthe whole actual table:\n");
        actual.values().forEach(l -> message.append(l).append('\n'));
        List<String> differences = diff;
        assertThat(differences).as(message.toString()).isEmpty();
    }

    private static Map<String, String> golden() {
        Map<String, String> lines = new LinkedHashMap<>();
        InputStream in = InterleavingContract.class.getResourceAsStream(GOLDEN);
        if (in == null) {
            throw new AssertionError("missing resource " + GOLDEN);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] cells = t.split(" \\| ", -1);
                lines.put(cells[0] + " | " + cells[1], t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
