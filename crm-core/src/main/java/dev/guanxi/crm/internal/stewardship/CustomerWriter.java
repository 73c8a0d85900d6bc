package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.Consent;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.OwnershipRecord;
import dev.guanxi.crm.event.CustomerConsentRecorded;
import dev.guanxi.crm.event.CustomerOwnerChanged;
import dev.guanxi.crm.event.CustomerRegistered;
import dev.guanxi.crm.event.CustomerUpdated;
import dev.guanxi.crm.field.FieldDefinition;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.customer.CustomerRules;
import dev.guanxi.crm.spi.storage.CustomerRepository;
import dev.guanxi.crm.spi.storage.OwnershipRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.stewardship.DuplicateMatch;
import dev.guanxi.crm.stewardship.DuplicatePolicy;
import dev.guanxi.crm.stewardship.ImportFlag;
import dev.guanxi.crm.stewardship.MatchEvidence;
import dev.guanxi.crm.stewardship.MatchSubject;
import dev.guanxi.crm.stewardship.MergeOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Customer rows: a stored external id is updated (nothing written if the values are equal), a new one registered
 * (in bulk) unless the duplicate policy says otherwise. The checks, the ownership ledger lines and the events are
 * those of {@code Customers.register} and {@code Customers.update}.
 */
final class CustomerWriter implements BatchWriter {
    /** The ledger reasons of {@code DefaultCustomers}, so that imported and registered customers read alike. */
    private static final String REGISTERED = "registered";

    private static final String OWNER_CHANGED = "owner changed";

    private final Map<String, FieldDefinition<?>> definitions;
    private final DuplicatePolicy policy;
    private final DuplicateIndex index;
    private final ImportMerge merge;
    private final MergeOptions mergeOptions;

    /**
     * @param definitions the CRM's custom fields
     * @param policy the duplicate policy, or {@code null} for no detection
     * @param index the duplicate index ({@code null} without detection)
     * @param merge the merge seam
     * @param mergeOptions the survivorship rules of {@link DuplicatePolicy#MERGE}
     */
    CustomerWriter(
            Map<String, FieldDefinition<?>> definitions,
            DuplicatePolicy policy,
            DuplicateIndex index,
            ImportMerge merge,
            MergeOptions mergeOptions) {
        this.definitions = definitions;
        this.policy = policy;
        this.index = index;
        this.merge = merge;
        this.mergeOptions = mergeOptions;
    }

    @Override
    public void write(CrmContext.WriteScope scope, List<ImportRow> rows, BatchOutcome out) {
        UnitOfWork uow = scope.uow();
        CustomerRepository repo = uow.customers();
        List<Customer> inserts = new ArrayList<>();
        Map<String, Customer> known = repo.findByExternalIds(RowKeys.externalIds(rows));
        java.util.function.Predicate<CustomerDraft> suppressed =
                dev.guanxi.crm.internal.privacy.Suppression.checker(uow);
        boolean merged = false;
        for (ImportRow row : rows) {
            if (row.bad()) {
                out.fail(row);
                continue;
            }
            CustomerPatch patch = (CustomerPatch) row.content();
            try {
                // after a merge, the customers read before it may be stale: read each one again
                Optional<Customer> stored = merged
                        ? repo.findByExternalId(row.externalId())
                        : Optional.ofNullable(known.get(row.externalId()));
                if (stored.isPresent()) {
                    update(scope, row, patch, stored.get(), out);
                } else if (mergedAway(uow, row, out)) {
                    continue;
                } else {
                    merged |= create(scope, row, patch, inserts, out, suppressed);
                }
            } catch (ValidationException e) {
                out.fail(row, e, patch::field);
            }
        }
        flush(scope, inserts);
    }

    private void update(
            CrmContext.WriteScope scope, ImportRow row, CustomerPatch patch, Customer current, BatchOutcome out) {
        CustomerDraft draft = withExternalId(patch.apply(current.draft()), row.externalId());
        if (draft.equals(current.draft())) {
            out.unchanged++;
            return;
        }
        CustomerRules.check(draft, current, scope.uow().referenceCodes(), definitions, scope.clock());
        Customer updated = current.revise(draft, scope.now());
        scope.uow().customers().update(current.version(), updated);
        OwnershipRepository ledger = ledgerOrNull(scope.uow());
        if (ledger != null && !Objects.equals(current.owner(), updated.owner())) {
            ledger.appendOwnership(
                    OwnershipRecord.open(updated.id(), updated.owner(), scope.now(), OWNER_CHANGED, null));
        }
        scope.publish(new CustomerUpdated(scope.metadata(), current, updated));
        publishDetails(scope, current, updated);
        out.updated++;
    }

    /**
     * Whether the row's external id belongs to a customer merged into another: creating it again would undo the
     * merge by the back door. With {@link DuplicatePolicy#MERGE} the row was merged before (a re-import): it is
     * counted unchanged and nothing is written; otherwise it is reported.
     */
    private boolean mergedAway(UnitOfWork uow, ImportRow row, BatchOutcome out) {
        Optional<Customer> survivor = dev.guanxi.crm.internal.MergeTrail.byExternalId(uow, row.externalId());
        if (survivor.isEmpty()) {
            return false;
        }
        if (policy == DuplicatePolicy.MERGE) {
            out.unchanged++;
            return true;
        }
        out.fail(
                row,
                "externalId",
                ValidationRule.DUPLICATE,
                "customer " + row.externalId() + " was merged into "
                        + survivor.get().id() + "; import its data under the survivor's external id");
        return true;
    }

    /** @return whether the row was merged into a stored customer */
    private boolean create(
            CrmContext.WriteScope scope,
            ImportRow row,
            CustomerPatch patch,
            List<Customer> inserts,
            BatchOutcome out,
            java.util.function.Predicate<CustomerDraft> suppressed) {
        CustomerDraft draft = withExternalId(patch.apply(null), row.externalId());
        CustomerRules.check(draft, null, scope.uow().referenceCodes(), definitions, scope.clock());
        if (suppressed.test(draft)) {
            // an erased person: the suppression list holds salted hashes of its identifiers, never the values
            out.fail(
                    row,
                    "customer",
                    ValidationRule.INVALID_STATE,
                    "the row names a person whose data was erased (on the suppression list); not created");
            return false;
        }
        boolean flag = false;
        DuplicateMatch best = null;
        if (index != null) {
            List<DuplicateMatch> matches = index.find(MatchSubject.of(draft));
            if (!matches.isEmpty()) {
                best = matches.get(0);
                switch (policy) {
                    case SKIP -> {
                        out.flags.add(flag(row, DuplicatePolicy.SKIP, null, best));
                        out.skipped++;
                        return false;
                    }
                    case MERGE -> {
                        flush(scope, inserts);
                        Customer loser = Customer.create(CustomerId.random(), draft, scope.now());
                        CustomerId survivor = merge.merge(scope, best.customer(), loser, mergeOptions, c -> {
                                    inserts.add(c);
                                    flush(scope, inserts);
                                })
                                .survivor()
                                .id();
                        out.flags.add(flag(row, DuplicatePolicy.MERGE, survivor, best));
                        out.updated++;
                        return true;
                    }
                    case FLAG -> flag = true;
                }
            }
        }
        Customer customer = Customer.create(CustomerId.random(), draft, scope.now());
        inserts.add(customer);
        if (index != null) {
            index.add(customer.id(), MatchSubject.of(customer));
        }
        if (flag) {
            out.flags.add(flag(row, DuplicatePolicy.FLAG, customer.id(), best));
            out.flagged++;
        } else {
            out.created++;
        }
        return false;
    }

    private static ImportFlag flag(ImportRow row, DuplicatePolicy action, CustomerId customer, DuplicateMatch best) {
        List<String> matchers = new ArrayList<>(best.fired().size());
        for (MatchEvidence e : best.fired()) {
            matchers.add(e.matcher());
        }
        return new ImportFlag(
                row.number(), row.externalId(), action, customer, best.customer(), best.score(), matchers);
    }

    /** Inserts the new customers in bulk, with their ledger lines and events. */
    private static void flush(CrmContext.WriteScope scope, List<Customer> inserts) {
        if (inserts.isEmpty()) {
            return;
        }
        scope.uow().customers().insertAll(inserts);
        OwnershipRepository ledger = ledgerOrNull(scope.uow());
        if (ledger != null) {
            List<OwnershipRecord> lines = new ArrayList<>(inserts.size());
            for (Customer customer : inserts) {
                lines.add(OwnershipRecord.open(customer.id(), customer.owner(), scope.now(), REGISTERED, null));
            }
            ledger.appendOwnershipAll(lines);
        }
        for (Customer customer : inserts) {
            scope.publish(new CustomerRegistered(scope.metadata(), customer));
            publishDetails(scope, null, customer);
        }
        inserts.clear();
    }

    private static CustomerDraft withExternalId(CustomerDraft draft, String externalId) {
        return externalId.equals(draft.externalId())
                ? draft
                : draft.toBuilder().externalId(externalId).build();
    }

    /** The store's ownership ledgers, or null if it predates them (as {@code DefaultCustomers} does). */
    static OwnershipRepository ledgerOrNull(UnitOfWork uow) {
        try {
            return uow.ownership();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** The owner change and the consent decisions added, after the main event (as {@code DefaultCustomers}). */
    static void publishDetails(CrmContext.WriteScope scope, Customer before, Customer after) {
        if (!Objects.equals(before == null ? null : before.owner(), after.owner())) {
            scope.publish(new CustomerOwnerChanged(
                    scope.metadata(), after.id(), before == null ? null : before.owner(), after.owner()));
        }
        List<Consent> old = new ArrayList<>(
                before == null ? List.of() : before.preferences().consents());
        for (Consent consent : after.preferences().consents()) {
            if (!old.remove(consent)) {
                scope.publish(new CustomerConsentRecorded(scope.metadata(), after.id(), consent));
            }
        }
    }
}
