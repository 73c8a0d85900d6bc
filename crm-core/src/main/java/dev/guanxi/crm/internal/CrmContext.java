package dev.guanxi.crm.internal;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.access.AccessPolicy;
import dev.guanxi.crm.access.Principal;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.EventMetadata;
import dev.guanxi.crm.field.FieldDefinition;
import dev.guanxi.crm.internal.audit.AuditRecorder;
import dev.guanxi.crm.loyalty.MembershipProgramme;
import dev.guanxi.crm.sales.Pipeline;
import dev.guanxi.crm.service.SlaPolicy;
import dev.guanxi.crm.spi.storage.AuditRepository;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Everything a {@code Crm} was built with, shared by the focused APIs, and the one place where units of
 * work are opened and events delivered after commit.
 *
 * <p>Thread-safe: its fields are final and its maps unmodifiable, and each call opens its own unit of work,
 * so one instance serves a {@code Crm}, all its tenants and all threads.
 */
public final class CrmContext {
    private final Storage storage;
    private final Clock clock;
    private final EventDispatcher dispatcher;
    private final Map<String, FieldDefinition<?>> customFields;
    private final Map<String, Pipeline> pipelines;
    private final SlaPolicy slaPolicy;
    private final MembershipProgramme membership;
    private final dev.guanxi.crm.lifecycle.LifecycleEngine lifecycle;
    private final Caller caller;
    private final AccessPolicy accessPolicy;

    /**
     * @param storage the store
     * @param clock the clock every timestamp comes from
     * @param dispatcher delivers events to listeners
     * @param customFields custom field definitions by qualified name
     * @param pipelines sales pipelines by name
     * @param slaPolicy service-level policy
     */
    public CrmContext(
            Storage storage,
            Clock clock,
            EventDispatcher dispatcher,
            Map<String, FieldDefinition<?>> customFields,
            Map<String, Pipeline> pipelines,
            SlaPolicy slaPolicy) {
        this(storage, clock, dispatcher, customFields, pipelines, slaPolicy, MembershipProgramme.none());
    }

    /**
     * @param storage the store
     * @param clock the clock every timestamp comes from
     * @param dispatcher delivers events to listeners
     * @param customFields custom field definitions by qualified name
     * @param pipelines sales pipelines by name
     * @param slaPolicy service-level policy
     * @param membership the membership programme
     */
    public CrmContext(
            Storage storage,
            Clock clock,
            EventDispatcher dispatcher,
            Map<String, FieldDefinition<?>> customFields,
            Map<String, Pipeline> pipelines,
            SlaPolicy slaPolicy,
            MembershipProgramme membership) {
        this(
                storage,
                clock,
                dispatcher,
                customFields,
                pipelines,
                slaPolicy,
                membership,
                dev.guanxi.crm.lifecycle.LifecycleEngine.standard());
    }

    /**
     * @param storage the store
     * @param clock the clock every timestamp comes from
     * @param dispatcher delivers events to listeners
     * @param customFields custom field definitions by qualified name
     * @param pipelines sales pipelines by name
     * @param slaPolicy service-level policy
     * @param membership the membership programme
     * @param lifecycle the engine of manual lifecycle moves
     */
    public CrmContext(
            Storage storage,
            Clock clock,
            EventDispatcher dispatcher,
            Map<String, FieldDefinition<?>> customFields,
            Map<String, Pipeline> pipelines,
            SlaPolicy slaPolicy,
            MembershipProgramme membership,
            dev.guanxi.crm.lifecycle.LifecycleEngine lifecycle) {
        this.lifecycle = lifecycle;
        this.storage = storage;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.customFields = Map.copyOf(customFields);
        this.pipelines = Map.copyOf(pipelines);
        this.slaPolicy = slaPolicy;
        this.membership = membership;
        this.caller = Caller.NONE;
        this.accessPolicy = null;
    }

    /** A copy of {@code base} bound to another call context and access policy. */
    private CrmContext(CrmContext base, Caller caller, AccessPolicy accessPolicy) {
        this.lifecycle = base.lifecycle;
        this.storage = base.storage;
        this.clock = base.clock;
        this.dispatcher = base.dispatcher;
        this.customFields = base.customFields;
        this.pipelines = base.pipelines;
        this.slaPolicy = base.slaPolicy;
        this.membership = base.membership;
        this.caller = Objects.requireNonNull(caller, "caller");
        this.accessPolicy = accessPolicy;
    }

    /** @return the call context this instance is bound to ({@link Caller#NONE} unless bound) */
    public Caller caller() {
        return caller;
    }

    /**
     * @param bound the call context
     * @return this configuration bound to that call context (cheap: the configuration is shared)
     */
    public CrmContext bind(Caller bound) {
        return new CrmContext(this, bound, accessPolicy);
    }

    /**
     * @param policy the access policy every call is checked against, or {@code null} for none (everything is
     *     permitted)
     * @return this configuration with that policy
     */
    public CrmContext withAccessPolicy(AccessPolicy policy) {
        return new CrmContext(this, caller, policy);
    }

    /** @return the access policy, or {@code null} if everything is permitted */
    public AccessPolicy accessPolicy() {
        return accessPolicy;
    }

    /**
     * Refuses a call that needs a principal and has none, before anything reaches the store.
     *
     * @throws dev.guanxi.crm.AccessDeniedException if the CRM has an access policy and the call no principal
     */
    private void requirePrincipal() {
        if (accessPolicy != null && caller.principal() == null) {
            throw new dev.guanxi.crm.AccessDeniedException(
                    null, "call", "the CRM", null, "the CRM has an access policy; call it as a principal");
        }
    }

    /** The access guard of one unit of work, or {@code null} if the CRM has no access policy. */
    private AccessGuard guard(UnitOfWork uow) {
        return accessPolicy == null ? null : new AccessGuard(accessPolicy, caller.principal(), uow);
    }

    /** @return the store every unit of work runs on */
    public Storage storage() {
        return storage;
    }

    /** @return the clock every timestamp comes from */
    public Clock clock() {
        return clock;
    }

    /** @return the clock's current instant */
    public Instant now() {
        return clock.instant();
    }

    /** @return the custom field definitions by qualified name, unmodifiable */
    public Map<String, FieldDefinition<?>> customFields() {
        return customFields;
    }

    /** @return the sales pipelines by name, unmodifiable ({@code Crm.builder()} never leaves it empty) */
    public Map<String, Pipeline> pipelines() {
        return pipelines;
    }

    /** @return the policy that decides service cases' due instants */
    public SlaPolicy slaPolicy() {
        return slaPolicy;
    }

    /** @return the engine of manual lifecycle moves ({@link dev.guanxi.crm.lifecycle.Lifecycle#move}) */
    public dev.guanxi.crm.lifecycle.LifecycleEngine lifecycle() {
        return lifecycle;
    }

    /** @return the membership programme ({@link MembershipProgramme#none()} if the CRM was built without one) */
    public MembershipProgramme membership() {
        return membership;
    }

    /** Runs a read-only unit of work and returns what {@code work} returned. */
    public <T> T read(TenantId tenant, Function<UnitOfWork, T> work) {
        requirePrincipal();
        if (accessPolicy == null) {
            return storage.inTransaction(UnitOfWorkContext.read(tenant), work::apply);
        }
        return storage.inTransaction(
                UnitOfWorkContext.read(tenant), uow -> work.apply(Gatekeeper.wrap(uow, null, guard(uow))));
    }

    /**
     * Runs a read-write unit of work; every change it makes is recorded in the audit trail (by the {@link
     * Gatekeeper}, if the store keeps one) and the events it publishes are appended to the outbox, both in the same
     * transaction, and the events are delivered to listeners after commit, before this returns. With an access
     * policy, every write and every event is checked first (see {@link dev.guanxi.crm.access.AccessPolicy}). Delivered events are then
     * marked delivered in a second, separate transaction: a crash in between leaves them pending, and {@link
     * #deliverPending} delivers them again (at least once).
     */
    public <T> T write(TenantId tenant, Function<WriteScope, T> work) {
        requirePrincipal();
        List<DomainEvent> committed = new ArrayList<>();
        T result = storage.inTransaction(UnitOfWorkContext.write(tenant), uow -> {
            committed.clear(); // the store may retry the work
            Instant now = clock.instant();
            AuditRecorder recorder = recorder(uow, now);
            AccessGuard guard = guard(uow);
            WriteScope scope = new WriteScope(Gatekeeper.wrap(uow, recorder, guard), tenant, clock, now);
            scope.recorder = recorder;
            T r = work.apply(scope);
            if (guard != null) {
                for (DomainEvent event : scope.events()) {
                    // An event may only be published about what the principal may change (most are about records
                    // this write changed, and were checked then; this catches events that report without writing).
                    guard.check(
                            dev.guanxi.crm.access.Operation.WRITE,
                            event.getClass().getSimpleName(),
                            dev.guanxi.crm.internal.audit.Subject.customerOf(event),
                            null);
                }
            }
            if (recorder != null) {
                recorder.flush();
            }
            if (!scope.events().isEmpty()) {
                uow.outbox().append(scope.events());
            }
            committed.addAll(scope.events());
            return r;
        });
        if (!committed.isEmpty()) {
            dispatcher.deliver(committed);
            markDelivered(tenant, committed);
        }
        return result;
    }

    /** The audit trail's recorder of one write, or {@code null} if the store keeps no audit trail. */
    private AuditRecorder recorder(UnitOfWork uow, Instant now) {
        AuditRepository trail;
        try {
            trail = uow.audit();
        } catch (UnsupportedOperationException e) {
            return null;
        }
        Principal principal = caller.principal();
        return new AuditRecorder(
                trail, now, principal == null ? null : principal.user(), caller.correlationIdOfWrite());
    }

    /**
     * Runs {@link #write} again, {@value #STALE_ATTEMPTS} times in all at most, when it fails with a {@link
     * dev.guanxi.crm.StaleVersionException}. Only for a write that takes no version from its caller and reads
     * everything it changes inside its unit of work (an erasure, an import batch): a change that another
     * transaction committed after this one read a record is then no error but is read again and written over, as
     * on a store that serialises writers. A store with snapshots and row locks reports such a change as a stale
     * version (the write waited for the other transaction's lock, then found another version), a store that
     * serialises writers never does; without this the same interleaving would succeed on one store and fail on
     * the other (RELIABILITY C7). A stale version that persists (another process writing the same import job) is
     * rethrown after the last attempt.
     *
     * @param tenant the tenant
     * @param work the work; it may run more than once
     * @param <T> the result type
     * @return what the last run of {@code work} returned
     */
    public <T> T writeRereading(TenantId tenant, Function<WriteScope, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write(tenant, work);
            } catch (dev.guanxi.crm.StaleVersionException e) {
                if (attempt >= STALE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** How many times in all {@link #writeRereading} runs a write that keeps meeting a stale version. */
    public static final int STALE_ATTEMPTS = 3;

    /** Delivers events left pending (e.g. by a crash after commit), oldest first; returns how many. */
    public int deliverPending(TenantId tenant) {
        requirePrincipal();
        int total = 0;
        while (true) {
            List<DomainEvent> pending = storage.inTransaction(
                    UnitOfWorkContext.read(tenant), uow -> uow.outbox().pending(500));
            if (pending.isEmpty()) {
                return total;
            }
            dispatcher.deliver(pending);
            markDelivered(tenant, pending);
            total += pending.size();
        }
    }

    private void markDelivered(TenantId tenant, List<DomainEvent> events) {
        List<UUID> ids = events.stream().map(e -> e.metadata().eventId()).toList();
        storage.inTransaction(UnitOfWorkContext.write(tenant), uow -> {
            uow.outbox().markDelivered(ids);
            return null;
        });
    }

    /**
     * A read-write unit of work plus the events to publish after commit.
     *
     * <p>Confined to the thread running the unit of work; not thread-safe.
     */
    public static final class WriteScope {
        private final UnitOfWork uow;
        private final TenantId tenant;
        private final Clock clock;
        private final Instant now;
        private final List<DomainEvent> events = new ArrayList<>();

        private AuditRecorder recorder;

        /**
         * Appends the audit records of this write so far, so that a personal-data erasure can scrub them in the
         * same unit of work (the records are otherwise appended when the work returns). Nothing if the store keeps
         * no audit trail.
         */
        public void flushAudit() {
            if (recorder != null) {
                recorder.flush();
            }
        }

        /**
         * Adds a record the SDK describes itself to this write's audit trail (with the write's instant, user and
         * correlation id). Nothing if the store keeps no audit trail.
         *
         * @param subject what the record names
         * @param action what the change did
         * @param changes the fields to record
         */
        public void audit(
                dev.guanxi.crm.internal.audit.Subject subject,
                dev.guanxi.crm.audit.AuditAction action,
                List<dev.guanxi.crm.audit.FieldChange> changes) {
            if (recorder != null) {
                recorder.note(subject, action, changes);
            }
        }

        WriteScope(UnitOfWork uow, TenantId tenant, Clock clock, Instant now) {
            this.uow = uow;
            this.tenant = tenant;
            this.clock = clock;
            this.now = now;
        }

        /** @return the unit of work */
        public UnitOfWork uow() {
            return uow;
        }

        /** @return the tenant */
        public TenantId tenant() {
            return tenant;
        }

        /** @return the CRM's clock */
        public Clock clock() {
            return clock;
        }

        /** @return the one instant this write is stamped with (created/updated, event time) */
        public Instant now() {
            return now;
        }

        /** @return fresh metadata for an event of this write */
        public EventMetadata metadata() {
            return new EventMetadata(UUID.randomUUID(), tenant, now);
        }

        /** Publishes an event after commit. */
        public void publish(DomainEvent event) {
            events.add(event);
        }

        List<DomainEvent> events() {
            return events;
        }
    }
}
