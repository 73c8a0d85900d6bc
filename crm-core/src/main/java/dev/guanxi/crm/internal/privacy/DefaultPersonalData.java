package dev.guanxi.crm.internal.privacy;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.audit.AuditAction;
import dev.guanxi.crm.audit.FieldChange;
import dev.guanxi.crm.customer.ContactPerson;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.customer.ContactType;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.event.CustomerErased;
import dev.guanxi.crm.field.CustomFields;
import dev.guanxi.crm.field.FieldDefinition;
import dev.guanxi.crm.internal.Aggregates;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.audit.Subject;
import dev.guanxi.crm.internal.customer.DefaultCustomers;
import dev.guanxi.crm.privacy.Erasure;
import dev.guanxi.crm.privacy.ErasureReport;
import dev.guanxi.crm.privacy.PersonalData;
import dev.guanxi.crm.privacy.PersonalDataExport;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.AggregateRepository;
import dev.guanxi.crm.spi.storage.PrivacyRepository;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.stewardship.EmailNormalizer;
import dev.guanxi.crm.stewardship.PhoneNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The {@link PersonalData} of one tenant. Immutable and thread-safe. */
public final class DefaultPersonalData implements PersonalData {
    private static final String ERASED_TEXT = PersonalData.ERASED;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The free-text components of each child aggregate that erasure replaces, by kind; a nested list's
     * records are rebuilt with their own texts replaced.
     */
    private static final List<ChildKind<?, ?>> CHILDREN = List.of(
            new ChildKind<>(
                    "interaction",
                    (uow, p) -> uow.interactions().listByCustomer(p.customer, p.page),
                    UnitOfWork::interactions,
                    with(texts("subject", "notes", "contactPerson"), "outcome", nested(texts("summary")))),
            new ChildKind<>(
                    "task",
                    (uow, p) -> uow.tasks().listByCustomer(p.customer, p.page),
                    UnitOfWork::tasks,
                    texts("title", "notes")),
            new ChildKind<>(
                    "order",
                    (uow, p) -> uow.orders().listByCustomer(p.customer, p.page),
                    UnitOfWork::orders,
                    Map.of("lines", RecordText.each(texts("description")))),
            new ChildKind<>(
                    "invoice",
                    (uow, p) -> uow.invoices().listByCustomer(p.customer, p.page),
                    UnitOfWork::invoices,
                    texts("writeOffReason")),
            new ChildKind<>(
                    "payment",
                    (uow, p) -> uow.payments().listByCustomer(p.customer, p.page),
                    UnitOfWork::payments,
                    texts("reference")),
            new ChildKind<>(
                    "opportunity",
                    (uow, p) -> uow.opportunities().listByCustomer(p.customer, p.page),
                    UnitOfWork::opportunities,
                    texts("name", "lostReason", "competitorNote")),
            new ChildKind<>(
                    "contract",
                    (uow, p) -> uow.contracts().listByCustomer(p.customer, p.page),
                    UnitOfWork::contracts,
                    texts("title", "terminationReason")),
            new ChildKind<>(
                    "serviceCase",
                    (uow, p) -> uow.serviceCases().listByCustomer(p.customer, p.page),
                    UnitOfWork::serviceCases,
                    with(texts("subject", "description", "resolution"), "history", RecordText.each(texts("note")))),
            new ChildKind<>(
                    "surveyResponse",
                    (uow, p) -> uow.surveyResponses().listByCustomer(p.customer, p.page),
                    UnitOfWork::surveyResponses,
                    texts("comment")),
            new ChildKind<>(
                    "campaignResponse",
                    (uow, p) -> uow.campaignResponses().listByCustomer(p.customer, p.page),
                    UnitOfWork::campaignResponses,
                    texts("note")),
            new ChildKind<>(
                    "competitorDealing",
                    (uow, p) -> uow.competitorDealings().listByCustomer(p.customer, p.page),
                    UnitOfWork::competitorDealings,
                    texts("note")));

    /** Which customer's page to list. */
    private record PageOf(CustomerId customer, PageRequest page) {}

    /** One kind of child aggregate: how to list a customer's, where to update, which texts to erase. */
    private record ChildKind<A extends Record & Aggregate<I>, I>(
            String source,
            BiFunction<UnitOfWork, PageOf, Page<A>> list,
            Function<UnitOfWork, ? extends AggregateRepository<I, A>> repository,
            Map<String, UnaryOperator<Object>> texts) {
        List<A> all(UnitOfWork uow, CustomerId customer) {
            List<A> out = new ArrayList<>();
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<A> p = list.apply(uow, new PageOf(customer, page));
                out.addAll(p.items());
                if (!p.hasMore()) {
                    return out;
                }
                page = p.request().next();
            }
        }

        /** Erases the texts of every child; returns how many changed. */
        int erase(UnitOfWork uow, CustomerId customer, Instant now) {
            int changed = 0;
            for (A child : all(uow, customer)) {
                A erased = RecordText.with(child, texts);
                if (erased.equals(child)) {
                    continue;
                }
                A next = RecordText.with(erased, versionAndTime(child.version(), now));
                repository.apply(uow).update(child.version(), next);
                changed++;
            }
            return changed;
        }
    }

    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM
     * @param tenant the tenant
     */
    public DefaultPersonalData(CrmContext context, TenantId tenant) {
        this.context = Objects.requireNonNull(context, "context");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    private static Map<String, UnaryOperator<Object>> texts(String... names) {
        Map<String, UnaryOperator<Object>> m = new java.util.HashMap<>();
        for (String n : names) {
            m.put(n, RecordText.text(ERASED_TEXT));
        }
        return Map.copyOf(m);
    }

    private static Map<String, UnaryOperator<Object>> with(
            Map<String, UnaryOperator<Object>> base, String name, UnaryOperator<Object> change) {
        Map<String, UnaryOperator<Object>> m = new java.util.HashMap<>(base);
        m.put(name, change);
        return Map.copyOf(m);
    }

    /** A change that rebuilds a nested record (kept {@code null}) with the given changes. */
    private static UnaryOperator<Object> nested(Map<String, UnaryOperator<Object>> changes) {
        return old -> old == null ? null : RecordText.with((Record) old, changes);
    }

    private static Map<String, UnaryOperator<Object>> versionAndTime(long version, Instant now) {
        return Map.of("version", old -> version + 1, "updatedAt", old -> now.isBefore((Instant) old) ? old : now);
    }

    @Override
    public PersonalDataExport export(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        Instant now = context.now();
        return context.read(tenant, uow -> {
            Customer customer =
                    uow.customers().find(customerId).orElseThrow(() -> new NoSuchCustomerException(customerId));
            List<PersonalDataExport.Entry> entries = new ArrayList<>();
            entries.add(entry("customer", customer.id().toString(), customer.updatedAt(), customer));
            for (ChildKind<?, ?> kind : CHILDREN) {
                for (Record child : kind.all(uow, customerId)) {
                    Aggregate<?> a = (Aggregate<?>) child;
                    entries.add(entry(kind.source(), String.valueOf(a.id()), updatedAt(child), child));
                }
            }
            optional(() -> {
                uow.points()
                        .find(customerId)
                        .ifPresent(a -> entries.add(entry("pointsAccount", customerId.toString(), a.updatedAt(), a)));
                each(
                        p -> uow.points().listEntries(customerId, p),
                        e -> entries.add(entry("pointsEntry", e.id().toString(), e.occurredAt(), e)));
            });
            optional(() -> {
                uow.ownership()
                        .ownershipHistory(customerId)
                        .forEach(o -> entries.add(entry("ownership", customerId + "@" + o.from(), o.from(), o)));
                uow.ownership()
                        .sharesOf(customerId)
                        .forEach(s -> entries.add(entry("share", customerId + "/" + s.staff(), s.since(), s)));
            });
            optional(() -> {
                int seq = 0;
                for (var t : uow.lifecycle().history(customerId)) {
                    entries.add(entry("lifecycleTransition", customerId + "#" + ++seq, t.at(), t));
                }
                uow.lifecycle()
                        .churnReasons(customerId)
                        .forEach(c ->
                                entries.add(entry("churnReason", customerId + "@" + c.lostAt(), c.recordedAt(), c)));
            });
            optional(() -> uow.campaigns()
                    .scan(c -> uow.campaignTargets()
                            .find(c.id(), customerId)
                            .ifPresent(t ->
                                    entries.add(entry("campaignTarget", c.id() + "/" + customerId, t.addedAt(), t)))));
            uow.scores()
                    .find(customerId)
                    .ifPresent(s -> entries.add(entry("scoreSnapshot", s.runId() + "/" + customerId, null, s)));
            optional(() -> uow.privacy()
                    .erasure(customerId)
                    .ifPresent(e -> entries.add(entry("erasure", customerId.toString(), e.erasedAt(), e))));
            return new PersonalDataExport(tenant, customerId, now, entries);
        });
    }

    private static PersonalDataExport.Entry entry(String source, String id, Instant setAt, Record record) {
        return new PersonalDataExport.Entry(source, id, setAt, RecordText.flatten(record));
    }

    private static Instant updatedAt(Record r) {
        SortedMap<String, String> f = RecordText.flatten(r);
        String at = f.get("updatedAt");
        return at == null ? null : Instant.parse(at);
    }

    private static <T> void each(Function<PageRequest, Page<T>> list, java.util.function.Consumer<T> visitor) {
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<T> p = list.apply(page);
            p.items().forEach(visitor);
            if (!p.hasMore()) {
                return;
            }
            page = p.request().next();
        }
    }

    /** Runs a part that needs an optional repository; a store without it has nothing to export there. */
    private static void optional(Runnable part) {
        try {
            part.run();
        } catch (UnsupportedOperationException e) {
            // the store does not keep this kind of record
        }
    }

    @Override
    public ErasureReport erase(CustomerId customerId, String reason) {
        Objects.requireNonNull(customerId, "customerId");
        Check.text("reason", reason, Erasure.REASON_MAX);
        // events still pending may carry the customer's data: deliver them before their rows are removed
        context.deliverPending(tenant);
        return context.writeRereading(tenant, scope -> {
            UnitOfWork uow = scope.uow();
            PrivacyRepository privacy = uow.privacy();
            Customer customer =
                    uow.customers().find(customerId).orElseThrow(() -> new NoSuchCustomerException(customerId));
            Optional<Erasure> before = privacy.erasure(customerId);
            if (before.isPresent()) {
                return new ErasureReport(before.get(), true, new TreeMap<>(), 0);
            }
            Instant now = scope.now();
            Set<String> hashes = hashes(identifiers(customer), salt(privacy));
            SortedMap<String, Integer> records = new TreeMap<>();
            Customer erased = eraseCustomer(customer, now);
            if (!erased.equals(customer)) {
                Aggregates.writeCustomer(customerId, () -> uow.customers().update(customer.version(), erased));
                records.put("customer", 1);
            }
            for (ChildKind<?, ?> kind : CHILDREN) {
                int n = kind.erase(uow, customerId, now);
                if (n > 0) {
                    records.put(kind.source(), n);
                }
            }
            int targets = eraseTargets(uow, customerId);
            if (targets > 0) {
                records.put("campaignTarget", targets);
            }
            if (eraseSnapshot(uow, customerId)) {
                records.put("scoreSnapshot", 1);
            }
            // the erasure's own changes are audited too: append them, then scrub every audit value of the customer
            scope.flushAudit();
            try {
                long audited = uow.audit().scrub(customerId, ERASED_TEXT);
                if (audited > 0) {
                    records.put("audit", (int) Math.min(Integer.MAX_VALUE, audited));
                }
            } catch (UnsupportedOperationException e) {
                // the store keeps no audit trail
            }
            privacy.scrubLogs(customerId, ERASED_TEXT).forEach((k, v) -> {
                if (v > 0) {
                    records.merge(k, v, Integer::sum);
                }
            });
            int suppressed = privacy.suppress(hashes);
            Erasure erasure = new Erasure(customerId, now, reason);
            privacy.recordErasure(erasure);
            scope.publish(new CustomerErased(scope.metadata(), customerId));
            return new ErasureReport(erasure, false, records, suppressed);
        });
    }

    private Customer eraseCustomer(Customer c, Instant now) {
        Map<String, FieldDefinition<?>> defined = context.customFields();
        SortedMap<String, Object> kept = new TreeMap<>();
        c.customFields().asMap().forEach((name, value) -> {
            FieldDefinition<?> d = defined.get(name);
            if (d != null && !d.isPersonal()) {
                kept.put(name, value);
            }
        });
        Map<String, UnaryOperator<Object>> changes = new java.util.HashMap<>();
        changes.put("displayName", old -> ERASED_TEXT);
        changes.put("legalName", RecordText.text(ERASED_TEXT));
        changes.put("contactPoints", old -> List.of());
        changes.put("contactPersons", old -> List.of());
        changes.put("importantDates", old -> List.of());
        changes.put("externalId", old -> null);
        changes.put(
                "preferences",
                old -> old == null
                        ? null
                        : RecordText.with((Record) old, Map.of("consents", RecordText.each(texts("source")))));
        changes.put("customFields", old -> CustomFields.of(kept));
        Customer erased = RecordText.with(c, changes);
        return erased.equals(c) ? c : RecordText.with(erased, versionAndTime(c.version(), now));
    }

    private static int eraseTargets(UnitOfWork uow, CustomerId customerId) {
        int[] changed = {0};
        optional(() -> uow.campaigns()
                .scan(c -> uow.campaignTargets().find(c.id(), customerId).ifPresent(t -> {
                    var erased = RecordText.with(t, texts("reason"));
                    if (!erased.equals(t)) {
                        uow.campaignTargets().put(erased);
                        changed[0]++;
                    }
                })));
        return changed[0];
    }

    /** Replaces the reason labels of the customer's snapshot (generated text, but a manual move quotes a person). */
    private static boolean eraseSnapshot(UnitOfWork uow, CustomerId customerId) {
        Optional<ScoreSnapshot> found = uow.scores().find(customerId);
        if (found.isEmpty()) {
            return false;
        }
        ScoreSnapshot s = found.get();
        TreeMap<String, String> labels = new TreeMap<>(s.labels());
        boolean changed = false;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (e.getKey().endsWith(".reason") && !e.getValue().equals(ERASED_TEXT)) {
                e.setValue(ERASED_TEXT);
                changed = true;
            }
        }
        if (changed) {
            uow.scores()
                    .upsertAll(List.of(new ScoreSnapshot(
                            s.customerId(), s.runId(), s.asOf(), s.inputsHash(), s.metrics(), labels)));
        }
        return changed;
    }

    @Override
    public Optional<Erasure> erasure(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return context.read(tenant, uow -> uow.privacy().erasure(customerId));
    }

    @Override
    public boolean isSuppressed(CustomerDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return context.read(tenant, uow -> Suppression.checker(uow).test(draft));
    }

    @Override
    public Customer registerSuppressed(CustomerDraft draft, String reason) {
        Check.required("draft", draft);
        Check.text("reason", reason, Erasure.REASON_MAX);
        return context.write(tenant, scope -> {
            UnitOfWork uow = scope.uow();
            PrivacyRepository privacy = uow.privacy();
            Optional<byte[]> salt = privacy.salt();
            Set<String> listed = salt.isEmpty()
                    ? Set.of()
                    : privacy.suppressed(hashes(
                            identifiers(draft.contactPoints(), draft.contactPersons(), draft.externalId()),
                            salt.get()));
            if (listed.isEmpty()) {
                throw new ValidationException(
                        "draft",
                        ValidationRule.INVALID_STATE,
                        "the draft names no erased person (not on the suppression list); register it the normal way");
            }
            Customer customer = new DefaultCustomers(context, tenant).register(scope, draft);
            int removed = privacy.unsuppress(listed);
            scope.audit(
                    new Subject(PersonalData.OVERRIDE_KIND, customer.id().toString(), customer.id()),
                    AuditAction.CREATE,
                    List.of(
                            new FieldChange("reason", null, reason),
                            new FieldChange("unsuppressed", null, Integer.toString(removed))));
            return customer;
        });
    }

    private static byte[] salt(PrivacyRepository privacy) {
        Optional<byte[]> salt = privacy.salt();
        if (salt.isPresent()) {
            return salt.get();
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // a concurrent first erasure may win the insert: DuplicateKeyException rolls this one back and the
        // caller's retry reads the winner's salt
        privacy.createSalt(fresh);
        return fresh;
    }

    private static Set<String> identifiers(Customer c) {
        return identifiers(c.contactPoints(), c.contactPersons(), c.externalId());
    }

    /**
     * The identifiers that name a person: e-mail addresses (normalised), phone numbers (E.164 when written
     * with a country code, else their digits) and the external id, each prefixed with its kind.
     */
    static Set<String> identifiers(List<ContactPoint> points, List<ContactPerson> persons, String externalId) {
        Set<String> out = new LinkedHashSet<>();
        List<ContactPoint> all = new ArrayList<>(points);
        persons.forEach(p -> all.addAll(p.contactPoints()));
        for (ContactPoint p : all) {
            if (p.value() == null) {
                continue;
            }
            if (p.type() == ContactType.EMAIL) {
                try {
                    out.add("email:" + EmailNormalizer.standard().normalize(p.value()));
                } catch (RuntimeException e) {
                    out.add("email:" + p.value().strip().toLowerCase(java.util.Locale.ROOT));
                }
            } else if (p.type() == ContactType.PHONE) {
                try {
                    out.add("phone:" + PhoneNormalizer.international().normalize(p.value()));
                } catch (RuntimeException e) {
                    String digits = p.value().replaceAll("[^0-9]", "");
                    if (!digits.isEmpty()) {
                        out.add("phone:" + digits);
                    }
                }
            }
        }
        if (externalId != null) {
            out.add("externalId:" + externalId);
        }
        return out;
    }

    static Set<String> hashes(Set<String> identifiers, byte[] salt) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : identifiers) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(salt);
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                out.add(HexFormat.of().formatHex(sha.digest()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
        return out;
    }
}
