package dev.guanxi.crm.internal;

import dev.guanxi.crm.AccessDeniedException;
import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.access.Operation;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.CustomerShare;
import dev.guanxi.crm.customer.OwnershipRecord;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.internal.audit.AuditRecorder;
import dev.guanxi.crm.internal.audit.FlatState;
import dev.guanxi.crm.internal.audit.Subject;
import dev.guanxi.crm.lifecycle.ChurnReason;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.lifecycle.TransitionCause;
import dev.guanxi.crm.loyalty.PointsAccount;
import dev.guanxi.crm.loyalty.PointsEntry;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignTarget;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.AggregateRepository;
import dev.guanxi.crm.spi.storage.AuditRepository;
import dev.guanxi.crm.spi.storage.CampaignTargetRepository;
import dev.guanxi.crm.spi.storage.CustomerRepository;
import dev.guanxi.crm.spi.storage.LifecycleRepository;
import dev.guanxi.crm.spi.storage.OwnershipRepository;
import dev.guanxi.crm.spi.storage.PointsLedgerRepository;
import dev.guanxi.crm.spi.storage.ReferenceCodeRepository;
import dev.guanxi.crm.spi.storage.ScoreRepository;
import dev.guanxi.crm.spi.storage.ScoreRun;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Stands between the focused APIs and a unit of work: every write to a repository is checked against the access
 * policy before it reaches the store and recorded in the audit trail once the store has accepted it, and every
 * read returns only what the principal may see. The focused APIs see a unit of work like any other, so no service
 * has to remember to check or audit, and records are written in the unit of work of the change, so rolled-back
 * work leaves none.
 *
 * <p>The unit of work and its repositories are wrapped in dynamic proxies rather than hand-written decorators on
 * purpose: the storage SPI grows by default methods, and a decorator compiled against an older SPI would inherit
 * a new method's default (which throws) instead of reaching the store. A proxy passes every method it does not
 * know to the store unchanged, and checks and audits any new {@link AggregateRepository} as it does the others.
 *
 * <p><b>Writes.</b> An aggregate's {@code insert} and {@code insertAll} are creates; its {@code update} and
 * {@code delete} replace a state, which is the one last read or written in this unit of work if that is at the
 * expected version, else read from the store just before the write (a different version there is a conflict,
 * reported as {@link StaleVersionException} before anything is written). Reference codes, shares, campaign targets
 * and churn reasons replace or remove the stored row of their key. Each must be permitted for {@link
 * Operation#WRITE} (shares: {@link Operation#SHARE}) on the record before and after; other writes (ownership
 * lines, lifecycle moves, points entries, score snapshots and runs, scrubbing the trail) on their customer, or
 * tenant-wide if they have none. Recorded in the audit trail: aggregates, reference codes, shares, campaign
 * targets, churn reasons, points entries and lifecycle moves made by hand; not recorded: score snapshots and runs,
 * moves made by scoring runs, ownership lines (see {@link dev.guanxi.crm.audit.AuditTrail}).
 *
 * <p><b>Reads</b> (the SPI's methods named as reads: {@code find…}, {@code list…}, {@code count…}, {@code scan…},
 * {@code sum…}, {@code history}, {@code current}...; any other method is passed on unchanged), unless the principal
 * reads everything: an {@link Optional}, a {@link List} and a {@link Page}
 * keep only the records the principal may see (a page is filled from the store's pages in order, so it holds
 * {@code limit} visible records when there are that many); a method about a customer the principal may not see
 * (a customer id among its arguments) returns nothing; a visitor passed to a scan is called only for visible
 * records (the owners of all customers are read before the scan starts, since a visitor must not use the unit of
 * work); the count of customers counts visible ones; other counts and sums about no particular customer are not
 * filtered.
 *
 * <p>Confined to the thread running the unit of work; not thread-safe.
 */
public final class Gatekeeper implements InvocationHandler {
    private final UnitOfWork raw;
    private final AuditRecorder recorder;
    private final AccessGuard guard;
    private final Map<Method, Object> repositories = new HashMap<>();

    private Gatekeeper(UnitOfWork raw, AuditRecorder recorder, AccessGuard guard) {
        this.raw = raw;
        this.recorder = recorder;
        this.guard = guard;
    }

    /**
     * Wraps a unit of work to record its writes in the audit trail (what a write of the SDK does when no access
     * policy applies).
     *
     * @param raw the store's unit of work
     * @param recorder where the writes are recorded, or {@code null} for none
     * @return {@code raw} itself if there is nothing to do, else a unit of work that records its writes
     */
    public static UnitOfWork wrap(UnitOfWork raw, AuditRecorder recorder) {
        return wrap(raw, recorder, null);
    }

    static UnitOfWork wrap(UnitOfWork raw, AuditRecorder recorder, AccessGuard guard) {
        Objects.requireNonNull(raw, "raw");
        if (recorder == null && guard == null) {
            return raw;
        }
        return (UnitOfWork) Proxy.newProxyInstance(
                UnitOfWork.class.getClassLoader(),
                new Class<?>[] {UnitOfWork.class},
                new Gatekeeper(raw, recorder, guard));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args, raw);
        }
        Class<?> type = method.getReturnType();
        boolean repository = method.getParameterCount() == 0
                && type.isInterface()
                && !method.getName().equals("outbox");
        if (!repository) {
            return call(raw, method, args);
        }
        Object wrapped = repositories.get(method);
        if (wrapped == null) {
            Object target = call(raw, method, args);
            wrapped = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new RepositoryGate(target));
            repositories.put(method, wrapped);
        }
        return wrapped;
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, Object target) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "Gatekeeper[" + target + "]";
        };
    }

    /** Calls a method on the store's object, rethrowing what it throws as it was. */
    static Object call(Object target, Method method, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new UndeclaredThrowableException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    /** Checks a write before it is made. */
    private void check(Operation operation, Subject subject, Object before, Object after) {
        if (guard != null) {
            guard.checkWrite(operation, subject, before, after);
        }
    }

    /** Records a write that was made. */
    private void record(Subject subject, Object before, Object after) {
        if (recorder != null) {
            recorder.record(subject, before, after);
        }
    }

    /** Checks a write that is not audited: on its customer, or tenant-wide. */
    private void checkUnaudited(String kind, CustomerId customer) {
        checkCustomer(Operation.WRITE, kind, customer);
    }

    /** Checks an operation on a customer's records (or a tenant-wide one if {@code customer} is null). */
    private void checkCustomer(Operation operation, String kind, CustomerId customer) {
        if (guard != null) {
            guard.check(operation, kind, customer, customer == null ? null : FlatState.text(customer));
        }
    }

    /** One repository of the unit of work; remembers the aggregates it read and wrote. */
    private final class RepositoryGate implements InvocationHandler {
        private final Object target;
        private final Map<Object, Aggregate<?>> known = new HashMap<>();

        RepositoryGate(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, target);
            }
            String name = method.getName();
            int arity = method.getParameterCount();
            if (target instanceof AggregateRepository<?, ?> aggregates) {
                switch (name) {
                    case "insert" -> {
                        if (arity == 1 && args[0] instanceof Aggregate<?> created) {
                            Subject subject = Subject.of(created);
                            check(Operation.WRITE, subject, null, created);
                            call(target, method, args);
                            remember(created);
                            record(subject, null, created);
                            return null;
                        }
                    }
                    case "insertAll" -> {
                        if (arity == 1 && args[0] instanceof List<?> list) {
                            for (Object o : list) {
                                if (o instanceof Aggregate<?> created) {
                                    check(Operation.WRITE, Subject.of(created), null, created);
                                }
                            }
                            call(target, method, args);
                            for (Object o : list) {
                                Aggregate<?> created = (Aggregate<?>) o;
                                remember(created);
                                record(Subject.of(created), null, created);
                            }
                            return null;
                        }
                    }
                    case "update" -> {
                        if (arity == 2 && args[1] instanceof Aggregate<?> updated) {
                            Aggregate<?> before = replaced(aggregates, updated.id(), (Long) args[0]);
                            Subject subject = Subject.of(updated);
                            check(Operation.WRITE, subject, before, updated);
                            call(target, method, args);
                            remember(updated);
                            record(subject, before, updated);
                            return null;
                        }
                    }
                    case "delete" -> {
                        if (arity == 2 && args[1] instanceof Long expected) {
                            Aggregate<?> before = replaced(aggregates, args[0], expected);
                            if (before != null) {
                                check(Operation.WRITE, Subject.of(before), before, null);
                            }
                            call(target, method, args);
                            known.remove(args[0]);
                            if (before != null) {
                                record(Subject.of(before), before, null);
                            }
                            return null;
                        }
                    }
                    default -> {
                        // not a write of the aggregate itself; see below
                    }
                }
            }
            if (target instanceof ReferenceCodeRepository codes && name.equals("upsert") && arity == 1) {
                ReferenceCode after = Objects.requireNonNull((ReferenceCode) args[0], "code");
                ReferenceCode before = codes.find(after.type(), after.code()).orElse(null);
                Subject subject = new Subject("ReferenceCode", after.type().name() + "/" + after.code(), null);
                check(Operation.WRITE, subject, before, after);
                call(target, method, args);
                record(subject, before, after);
                return null;
            }
            if (target instanceof OwnershipRepository ledger) {
                switch (name) {
                    case "putShare" -> {
                        CustomerShare after = Objects.requireNonNull((CustomerShare) args[0], "share");
                        CustomerShare before = share(ledger, after.customerId(), after.staff());
                        Subject subject = shareSubject(after);
                        check(Operation.SHARE, subject, before, after);
                        call(target, method, args);
                        sharesChanged(after.staff());
                        record(subject, before, after);
                        return null;
                    }
                    case "removeShare" -> {
                        CustomerId customer = Objects.requireNonNull((CustomerId) args[0], "customerId");
                        StaffId staff = Objects.requireNonNull((StaffId) args[1], "staff");
                        CustomerShare before = share(ledger, customer, staff);
                        checkCustomer(Operation.SHARE, "CustomerShare", customer);
                        Object removed = call(target, method, args);
                        if (Boolean.TRUE.equals(removed) && before != null) {
                            sharesChanged(staff);
                            record(shareSubject(before), before, null);
                        }
                        return removed;
                    }
                    case "appendOwnership" -> {
                        OwnershipRecord line = Objects.requireNonNull((OwnershipRecord) args[0], "record");
                        checkUnaudited("OwnershipRecord", line.customerId());
                        return call(target, method, args);
                    }
                    default -> {
                        // a read
                    }
                }
            }
            if (target instanceof CampaignTargetRepository targets) {
                if (name.equals("put") && arity == 1) {
                    CampaignTarget after = Objects.requireNonNull((CampaignTarget) args[0], "target");
                    CampaignTarget before =
                            targets.find(after.campaignId(), after.customerId()).orElse(null);
                    Subject subject = targetSubject(after);
                    check(Operation.WRITE, subject, before, after);
                    call(target, method, args);
                    record(subject, before, after);
                    return null;
                }
                if (name.equals("remove") && arity == 2) {
                    CampaignTarget before = targets.find(
                                    Objects.requireNonNull((CampaignId) args[0], "campaignId"),
                                    Objects.requireNonNull((CustomerId) args[1], "customerId"))
                            .orElse(null);
                    checkCustomer(Operation.WRITE, "CampaignTarget", (CustomerId) args[1]);
                    Object removed = call(target, method, args);
                    if (Boolean.TRUE.equals(removed) && before != null) {
                        record(targetSubject(before), before, null);
                    }
                    return removed;
                }
            }
            if (target instanceof LifecycleRepository lifecycle) {
                if (name.equals("putChurnReason") && arity == 1) {
                    ChurnReason after = Objects.requireNonNull((ChurnReason) args[0], "reason");
                    ChurnReason before = lifecycle.churnReasons(after.customerId()).stream()
                            .filter(r -> r.lostAt().equals(after.lostAt()))
                            .findFirst()
                            .orElse(null);
                    Subject subject = new Subject(
                            "ChurnReason",
                            FlatState.text(after.customerId()) + "/" + after.lostAt(),
                            after.customerId());
                    check(Operation.WRITE, subject, before, after);
                    call(target, method, args);
                    record(subject, before, after);
                    return null;
                }
                if (name.equals("appendAll") && arity == 1) {
                    List<?> moves = Objects.requireNonNull((List<?>) args[0], "transitions");
                    for (Object o : moves) {
                        checkUnaudited("StageTransition", ((StageTransition) o).customerId());
                    }
                    call(target, method, args);
                    for (Object o : moves) {
                        StageTransition move = (StageTransition) o;
                        if (move.cause() == TransitionCause.MANUAL) {
                            record(
                                    new Subject(
                                            "StageTransition",
                                            FlatState.text(move.customerId()) + "/" + move.at(),
                                            move.customerId()),
                                    null,
                                    move);
                        }
                    }
                    return null;
                }
            }
            if (target instanceof PointsLedgerRepository && name.equals("insertEntry") && arity == 1) {
                PointsEntry entry = Objects.requireNonNull((PointsEntry) args[0], "entry");
                Subject subject = new Subject("PointsEntry", FlatState.text(entry.id()), entry.customerId());
                check(Operation.WRITE, subject, null, entry);
                call(target, method, args);
                record(subject, null, entry);
                return null;
            }
            if (target instanceof ScoreRepository) {
                if (name.equals("upsertAll") && arity == 1) {
                    for (Object o : Objects.requireNonNull((List<?>) args[0], "snapshots")) {
                        checkUnaudited("ScoreSnapshot", ((ScoreSnapshot) o).customerId());
                    }
                    return call(target, method, args);
                }
                if (name.equals("saveRun") && arity == 1 && args[0] instanceof ScoreRun) {
                    checkUnaudited("ScoreRun", null);
                    return call(target, method, args);
                }
            }
            if (target instanceof AuditRepository && name.equals("scrub") && arity == 2) {
                checkUnaudited("AuditRecord", Objects.requireNonNull((CustomerId) args[0], "customerId"));
                return call(target, method, args);
            }
            if (guard == null || guard.readsEverything() || !isRead(name)) {
                // A method of no known kind of read is passed on unfiltered: it may be a write this gate does not
                // know (of a repository added to the SPI later), which must not be skipped or altered.
                return find(method, args);
            }
            return filteredRead(method, args);
        }

        /** A read without filtering; remembers an aggregate found by id. */
        private Object find(Method method, Object[] args) {
            Object found = call(target, method, args);
            if (method.getName().equals("find")
                    && found instanceof Optional<?> o
                    && o.isPresent()
                    && o.get() instanceof Aggregate<?> a) {
                remember(a);
            }
            return found;
        }

        private Object filteredRead(Method method, Object[] args) {
            String name = method.getName();
            Class<?> returns = method.getReturnType();
            if (target instanceof CustomerRepository customers
                    && name.equals("count")
                    && args != null
                    && args.length == 1
                    && args[0] instanceof CustomerQuery query) {
                return countVisible(customers, query);
            }
            if (target instanceof PointsLedgerRepository points && name.equals("listAccounts") && args.length == 3) {
                return visibleAccounts(points, (CustomerId) args[0], (LocalDate) args[1], (Integer) args[2]);
            }
            if (returns != void.class && args != null) {
                for (Object arg : args) {
                    if (arg instanceof CustomerId customer && !guard.canReadCustomer(customer)) {
                        return nothing(method, args);
                    }
                }
            }
            Object[] callArgs = args;
            int[] skipped = {0};
            Class<?>[] parameters = method.getParameterTypes();
            for (int i = 0; args != null && i < args.length; i++) {
                if (args[i] != null && isVisitor(parameters[i])) {
                    if (callArgs == args) {
                        callArgs = args.clone();
                        guard.prepareForScan();
                    }
                    callArgs[i] = visibleOnly(parameters[i], args[i], skipped);
                }
            }
            int pageArg = pageRequestIndex(method);
            if (returns == Page.class && pageArg >= 0) {
                return fillPage(method, callArgs, pageArg);
            }
            Object result = find(method, callArgs);
            if (result instanceof Optional<?> o) {
                return o.filter(guard::canRead);
            }
            if (result instanceof Page<?> p) {
                return new Page<>(visible(p.items()), p.request(), p.hasMore());
            }
            if (result instanceof List<?> l) {
                return visible(l);
            }
            if (skipped[0] > 0 && result instanceof Long count) {
                return count - skipped[0];
            }
            if (skipped[0] > 0 && result instanceof Integer count) {
                return count - skipped[0];
            }
            return result;
        }

        private List<Object> visible(List<?> items) {
            List<Object> kept = new ArrayList<>(items.size());
            for (Object item : items) {
                if (guard.canRead(item)) {
                    kept.add(item);
                }
            }
            return kept;
        }

        /** A page of visible records, filled from the store's pages from the first one on. */
        private Page<?> fillPage(Method method, Object[] args, int pageArg) {
            PageRequest wanted = (PageRequest) args[pageArg];
            List<Object> items = new ArrayList<>(wanted.limit());
            int toSkip = wanted.offset();
            PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Object[] a = args.clone();
                a[pageArg] = request;
                Page<?> page = (Page<?>) call(target, method, a);
                for (Object item : page.items()) {
                    if (!guard.canRead(item)) {
                        continue;
                    }
                    if (toSkip > 0) {
                        toSkip--;
                    } else if (items.size() < wanted.limit()) {
                        items.add(item);
                    } else {
                        return new Page<>(items, wanted, true);
                    }
                }
                if (!page.hasMore()) {
                    return new Page<>(items, wanted, false);
                }
                request = request.next();
            }
        }

        private long countVisible(CustomerRepository customers, CustomerQuery query) {
            long count = 0;
            PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<Customer> page = customers.query(query, request);
                for (Customer c : page.items()) {
                    if (guard.canRead(c)) {
                        count++;
                    }
                }
                if (!page.hasMore()) {
                    return count;
                }
                request = request.next();
            }
        }

        /** Points accounts after a cursor, as the store lists them, but only visible ones, up to {@code limit}. */
        private List<PointsAccount> visibleAccounts(
                PointsLedgerRepository points, CustomerId after, LocalDate expiringBy, int limit) {
            List<PointsAccount> kept = new ArrayList<>(Math.min(limit, 1_024));
            CustomerId cursor = after;
            while (true) {
                List<PointsAccount> slice = points.listAccounts(cursor, expiringBy, limit);
                for (PointsAccount a : slice) {
                    if (guard.canRead(a)) {
                        kept.add(a);
                        if (kept.size() == limit) {
                            return kept;
                        }
                    }
                }
                if (slice.size() < limit) {
                    return kept;
                }
                cursor = slice.get(slice.size() - 1).id();
            }
        }

        /** The empty result of a read about a customer the principal may not see. */
        private Object nothing(Method method, Object[] args) {
            Class<?> returns = method.getReturnType();
            if (returns == Optional.class) {
                return Optional.empty();
            }
            if (returns == Page.class) {
                int pageArg = pageRequestIndex(method);
                PageRequest request = pageArg >= 0 ? (PageRequest) args[pageArg] : PageRequest.first(1);
                return new Page<>(List.of(), request, false);
            }
            if (returns == List.class) {
                return List.of();
            }
            if (returns == Map.class) {
                return Map.of();
            }
            if (returns == long.class || returns == Long.class) {
                return 0L;
            }
            if (returns == int.class || returns == Integer.class) {
                return 0;
            }
            if (returns == boolean.class || returns == Boolean.class) {
                return false;
            }
            for (Object arg : args) {
                if (arg instanceof CustomerId customer) {
                    throw new AccessDeniedException(
                            guard.principal().user(),
                            Operation.READ.name(),
                            "Customer",
                            FlatState.text(customer),
                            "the customer is not visible to the user");
                }
            }
            throw new IllegalStateException("no empty result for " + method);
        }

        /** Wraps a visitor so that it sees only visible records; counts the ones it skips. */
        private Object visibleOnly(Class<?> type, Object visitor, int[] skipped) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, a) -> {
                if (m.getDeclaringClass() == Object.class) {
                    return objectMethod(proxy, m, a, visitor);
                }
                if (m.isDefault() || m.getReturnType() != void.class || a == null) {
                    return call(visitor, m, a);
                }
                for (Object arg : a) {
                    CustomerId customer = arg instanceof CustomerId id ? id : Subject.customerOf(arg);
                    if (customer != null) { // the first argument that names a customer decides
                        if (!guard.canReadCustomer(customer)) {
                            skipped[0]++;
                            return null;
                        }
                        break;
                    }
                }
                return call(visitor, m, a);
            });
        }

        private void remember(Aggregate<?> aggregate) {
            known.put(aggregate.id(), aggregate);
        }

        /**
         * The state an update or delete at {@code expected} replaces: the one known in this unit of work, else
         * the stored one; {@code null} if there is none (the write then fails as the store says).
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private Aggregate<?> replaced(AggregateRepository aggregates, Object id, long expected) {
            if (id == null) {
                return null;
            }
            Aggregate<?> seen = known.get(id);
            if (seen != null && seen.version() == expected) {
                return seen;
            }
            Optional<Aggregate<?>> stored = aggregates.find(id);
            if (stored.isEmpty()) {
                return null;
            }
            Aggregate<?> before = stored.get();
            if (before.version() != expected) {
                // The caller's version is not the one this unit of work sees: a concurrent change. Refusing it
                // here keeps the trail's old values those of the state replaced.
                throw new StaleVersionException(before.getClass().getSimpleName(), id, expected);
            }
            return before;
        }
    }

    /** After a share of {@code staff} changed: the principal's own shares are read again if they are theirs. */
    private void sharesChanged(StaffId staff) {
        if (guard != null && staff.equals(guard.principal().user())) {
            guard.sharesChanged();
        }
    }

    /** The names of the SPI's reads: only these are filtered. */
    private static final java.util.regex.Pattern READS = java.util.regex.Pattern.compile(
            "(find|list|count|sum|scan|query|get|latest|pending|history|current|churnReasons|shares|sharedWith"
                    + "|ownershipHistory).*");

    private static boolean isRead(String name) {
        return READS.matcher(name).matches();
    }

    private static boolean isVisitor(Class<?> type) {
        if (!type.isInterface() || type == List.class || type == Map.class) {
            return false;
        }
        int abstractMethods = 0;
        for (Method m : type.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers())) {
                abstractMethods++;
            }
        }
        return abstractMethods == 1;
    }

    private static int pageRequestIndex(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == PageRequest.class) {
                return i;
            }
        }
        return -1;
    }

    private static CustomerShare share(OwnershipRepository ledger, CustomerId customer, StaffId staff) {
        for (CustomerShare s : ledger.sharesOf(customer)) {
            if (s.staff().equals(staff)) {
                return s;
            }
        }
        return null;
    }

    private static Subject shareSubject(CustomerShare share) {
        return new Subject(
                "CustomerShare",
                FlatState.text(share.customerId()) + "/" + share.staff().value(),
                share.customerId());
    }

    private static Subject targetSubject(CampaignTarget target) {
        return new Subject(
                "CampaignTarget",
                FlatState.text(target.campaignId()) + "/" + FlatState.text(target.customerId()),
                target.customerId());
    }
}
