package dev.guanxi.crm.internal;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.customer.CustomerShare;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.internal.audit.AuditRecorder;
import dev.guanxi.crm.internal.audit.FlatState;
import dev.guanxi.crm.internal.audit.Subject;
import dev.guanxi.crm.lifecycle.ChurnReason;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.lifecycle.TransitionCause;
import dev.guanxi.crm.loyalty.PointsEntry;
import dev.guanxi.crm.marketing.CampaignTarget;
import dev.guanxi.crm.spi.storage.AggregateRepository;
import dev.guanxi.crm.spi.storage.CampaignTargetRepository;
import dev.guanxi.crm.spi.storage.LifecycleRepository;
import dev.guanxi.crm.spi.storage.OwnershipRepository;
import dev.guanxi.crm.spi.storage.PointsLedgerRepository;
import dev.guanxi.crm.spi.storage.ReferenceCodeRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Stands between the focused APIs and a unit of work: every write to a repository is recorded in the audit
 * trail once the store has accepted it. The focused APIs see a unit of work like any other, so no service has
 * to remember to audit, and records are written in the unit of work of the change, so rolled-back work leaves
 * none.
 *
 * <p>The unit of work and its repositories are wrapped in dynamic proxies rather than hand-written decorators on
 * purpose: the storage SPI grows by default methods, and a decorator compiled against an older SPI would inherit
 * a new method's default (which throws) instead of reaching the store. A proxy passes every method it does not
 * know to the store unchanged, and audits any new {@link AggregateRepository} as it audits the others.
 *
 * <p>How each write is recorded: an aggregate's {@code insert} and {@code insertAll} as creates; its {@code
 * update} and {@code delete} against the state it replaces, which is the state last read or written in this unit
 * of work if that is at the expected version, else read from the store just before the write (a different
 * version there is a conflict, reported as {@link StaleVersionException} before anything is written); reference
 * codes, shares, campaign targets and churn reasons against the stored row they replace or remove; points
 * entries, and lifecycle moves made by hand, as creates. Not recorded: score snapshots and runs, lifecycle moves
 * made by scoring runs, ownership ledger lines (see {@link dev.guanxi.crm.audit.AuditTrail}).
 *
 * <p>Confined to the thread running the unit of work; not thread-safe.
 */
public final class Gatekeeper implements InvocationHandler {
    private final UnitOfWork raw;
    private final AuditRecorder recorder;
    private final Map<Method, Object> repositories = new HashMap<>();

    private Gatekeeper(UnitOfWork raw, AuditRecorder recorder) {
        this.raw = raw;
        this.recorder = recorder;
    }

    /**
     * Wraps a unit of work.
     *
     * @param raw the store's unit of work
     * @param recorder where the writes are recorded, or {@code null} for none
     * @return {@code raw} itself if there is nothing to do, else a unit of work that records its writes
     */
    public static UnitOfWork wrap(UnitOfWork raw, AuditRecorder recorder) {
        Objects.requireNonNull(raw, "raw");
        if (recorder == null) {
            return raw;
        }
        return (UnitOfWork) Proxy.newProxyInstance(
                UnitOfWork.class.getClassLoader(), new Class<?>[] {UnitOfWork.class}, new Gatekeeper(raw, recorder));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "Gatekeeper[" + raw + "]";
            };
        }
        Class<?> type = method.getReturnType();
        boolean repository = method.getParameterCount() == 0
                && type.isInterface()
                && !method.getName().equals("outbox")
                && !method.getName().equals("audit");
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
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "RepositoryGate[" + target + "]";
                };
            }
            String name = method.getName();
            int arity = method.getParameterCount();
            if (target instanceof AggregateRepository<?, ?> aggregates) {
                switch (name) {
                    case "find" -> {
                        if (arity == 1) {
                            return find(method, args);
                        }
                    }
                    case "insert" -> {
                        if (arity == 1 && args[0] instanceof Aggregate<?> created) {
                            call(target, method, args);
                            remember(created);
                            recorder.record(Subject.of(created), null, created);
                            return null;
                        }
                    }
                    case "insertAll" -> {
                        if (arity == 1 && args[0] instanceof List<?> list) {
                            call(target, method, args);
                            for (Object o : list) {
                                Aggregate<?> created = (Aggregate<?>) o;
                                remember(created);
                                recorder.record(Subject.of(created), null, created);
                            }
                            return null;
                        }
                    }
                    case "update" -> {
                        if (arity == 2 && args[1] instanceof Aggregate<?> updated) {
                            long expected = (Long) args[0];
                            Aggregate<?> before = replaced(aggregates, updated.id(), expected);
                            call(target, method, args);
                            remember(updated);
                            recorder.record(Subject.of(updated), before, updated);
                            return null;
                        }
                    }
                    case "delete" -> {
                        if (arity == 2 && args[1] instanceof Long expected) {
                            Aggregate<?> before = replaced(aggregates, args[0], expected);
                            call(target, method, args);
                            known.remove(args[0]);
                            if (before != null) {
                                recorder.record(Subject.of(before), before, null);
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
                ReferenceCode after = (ReferenceCode) args[0];
                Optional<ReferenceCode> before =
                        after == null ? Optional.empty() : codes.find(after.type(), after.code());
                call(target, method, args);
                recorder.record(
                        new Subject("ReferenceCode", after.type().name() + "/" + after.code(), null),
                        before.orElse(null),
                        after);
                return null;
            }
            if (target instanceof OwnershipRepository ledger) {
                if (name.equals("putShare") && arity == 1 && args[0] instanceof CustomerShare after) {
                    CustomerShare before = share(ledger, after.customerId(), after.staff());
                    call(target, method, args);
                    recorder.record(shareSubject(after), before, after);
                    return null;
                }
                if (name.equals("removeShare") && arity == 2) {
                    CustomerShare before = args[0] == null || args[1] == null
                            ? null
                            : share(ledger, (dev.guanxi.crm.customer.CustomerId) args[0], (dev.guanxi.crm.StaffId)
                                    args[1]);
                    Object removed = call(target, method, args);
                    if (Boolean.TRUE.equals(removed) && before != null) {
                        recorder.record(shareSubject(before), before, null);
                    }
                    return removed;
                }
            }
            if (target instanceof CampaignTargetRepository targets) {
                if (name.equals("put") && arity == 1 && args[0] instanceof CampaignTarget after) {
                    CampaignTarget before =
                            targets.find(after.campaignId(), after.customerId()).orElse(null);
                    call(target, method, args);
                    recorder.record(targetSubject(after), before, after);
                    return null;
                }
                if (name.equals("remove") && arity == 2 && args[0] != null && args[1] != null) {
                    CampaignTarget before = targets.find(
                                    (dev.guanxi.crm.marketing.CampaignId) args[0],
                                    (dev.guanxi.crm.customer.CustomerId) args[1])
                            .orElse(null);
                    Object removed = call(target, method, args);
                    if (Boolean.TRUE.equals(removed) && before != null) {
                        recorder.record(targetSubject(before), before, null);
                    }
                    return removed;
                }
            }
            if (target instanceof LifecycleRepository lifecycle) {
                if (name.equals("putChurnReason") && arity == 1 && args[0] instanceof ChurnReason after) {
                    ChurnReason before = lifecycle.churnReasons(after.customerId()).stream()
                            .filter(r -> r.lostAt().equals(after.lostAt()))
                            .findFirst()
                            .orElse(null);
                    call(target, method, args);
                    recorder.record(
                            new Subject(
                                    "ChurnReason",
                                    FlatState.text(after.customerId()) + "/" + after.lostAt(),
                                    after.customerId()),
                            before,
                            after);
                    return null;
                }
                if (name.equals("appendAll") && arity == 1 && args[0] instanceof List<?> moves) {
                    call(target, method, args);
                    for (Object o : moves) {
                        StageTransition move = (StageTransition) o;
                        if (move.cause() == TransitionCause.MANUAL) {
                            recorder.record(
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
            if (target instanceof PointsLedgerRepository
                    && name.equals("insertEntry")
                    && arity == 1
                    && args[0] instanceof PointsEntry entry) {
                call(target, method, args);
                recorder.record(
                        new Subject("PointsEntry", FlatState.text(entry.id()), entry.customerId()), null, entry);
                return null;
            }
            return call(target, method, args);
        }

        private Object find(Method method, Object[] args) {
            Object found = call(target, method, args);
            if (found instanceof Optional<?> o && o.isPresent() && o.get() instanceof Aggregate<?> a) {
                remember(a);
            }
            return found;
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

    private static CustomerShare share(
            OwnershipRepository ledger, dev.guanxi.crm.customer.CustomerId customer, dev.guanxi.crm.StaffId staff) {
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
