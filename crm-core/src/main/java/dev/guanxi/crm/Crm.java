package dev.guanxi.crm;

import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.EventListener;
import dev.guanxi.crm.field.FieldDefinition;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.EventDispatcher;
import dev.guanxi.crm.loyalty.MembershipProgramme;
import dev.guanxi.crm.sales.Pipeline;
import dev.guanxi.crm.service.SlaPolicy;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point of the SDK: a CRM on one store, with one clock, one set of listeners and one
 * configuration, serving any number of tenants.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().build();                      // in-memory store, system UTC clock
 * TenantCrm acme = crm.tenant(TenantId.of("acme"));
 * Customer c = acme.customers().register(CustomerDraft.person("张伟").build());
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one per application and share it. {@link #close()} closes the store.
 */
public final class Crm implements AutoCloseable {
    private final CrmContext context;

    private Crm(CrmContext context) {
        this.context = context;
    }

    /** @return a builder with the in-memory store, the system UTC clock and no listeners as defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the CRM as one tenant sees it. Cheap: create one per request if that suits the host.
     *
     * @param tenant the tenant
     * @return the tenant's view; every call through it reads and writes only this tenant's data
     */
    public TenantCrm tenant(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return new TenantCrm(context, tenant);
    }

    /**
     * Shorthand for {@code tenant(TenantId.of(tenant))}.
     *
     * @param tenant the tenant id
     * @return the tenant's view
     */
    public TenantCrm tenant(String tenant) {
        return tenant(TenantId.of(tenant));
    }

    /** @return the clock every timestamp of this CRM comes from */
    public Clock clock() {
        return context.clock();
    }

    /** @return the store this CRM runs on */
    public Storage storage() {
        return context.storage();
    }

    /** Closes the store. */
    @Override
    public void close() {
        context.storage().close();
    }

    /**
     * Builds a {@link Crm}. Each single-valued option may be set once; setting it again throws {@link
     * IllegalStateException}, so a conflicting configuration fails at once. Not thread-safe.
     */
    public static final class Builder {
        private Storage storage;
        private Clock clock;
        private SlaPolicy slaPolicy;
        private MembershipProgramme membership;
        private dev.guanxi.crm.lifecycle.LifecycleEngine lifecycle;
        private dev.guanxi.crm.access.AccessPolicy accessPolicy;
        private final List<EventDispatcher.Registration<?>> listeners = new ArrayList<>();
        private final Map<String, FieldDefinition<?>> customFields = new LinkedHashMap<>();
        private final Map<String, Pipeline> pipelines = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets the store. Default: a new {@link InMemoryStorage}.
         *
         * @param storage the store
         * @return this builder
         * @throws IllegalStateException if a store was already set
         */
        public Builder storage(Storage storage) {
            Objects.requireNonNull(storage, "storage");
            if (this.storage != null) {
                throw new IllegalStateException("storage was already set to " + this.storage);
            }
            this.storage = storage;
            return this;
        }

        /**
         * Sets the clock every timestamp comes from. Default: {@link Clock#systemUTC()}.
         *
         * @param clock the clock (tests pass a {@code MutableClock})
         * @return this builder
         * @throws IllegalStateException if a clock was already set
         */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            if (this.clock != null) {
                throw new IllegalStateException("clock was already set to " + this.clock);
            }
            this.clock = clock;
            return this;
        }

        /**
         * Adds a listener for events of a type (and its subtypes), delivered after commit in registration
         * order.
         *
         * @param type the event type, e.g. {@code CustomerRegistered.class} or {@code DomainEvent.class}
         * @param listener the listener
         * @param <E> the event type
         * @return this builder
         */
        public <E extends DomainEvent> Builder listener(Class<E> type, EventListener<? super E> listener) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(listener, "listener");
            listeners.add(new EventDispatcher.Registration<>(type, listener));
            return this;
        }

        /**
         * Adds a listener for every event.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(EventListener<DomainEvent> listener) {
            return listener(DomainEvent.class, listener);
        }

        /**
         * Defines a custom field that customers may carry.
         *
         * @param definition the field
         * @return this builder
         * @throws IllegalStateException if a field of the same qualified name was already defined
         */
        public Builder customField(FieldDefinition<?> definition) {
            Objects.requireNonNull(definition, "definition");
            if (customFields.putIfAbsent(definition.qualifiedName(), definition) != null) {
                throw new IllegalStateException("custom field " + definition.qualifiedName() + " was already defined");
            }
            return this;
        }

        /**
         * Adds a sales pipeline. Without any, {@link Pipeline#standard()} is used.
         *
         * @param pipeline the pipeline
         * @return this builder
         * @throws IllegalStateException if a pipeline of the same name was already added
         */
        public Builder pipeline(Pipeline pipeline) {
            Objects.requireNonNull(pipeline, "pipeline");
            if (pipelines.putIfAbsent(pipeline.name(), pipeline) != null) {
                throw new IllegalStateException("pipeline " + pipeline.name() + " was already added");
            }
            return this;
        }

        /**
         * Sets the policy that decides service cases' due instants. Default: {@link SlaPolicy#standard()}.
         *
         * @param policy the policy
         * @return this builder
         * @throws IllegalStateException if a policy was already set
         */
        public Builder slaPolicy(SlaPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            if (this.slaPolicy != null) {
                throw new IllegalStateException("SLA policy was already set to " + this.slaPolicy);
            }
            this.slaPolicy = policy;
            return this;
        }

        /**
         * Sets the membership programme: tiers, the rules by which purchases earn points, and how long points stay
         * valid. Default: {@link MembershipProgramme#none()} (the points ledger works, with no tiers, no purchase
         * rules and no expiry).
         *
         * @param programme the programme
         * @return this builder
         * @throws IllegalStateException if a programme was already set
         */
        @Beta
        public Builder membership(MembershipProgramme programme) {
            Objects.requireNonNull(programme, "programme");
            if (this.membership != null) {
                throw new IllegalStateException("membership programme was already set to " + this.membership);
            }
            this.membership = programme;
            return this;
        }

        /**
         * Sets the lifecycle engine (policy and guards) of manual moves ({@link
         * dev.guanxi.crm.lifecycle.Lifecycle#move}). Default: {@link
         * dev.guanxi.crm.lifecycle.LifecycleEngine#standard()}. The scoring run evaluates with the engine of its
         * {@link dev.guanxi.crm.lifecycle.LifecycleRule}: give it the same engine with {@code
         * StandardRules.all().toBuilder().replace(LifecycleRule.of(engine)).build()} so that its guards apply to
         * both.
         *
         * @param engine the engine
         * @return this builder
         * @throws IllegalStateException if an engine was already set
         * @since 0.1.0
         */
        @Beta
        public Builder lifecycle(dev.guanxi.crm.lifecycle.LifecycleEngine engine) {
            Objects.requireNonNull(engine, "engine");
            if (this.lifecycle != null) {
                throw new IllegalStateException("lifecycle engine was already set to " + this.lifecycle);
            }
            this.lifecycle = engine;
            return this;
        }

        /**
         * Sets the access policy that decides, record by record, what a principal may read and change (see {@link
         * dev.guanxi.crm.access.AccessPolicy} for what the SDK checks and when). Default: none, and every call may
         * read and change everything in its tenant. With a policy, every call must be made as a principal ({@link
         * TenantCrm#as}); one without fails with {@link AccessDeniedException} before touching the store.
         *
         * @param policy the policy, e.g. {@link dev.guanxi.crm.access.AccessPolicy#ownTeamAll}
         * @return this builder
         * @throws IllegalStateException if a policy was already set
         * @since 0.1.0
         */
        @Beta
        public Builder accessPolicy(dev.guanxi.crm.access.AccessPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            if (this.accessPolicy != null) {
                throw new IllegalStateException("access policy was already set to " + this.accessPolicy);
            }
            this.accessPolicy = policy;
            return this;
        }

        /** @return the CRM */
        public Crm build() {
            Map<String, Pipeline> effectivePipelines = new LinkedHashMap<>(pipelines);
            if (effectivePipelines.isEmpty()) {
                Pipeline standard = Pipeline.standard();
                effectivePipelines.put(standard.name(), standard);
            }
            return new Crm(new CrmContext(
                            storage == null ? new InMemoryStorage() : storage,
                            clock == null ? Clock.systemUTC() : clock,
                            new EventDispatcher(listeners),
                            customFields,
                            effectivePipelines,
                            slaPolicy == null ? SlaPolicy.standard() : slaPolicy,
                            membership == null ? MembershipProgramme.none() : membership,
                            lifecycle == null ? dev.guanxi.crm.lifecycle.LifecycleEngine.standard() : lifecycle)
                    .withAccessPolicy(accessPolicy));
        }
    }
}
