package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.TenantMismatchException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerShare;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.customer.OwnershipRecord;
import dev.guanxi.crm.event.CustomerMergeUndone;
import dev.guanxi.crm.event.CustomerOwnerChanged;
import dev.guanxi.crm.event.CustomersMerged;
import dev.guanxi.crm.internal.Aggregates;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.MergeTrail;
import dev.guanxi.crm.internal.customer.CustomerRules;
import dev.guanxi.crm.loyalty.PointsAccount;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignTarget;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.CampaignTargetRepository;
import dev.guanxi.crm.spi.storage.LifecycleRepository;
import dev.guanxi.crm.spi.storage.MergeLogRepository;
import dev.guanxi.crm.spi.storage.OwnershipRepository;
import dev.guanxi.crm.spi.storage.PointsLedgerRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.stewardship.ChildKind;
import dev.guanxi.crm.stewardship.CustomerTombstone;
import dev.guanxi.crm.stewardship.FieldChoice;
import dev.guanxi.crm.stewardship.FieldDecision;
import dev.guanxi.crm.stewardship.MergeConflict;
import dev.guanxi.crm.stewardship.MergeConflictException;
import dev.guanxi.crm.stewardship.MergeId;
import dev.guanxi.crm.stewardship.MergeLogEntry;
import dev.guanxi.crm.stewardship.MergeNotUndoableException;
import dev.guanxi.crm.stewardship.MergeNotUndoableException.Refusal;
import dev.guanxi.crm.stewardship.MergeOptions;
import dev.guanxi.crm.stewardship.MergePlan;
import dev.guanxi.crm.stewardship.MergeResult;
import dev.guanxi.crm.stewardship.MovedRow;
import dev.guanxi.crm.stewardship.RowsKept;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans, executes and undoes merges of two customers of one tenant (see {@link
 * dev.guanxi.crm.stewardship.Stewardship} for the contract). Every write happens in one unit of work through
 * the repositories' versioned operations, so a failure at any step rolls the whole merge back. Thread-safe
 * (holds no mutable state).
 */
final class CustomerMerger {
    private static final Comparator<MovedRow> ROW_ORDER =
            Comparator.comparing(MovedRow::kind).thenComparing(MovedRow::key);

    private final CrmContext context;
    private final TenantId tenant;

    CustomerMerger(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }

    MergePlan plan(CustomerId survivorId, CustomerId loserId, MergeOptions options) {
        Check.required("survivorId", survivorId);
        Check.required("loserId", loserId);
        Check.required("options", options);
        if (survivorId.equals(loserId)) {
            throw Check.fail("loserId", ValidationRule.INVALID_STATE, "a customer cannot be merged into itself");
        }
        Customer[] pair = context.read(
                tenant, uow -> new Customer[] {load(uow, survivorId, "survivorId"), load(uow, loserId, "loserId")});
        Customer survivor = pair[0];
        Customer loser = pair[1];
        // The host's choosers run here, outside any unit of work.
        List<FieldDecision> decisions = Survivorship.decide(survivor, loser, options);
        CustomerDraft merged = Survivorship.draft(survivor, decisions);
        Instant now = context.now();
        return context.read(tenant, uow -> {
            Customer s = load(uow, survivorId, "survivorId");
            Customer l = load(uow, loserId, "loserId");
            if (s.version() != survivor.version()) {
                throw new StaleVersionException("Customer", survivorId, survivor.version());
            }
            if (l.version() != loser.version()) {
                throw new StaleVersionException("Customer", loserId, loser.version());
            }
            CustomerRules.check(merged, s, uow.referenceCodes(), context.customFields(), context.clock());
            Rows rows = Rows.collect(uow, s.id(), l.id(), merged.owner());
            rows.throwConflicts(s.id(), l.id());
            List<RowsKept> kept = kept(uow, l.id());
            boolean rescore = !rows.moves.isEmpty()
                    || kept.stream().anyMatch(k -> k.kind() == ChildKind.LIFECYCLE || k.kind() == ChildKind.SCORES);
            return new MergePlan(tenant, s, l, decisions, merged, rows.moves, kept, rescore, now);
        });
    }

    MergeResult merge(MergePlan plan) {
        Check.required("plan", plan);
        if (!plan.tenant().equals(tenant)) {
            throw new TenantMismatchException(
                    "the merge plan was made in another tenant than " + tenant + "; plan the merge in this tenant");
        }
        return context.write(tenant, scope -> {
            UnitOfWork uow = scope.uow();
            Customer s = Aggregates.currentCustomer(uow, plan.survivor().id(), plan.survivorVersion());
            Customer l = Aggregates.currentCustomer(uow, plan.loser().id(), plan.loserVersion());
            if (!s.equals(plan.survivor()) || !l.equals(plan.loser())) {
                throw new IllegalArgumentException("the plan's customers are not the stored ones: use planMerge");
            }
            return execute(scope, s, l, plan.merged(), plan.decisions(), plan.moves(), plan.rescoringNeeded());
        });
    }

    /**
     * Merges a customer that is not stored yet (an imported row) into a stored one, in the caller's unit of work:
     * decides the fields by {@code options}, checks the merged values, then stores {@code loser} through {@code
     * register} and merges it exactly as {@link #merge} does (merge log, tombstone, events), so that {@link #undo}
     * restores both. Runs a host's choosers inside the unit of work.
     *
     * @param scope the caller's unit of work
     * @param survivorId the stored customer that survives
     * @param loser the new customer, not stored
     * @param options the survivorship rules
     * @param register stores the new customer (with its ledger line and events)
     * @return the merge
     * @throws dev.guanxi.crm.ValidationException if the merged values break a rule, thrown before anything is
     *     written
     */
    MergeResult mergeNew(
            CrmContext.WriteScope scope,
            CustomerId survivorId,
            Customer loser,
            MergeOptions options,
            java.util.function.Consumer<Customer> register) {
        UnitOfWork uow = scope.uow();
        Customer s = load(uow, survivorId, "duplicateOf");
        List<FieldDecision> decisions = Survivorship.decide(s, loser, options);
        CustomerDraft merged = Survivorship.draft(s, decisions);
        check(scope, s, loser, merged);
        register.accept(loser);
        Customer l = uow.customers()
                .find(loser.id())
                .orElseThrow(() -> new IllegalStateException("the new customer was not stored: " + loser.id()));
        return execute(scope, s, l, merged, decisions, null, null);
    }

    /** The checks of the merged values, before anything is written. */
    private void check(CrmContext.WriteScope scope, Customer s, Customer l, CustomerDraft merged) {
        UnitOfWork uow = scope.uow();
        Survivorship.checkExternalId(s, merged);
        if (!Objects.equals(merged.externalId(), s.externalId())
                && !Objects.equals(merged.externalId(), l.externalId())) {
            MergeTrail.requireFree(uow, merged.externalId(), s.id()); // a host's value, not a customer's
        }
        CustomerRules.check(merged, s, uow.referenceCodes(), context.customFields(), scope.clock());
    }

    /**
     * The merge itself, shared by the API and the import: moves the loser's rows, tombstones it, updates the
     * survivor and writes the merge log, in {@code scope}.
     *
     * @param planned the rows the plan listed (they must be the loser's rows now), or null to move whatever is
     * @param rescore whether the plan said re-scoring is needed, or null to decide from the rows
     */
    private MergeResult execute(
            CrmContext.WriteScope scope,
            Customer s,
            Customer l,
            CustomerDraft merged,
            List<FieldDecision> decisions,
            List<MovedRow> planned,
            Boolean rescore) {
        MergeId mergeId = MergeId.random();
        UnitOfWork uow = scope.uow();
        MergeLogRepository log = uow.mergeLog();
        check(scope, s, l, merged);
        Rows rows = Rows.collect(uow, s.id(), l.id(), merged.owner());
        rows.throwConflicts(s.id(), l.id());
        if (planned != null) {
            requireSameRows(planned, rows.moves);
        }
        boolean rescoringNeeded = rescore != null
                ? rescore
                : !rows.moves.isEmpty()
                        || kept(uow, l.id()).stream()
                                .anyMatch(k -> k.kind() == ChildKind.LIFECYCLE || k.kind() == ChildKind.SCORES);

        List<MovedRow> after = moveRows(uow, rows, l.id(), s.id());
        Aggregates.writeCustomer(l.id(), () -> uow.customers().delete(l.id(), l.version()));
        Customer updated = s.revise(merged, scope.now());
        Aggregates.writeCustomer(s.id(), () -> uow.customers().update(s.version(), updated));
        boolean ownerChanged = !Objects.equals(s.owner(), updated.owner());
        if (ownerChanged) {
            appendOwner(uow, updated, scope.now(), "merged with customer " + l.id());
        }
        String keptExternalId = Objects.equals(l.externalId(), updated.externalId()) ? null : l.externalId();
        log.putTombstone(new CustomerTombstone(l.id(), s.id(), keptExternalId, mergeId, scope.now()));
        List<FieldChoice> choices = decisions.stream().map(FieldChoice::of).toList();
        log.insert(new MergeLogEntry(
                mergeId, s.id(), l.id(), scope.now(), null, s, l, updated, choices, after, rows.targets, rows.shares));
        scope.publish(new CustomersMerged(
                scope.metadata(), s.id(), l.id(), mergeId.value(), updated.version(), after.size(), rescoringNeeded));
        if (ownerChanged) {
            scope.publish(new CustomerOwnerChanged(scope.metadata(), s.id(), s.owner(), updated.owner()));
        }
        return new MergeResult(mergeId, updated, l.id(), after.size(), rescoringNeeded);
    }

    MergeLogEntry undo(MergeId mergeId) {
        Check.required("mergeId", mergeId);
        return context.write(tenant, scope -> {
            UnitOfWork uow = scope.uow();
            MergeLogRepository log = uow.mergeLog();
            MergeLogEntry entry = log.find(mergeId).orElseThrow(() -> new NotFoundException("Merge", mergeId));
            if (entry.isUndone()) {
                throw refuse(mergeId, Refusal.ALREADY_UNDONE, null, null, "it was undone at " + entry.undoneAt());
            }
            CustomerId survivorId = entry.survivorId();
            CustomerId loserId = entry.loserId();
            Customer s = uow.customers()
                    .find(survivorId)
                    .orElseThrow(() -> refuse(
                            mergeId,
                            Refusal.SURVIVOR_CHANGED,
                            null,
                            survivorId.toString(),
                            "the survivor " + survivorId + " was merged into another or deleted since"));
            if (!s.equals(entry.survivorAfter())) {
                throw refuse(
                        mergeId,
                        Refusal.SURVIVOR_CHANGED,
                        null,
                        survivorId.toString(),
                        "the survivor " + survivorId + " is at version " + s.version() + ", the merge left it at "
                                + entry.survivorAfter().version());
            }
            checkLoserFree(uow, log, entry, s);
            checkRowsUnchanged(uow, entry);

            Customer restored = withVersion(entry.survivorBefore(), s.version() + 1);
            uow.customers().update(s.version(), restored);
            log.removeTombstone(loserId);
            uow.customers().insert(entry.loserBefore());
            moveBack(uow, entry);
            if (!Objects.equals(s.owner(), restored.owner())) {
                appendOwner(uow, restored, scope.now(), "merge " + mergeId + " undone");
            }
            if (!log.markUndone(mergeId, scope.now())) {
                throw refuse(mergeId, Refusal.ALREADY_UNDONE, null, null, "it was undone concurrently");
            }
            scope.publish(new CustomerMergeUndone(
                    scope.metadata(), survivorId, loserId, mergeId.value(), restored.version()));
            if (!Objects.equals(s.owner(), restored.owner())) {
                scope.publish(new CustomerOwnerChanged(scope.metadata(), survivorId, s.owner(), restored.owner()));
            }
            return entry.withUndoneAt(scope.now());
        });
    }

    List<MergeLogEntry> merges(CustomerId customerId) {
        Check.required("customerId", customerId);
        return context.read(tenant, uow -> uow.mergeLog().listByCustomer(customerId));
    }

    /** A customer of the tenant; a tombstone's id is refused as a merge participant. */
    private static Customer load(UnitOfWork uow, CustomerId id, String field) {
        Optional<Customer> found = uow.customers().find(id);
        if (found.isPresent()) {
            return found.get();
        }
        MergeLogRepository log = MergeTrail.logOrNull(uow);
        Optional<CustomerTombstone> tombstone = log == null ? Optional.empty() : log.findTombstone(id);
        if (tombstone.isPresent()) {
            throw Check.fail(
                    field,
                    ValidationRule.INVALID_STATE,
                    "customer " + id + " was merged into " + tombstone.get().mergedInto() + " already");
        }
        throw new NoSuchCustomerException(id);
    }

    /** The rows the plan lists must be exactly the loser's rows now, at the same versions. */
    private static void requireSameRows(List<MovedRow> planned, List<MovedRow> actual) {
        if (planned.equals(actual)) {
            return;
        }
        Map<String, MovedRow> now = new HashMap<>();
        actual.forEach(r -> now.put(r.kind() + "/" + r.key(), r));
        for (MovedRow p : planned) {
            MovedRow a = now.remove(p.kind() + "/" + p.key());
            if (a == null || a.version() != p.version()) {
                throw new StaleVersionException(p.kind().entityType(), p.key(), p.version());
            }
        }
        MovedRow added = now.values().stream().sorted(ROW_ORDER).findFirst().orElseThrow();
        // A row the plan did not know of: plan again (expected version 0 = "not in the plan").
        throw new StaleVersionException(added.kind().entityType(), added.key(), 0);
    }

    /** Moves every collected row to the survivor; returns the rows with their versions after the move. */
    private static List<MovedRow> moveRows(UnitOfWork uow, Rows rows, CustomerId from, CustomerId to) {
        List<MovedRow> after = new ArrayList<>(rows.moves.size());
        Map<ChildKind, Rehome<?, ?>> kinds = kinds();
        for (MovedRow m : rows.moves) {
            switch (m.kind()) {
                case CAMPAIGN_TARGETS -> {
                    CampaignTarget t = rows.target(m.key());
                    uow.campaignTargets().remove(t.campaignId(), from);
                    uow.campaignTargets().put(withCustomer(t, to));
                    after.add(m);
                }
                case SHARES -> {
                    CustomerShare share = rows.share(m.key());
                    uow.ownership().removeShare(from, share.staff());
                    uow.ownership().putShare(withCustomer(share, to));
                    after.add(m);
                }
                case POINTS -> {
                    uow.points().reassignCustomer(from, m.version(), to);
                    after.add(m);
                }
                default -> {
                    Aggregate<?> moved = kinds.get(m.kind()).move(uow, m.key(), m.version(), to);
                    after.add(new MovedRow(m.kind(), m.key(), moved.version()));
                }
            }
        }
        return after;
    }

    /** Gives the rows of a merge back to the loser, each exactly as it was before the merge, version included. */
    private static void moveBack(UnitOfWork uow, MergeLogEntry entry) {
        CustomerId survivor = entry.survivorId();
        CustomerId loser = entry.loserId();
        Map<ChildKind, Rehome<?, ?>> kinds = kinds();
        for (MovedRow m : entry.moved()) {
            switch (m.kind()) {
                case CAMPAIGN_TARGETS -> {
                    CampaignTarget t = targetOf(entry, m.key());
                    uow.campaignTargets().remove(t.campaignId(), survivor);
                    uow.campaignTargets().put(t);
                }
                case SHARES -> {
                    CustomerShare share = shareOf(entry, m.key());
                    uow.ownership().removeShare(survivor, share.staff());
                    uow.ownership().putShare(share);
                }
                case POINTS -> uow.points().reassignCustomer(survivor, m.version(), loser);
                default -> kinds.get(m.kind()).restore(uow, m.key(), m.version(), loser);
            }
        }
    }

    private static void checkLoserFree(UnitOfWork uow, MergeLogRepository log, MergeLogEntry entry, Customer s) {
        MergeId mergeId = entry.id();
        CustomerId loserId = entry.loserId();
        if (uow.customers().find(loserId).isPresent()) {
            throw refuse(mergeId, Refusal.LOSER_CHANGED, null, loserId.toString(), "the id " + loserId + " is in use");
        }
        Optional<CustomerTombstone> tombstone = log.findTombstone(loserId);
        if (tombstone.isEmpty()
                || !tombstone.get().mergeId().equals(mergeId)
                || !tombstone.get().mergedInto().equals(entry.survivorId())) {
            throw refuse(
                    mergeId,
                    Refusal.LOSER_CHANGED,
                    null,
                    loserId.toString(),
                    "the tombstone of " + loserId + " is not the one this merge left");
        }
        String externalId = entry.loserBefore().externalId();
        if (externalId != null) {
            Optional<Customer> holder = uow.customers().findByExternalId(externalId);
            if (holder.isPresent() && !holder.get().id().equals(s.id())) {
                throw refuse(
                        mergeId,
                        Refusal.LOSER_CHANGED,
                        null,
                        loserId.toString(),
                        "the loser's external id is held by customer "
                                + holder.get().id() + " since");
            }
        }
    }

    private static void checkRowsUnchanged(UnitOfWork uow, MergeLogEntry entry) {
        CustomerId survivor = entry.survivorId();
        CustomerId loser = entry.loserId();
        Map<ChildKind, Rehome<?, ?>> kinds = kinds();
        for (MovedRow m : entry.moved()) {
            boolean same = switch (m.kind()) {
                case CAMPAIGN_TARGETS -> {
                    CampaignTarget t = targetOf(entry, m.key());
                    yield uow.campaignTargets()
                                    .find(t.campaignId(), survivor)
                                    .equals(Optional.of(withCustomer(t, survivor)))
                            && uow.campaignTargets().find(t.campaignId(), loser).isEmpty();
                }
                case SHARES -> {
                    CustomerShare share = shareOf(entry, m.key());
                    yield uow.ownership().sharesOf(survivor).contains(withCustomer(share, survivor))
                            && uow.ownership().sharesOf(loser).stream()
                                    .noneMatch(x -> x.staff().equals(share.staff()));
                }
                case POINTS -> {
                    Optional<PointsAccount> account = uow.points().find(survivor);
                    yield account.isPresent()
                            && account.get().version() == m.version()
                            && uow.points().find(loser).isEmpty();
                }
                default -> unchanged(uow, kinds.get(m.kind()), m, survivor);
            };
            if (!same) {
                throw refuse(
                        entry.id(),
                        Refusal.ROW_CHANGED,
                        m.kind(),
                        m.key(),
                        m.kind().entityType() + " " + m.key() + " changed or moved since the merge");
            }
        }
    }

    private static <I, A extends Aggregate<I>> boolean unchanged(
            UnitOfWork uow, Rehome<I, A> kind, MovedRow m, CustomerId survivor) {
        A row = kind.find(uow, m.key());
        return row != null
                && row.version() == m.version()
                && kind.customerOf(row).equals(survivor);
    }

    private static Map<ChildKind, Rehome<?, ?>> kinds() {
        Map<ChildKind, Rehome<?, ?>> map = new HashMap<>();
        Rehome.ALL.forEach(r -> map.put(r.kind(), r));
        return map;
    }

    private static CampaignTarget targetOf(MergeLogEntry entry, String key) {
        return entry.movedTargets().stream()
                .filter(t -> t.campaignId().toString().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the merge log has no target of campaign " + key));
    }

    private static CustomerShare shareOf(MergeLogEntry entry, String key) {
        return entry.movedShares().stream()
                .filter(s -> s.staff().value().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the merge log has no share with " + key));
    }

    private static CampaignTarget withCustomer(CampaignTarget t, CustomerId to) {
        return new CampaignTarget(t.campaignId(), to, t.addedAt(), t.source(), t.rank(), t.expectedValue(), t.reason());
    }

    private static CustomerShare withCustomer(CustomerShare s, CustomerId to) {
        return new CustomerShare(to, s.staff(), s.access(), s.since(), s.reason());
    }

    /** Every component of {@code c} but the version. */
    static Customer withVersion(Customer c, long version) {
        return new Customer(
                c.id(),
                c.kind(),
                c.displayName(),
                c.legalName(),
                c.contactPoints(),
                c.contactPersons(),
                c.customerType(),
                c.status(),
                c.region(),
                c.industry(),
                c.tags(),
                c.preferences(),
                c.importantDates(),
                c.externalId(),
                c.owner(),
                c.creditLimit(),
                c.customFields(),
                version,
                c.createdAt(),
                c.updatedAt());
    }

    private static void appendOwner(UnitOfWork uow, Customer customer, Instant now, String reason) {
        OwnershipRepository ledger = ownershipOrNull(uow);
        if (ledger != null) {
            ledger.appendOwnership(OwnershipRecord.open(customer.id(), customer.owner(), now, reason, null));
        }
    }

    private static MergeNotUndoableException refuse(
            MergeId mergeId, Refusal refusal, ChildKind kind, String key, String detail) {
        return new MergeNotUndoableException(mergeId, refusal, kind, key, detail);
    }

    /** The loser's rows that stay under its id, per kind that has any. */
    private static List<RowsKept> kept(UnitOfWork uow, CustomerId loser) {
        List<RowsKept> kept = new ArrayList<>();
        OwnershipRepository ledger = ownershipOrNull(uow);
        if (ledger != null) {
            int lines = ledger.ownershipHistory(loser).size();
            if (lines > 0) {
                kept.add(new RowsKept(
                        ChildKind.OWNERSHIP_LEDGER, lines, "the ledger stays the history of the merged record"));
            }
        }
        LifecycleRepository lifecycle = lifecycleOrNull(uow);
        if (lifecycle != null) {
            long rows = lifecycle.history(loser).size()
                    + lifecycle.churnReasons(loser).size();
            if (rows > 0) {
                kept.add(new RowsKept(
                        ChildKind.LIFECYCLE, rows, "derived by the scoring run; the survivor is re-evaluated"));
            }
        }
        if (uow.scores().find(loser).isPresent()) {
            kept.add(new RowsKept(ChildKind.SCORES, 1, "describes the loser alone; the survivor is re-scored"));
        }
        return kept;
    }

    static OwnershipRepository ownershipOrNull(UnitOfWork uow) {
        try {
            return uow.ownership();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static LifecycleRepository lifecycleOrNull(UnitOfWork uow) {
        try {
            return uow.lifecycle();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** The loser's rows that move, its targets and shares as stored, and the conflicts with the survivor's. */
    private static final class Rows {
        final List<MovedRow> moves = new ArrayList<>();
        final List<CampaignTarget> targets = new ArrayList<>();
        final List<CustomerShare> shares = new ArrayList<>();
        final List<MergeConflict> conflicts = new ArrayList<>();

        static Rows collect(UnitOfWork uow, CustomerId survivor, CustomerId loser, dev.guanxi.crm.StaffId owner) {
            Rows rows = new Rows();
            for (Rehome<?, ?> kind : Rehome.ALL) {
                rows.collect(uow, kind, survivor, loser);
            }
            CampaignTargetRepository targets = targetsOrNull(uow);
            if (targets != null) {
                for (CampaignTarget t : targets.listByCustomer(loser)) {
                    CampaignId campaign = t.campaignId();
                    if (targets.find(campaign, survivor).isPresent()) {
                        rows.conflicts.add(new MergeConflict(
                                ChildKind.CAMPAIGN_TARGETS,
                                campaign.toString(),
                                survivor.toString(),
                                "both customers are on the target list of campaign " + campaign));
                    } else {
                        rows.targets.add(t);
                        rows.moves.add(new MovedRow(ChildKind.CAMPAIGN_TARGETS, campaign.toString(), 0));
                    }
                }
            }
            OwnershipRepository ledger = ownershipOrNull(uow);
            if (ledger != null) {
                List<CustomerShare> survivorShares = ledger.sharesOf(survivor);
                for (CustomerShare share : ledger.sharesOf(loser)) {
                    String staff = share.staff().value();
                    if (share.staff().equals(owner)) {
                        rows.conflicts.add(new MergeConflict(
                                ChildKind.SHARES,
                                staff,
                                survivor.toString(),
                                "the loser is shared with " + staff + ", the merged customer's owner"));
                    } else if (survivorShares.stream().anyMatch(x -> x.staff().equals(share.staff()))) {
                        rows.conflicts.add(new MergeConflict(
                                ChildKind.SHARES,
                                staff,
                                survivor.toString(),
                                "both customers are shared with " + staff));
                    } else {
                        rows.shares.add(share);
                        rows.moves.add(new MovedRow(ChildKind.SHARES, staff, 0));
                    }
                }
            }
            PointsLedgerRepository points = pointsOrNull(uow);
            if (points != null) {
                Optional<PointsAccount> account = points.find(loser);
                if (account.isPresent()) {
                    boolean member = points.find(survivor).isPresent()
                            || !points.listEntries(survivor, PageRequest.first(1))
                                    .items()
                                    .isEmpty();
                    if (member) {
                        rows.conflicts.add(new MergeConflict(
                                ChildKind.POINTS,
                                loser.toString(),
                                survivor.toString(),
                                "both customers are members with points accounts; settle one first"));
                    } else {
                        rows.moves.add(new MovedRow(
                                ChildKind.POINTS,
                                loser.toString(),
                                account.get().version()));
                    }
                }
            }
            rows.moves.sort(ROW_ORDER);
            rows.targets.sort(Comparator.comparing(t -> t.campaignId().toString()));
            rows.shares.sort(Comparator.comparing(s -> s.staff().value()));
            rows.conflicts.sort(Comparator.comparing(MergeConflict::kind).thenComparing(MergeConflict::key));
            return rows;
        }

        private <I, A extends Aggregate<I>> void collect(
                UnitOfWork uow, Rehome<I, A> kind, CustomerId survivor, CustomerId loser) {
            for (A row : kind.rowsOf(uow, loser)) {
                String key = String.valueOf(row.id());
                if (kind.kind() == ChildKind.CAMPAIGN_RESPONSES) {
                    CampaignResponse response = (CampaignResponse) row;
                    Optional<CampaignResponse> held =
                            uow.campaignResponses().findByCampaignAndCustomer(response.campaignId(), survivor);
                    if (held.isPresent()) {
                        conflicts.add(new MergeConflict(
                                ChildKind.CAMPAIGN_RESPONSES,
                                key,
                                held.get().id().toString(),
                                "both customers responded to campaign " + response.campaignId()));
                        continue;
                    }
                }
                moves.add(new MovedRow(kind.kind(), key, row.version()));
            }
        }

        void throwConflicts(CustomerId survivor, CustomerId loser) {
            if (!conflicts.isEmpty()) {
                throw new MergeConflictException(survivor, loser, conflicts);
            }
        }

        CampaignTarget target(String campaign) {
            return targets.stream()
                    .filter(t -> t.campaignId().toString().equals(campaign))
                    .findFirst()
                    .orElseThrow();
        }

        CustomerShare share(String staff) {
            return shares.stream()
                    .filter(s -> s.staff().value().equals(staff))
                    .findFirst()
                    .orElseThrow();
        }

        private static CampaignTargetRepository targetsOrNull(UnitOfWork uow) {
            try {
                return uow.campaignTargets();
            } catch (UnsupportedOperationException e) {
                return null;
            }
        }

        private static PointsLedgerRepository pointsOrNull(UnitOfWork uow) {
            try {
                return uow.points();
            } catch (UnsupportedOperationException e) {
                return null;
            }
        }
    }
}
