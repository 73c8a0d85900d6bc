package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.TenantMismatchException;
import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerShare;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.customer.OwnershipRecord;
import dev.guanxi.crm.customer.ShareAccess;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.lifecycle.TransitionCause;
import dev.guanxi.crm.loyalty.PointsAccount;
import dev.guanxi.crm.loyalty.PointsEntry;
import dev.guanxi.crm.loyalty.PointsEntryId;
import dev.guanxi.crm.loyalty.PointsEntryKind;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignResponseId;
import dev.guanxi.crm.marketing.CampaignTarget;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.ContractId;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.PaymentId;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.SurveyResponseId;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.stewardship.ChildKind;
import dev.guanxi.crm.stewardship.CustomerTombstone;
import dev.guanxi.crm.stewardship.FieldChoice;
import dev.guanxi.crm.stewardship.MergeConflictException;
import dev.guanxi.crm.stewardship.MergeField;
import dev.guanxi.crm.stewardship.MergeId;
import dev.guanxi.crm.stewardship.MergeLogEntry;
import dev.guanxi.crm.stewardship.MergeNotUndoableException;
import dev.guanxi.crm.stewardship.MergeOptions;
import dev.guanxi.crm.stewardship.MergePlan;
import dev.guanxi.crm.stewardship.MergeResult;
import dev.guanxi.crm.stewardship.MovedRow;
import dev.guanxi.crm.stewardship.Stewardship;
import dev.guanxi.crm.stewardship.SurvivorshipRule;
import dev.guanxi.crm.stewardship.ValueSource;
import dev.guanxi.crm.test.MutableClock;
import dev.guanxi.crm.test.tck.SampleAggregates.Texts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of merging duplicate customers on a store (RELIABILITY A3, T4): the {@code MergeLogRepository}
 * (log entries round-trip exactly, are marked undone once, and tombstones are found by id and external id), the
 * SPI additions a merge needs ({@code CampaignTargetRepository.listByCustomer}, {@code
 * PointsLedgerRepository.reassignCustomer}), and the merge itself through the stewardship API on the store under
 * test: two customers with rows in every child table merge into one with the sum of the rows, every amount
 * unchanged to the minor unit, the loser tombstoned; a failure injected at every write step of a merge (and of
 * an undo) leaves the database exactly as it was; a unique conflict is a {@link MergeConflictException} with no
 * row deleted; an undo gives back every row exactly; the dry run changes nothing; a change between plan and
 * merge is a {@link StaleVersionException}; another tenant's ids and plans are refused with nothing changed.
 */
public abstract class MergeContract extends RepositoryContract {
    /** The instant every fixture row is stamped with (whole seconds: every store keeps it exactly). */
    protected static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    private static final StaffId OWNER_S = StaffId.of("owner-s");
    private static final StaffId OWNER_L = StaffId.of("owner-l");

    /** The versioned kinds of rows the fixture gives each customer. */
    private static final List<ChildKind> VERSIONED = List.of(
            ChildKind.INTERACTIONS,
            ChildKind.TASKS,
            ChildKind.ORDERS,
            ChildKind.INVOICES,
            ChildKind.PAYMENTS,
            ChildKind.OPPORTUNITIES,
            ChildKind.CONTRACTS,
            ChildKind.SERVICE_CASES,
            ChildKind.SURVEY_RESPONSES,
            ChildKind.CAMPAIGN_RESPONSES,
            ChildKind.COMPETITOR_DEALINGS);

    private final MutableClock clock = MutableClock.at(T0.plusSeconds(3600));

    /** Creates the contract. */
    protected MergeContract() {}

    /**
     * How many rows of each child kind each customer of the big merge has (A3 asks for 50).
     *
     * @return by default 50
     */
    protected int rowsPerKind() {
        return 50;
    }

    /** The two customers of a fixture. */
    private record Pair(CustomerId survivor, CustomerId loser) {
        List<CustomerId> both() {
            return List.of(survivor, loser);
        }
    }

    private Stewardship stewardship(TenantId tenant) {
        return crm(storage()).tenant(tenant).stewardship();
    }

    private Crm crm(dev.guanxi.crm.spi.storage.Storage store) {
        return Crm.builder().storage(store).clock(clock).build();
    }

    private TenantDump dump(TenantId tenant, List<CustomerId> customers) {
        return read(tenant, uow -> TenantDump.of(uow, customers));
    }

    /**
     * Two customers, each with {@code perKind} rows of every versioned child kind, {@code perKind} places on target
     * lists, a share, an ownership line and a lifecycle stage; the loser also a points account with two entries
     * and a score snapshot. The first row of each kind is a maximal one (every component, hard Unicode, BHD).
     */
    private Pair seed(TenantId tenant, int perKind, String tag) {
        Customer survivor = Customer.create(
                CustomerId.random(),
                CustomerDraft.person("Survivor " + tag)
                        .externalId("S-" + tag)
                        .owner(OWNER_S)
                        .tag("s")
                        .build(),
                T0);
        Customer loser = Customer.create(
                CustomerId.random(),
                CustomerDraft.person("Loser " + tag)
                        .legalName("失败者 " + tag)
                        .externalId("L-" + tag)
                        .owner(OWNER_L)
                        .tag("l")
                        .build(),
                T0);
        run(tenant, uow -> {
            uow.customers().insert(survivor);
            uow.customers().insert(loser);
            for (Customer c : List.of(survivor, loser)) {
                String side = c == survivor ? "s" : "l";
                uow.ownership().appendOwnership(OwnershipRecord.open(c.id(), c.owner(), T0, "registered", null));
                uow.ownership()
                        .putShare(new CustomerShare(
                                c.id(), StaffId.of("helper-" + side), ShareAccess.READ, T0, "covers " + tag));
                uow.lifecycle()
                        .appendAll(List.of(new StageTransition(
                                c.id(),
                                null,
                                LifecycleStage.PROSPECT,
                                T0,
                                TransitionCause.FIRST_SEEN,
                                "first seen",
                                List.of())));
                children(uow, c.id(), perKind, tag + "-" + side);
            }
            PointsAccount account =
                    SampleAggregates.with(PointsAccount.open(loser.id(), T0), Map.of("balance", 150L, "entries", 2L));
            uow.points().insert(account);
            uow.points().insertEntry(entry(loser.id(), 1, "welcome-" + tag, 100, 100));
            uow.points().insertEntry(entry(loser.id(), 2, "order-" + tag, 50, 150));
            TreeMap<String, BigDecimal> metrics = new TreeMap<>(Map.of("pAlive", new BigDecimal("0.5")));
            uow.scores()
                    .upsertAll(List.of(new ScoreSnapshot(
                            loser.id(),
                            UUID.randomUUID(),
                            LocalDate.of(2026, 3, 31),
                            "h",
                            metrics,
                            new TreeMap<>(Map.of("grade", "B")))));
        });
        return new Pair(survivor.id(), loser.id());
    }

    private static PointsEntry entry(CustomerId c, long seq, String key, long points, long balance) {
        return new PointsEntry(
                PointsEntryId.random(),
                c,
                seq,
                key,
                PointsEntryKind.EARN,
                points,
                balance,
                T0.plusSeconds(seq),
                null,
                "reason " + key,
                null);
    }

    private static void children(UnitOfWork uow, CustomerId c, int perKind, String tag) {
        Texts t = Texts.unicode();
        for (int i = 0; i < perKind; i++) {
            boolean max = i == 0;
            String n = tag + "-" + i;
            uow.interactions()
                    .insert(of(
                            max ? SampleAggregates.maximalInteraction(t) : SampleAggregates.minimalInteraction(),
                            c,
                            "id",
                            InteractionId.random()));
            uow.tasks()
                    .insert(of(
                            max ? SampleAggregates.maximalTask(t) : SampleAggregates.minimalTask(),
                            c,
                            "id",
                            TaskId.random()));
            uow.orders()
                    .insert(of(
                            max ? SampleAggregates.maximalOrder(t) : SampleAggregates.minimalOrder(),
                            c,
                            "id",
                            OrderId.random(),
                            "orderNumber",
                            max ? "O-" + n : null));
            uow.invoices()
                    .insert(of(
                            max ? SampleAggregates.maximalInvoice(t) : SampleAggregates.minimalInvoice(),
                            c,
                            "id",
                            InvoiceId.random(),
                            "invoiceNumber",
                            "I-" + n));
            uow.payments()
                    .insert(of(
                            max ? SampleAggregates.maximalPayment(t) : SampleAggregates.minimalPayment(),
                            c,
                            "id",
                            PaymentId.random()));
            uow.opportunities()
                    .insert(of(
                            max ? SampleAggregates.maximalOpportunity(t) : SampleAggregates.minimalOpportunity(),
                            c,
                            "id",
                            OpportunityId.random()));
            uow.contracts()
                    .insert(of(
                            SampleAggregates.minimalContract(),
                            c,
                            "id",
                            ContractId.random(),
                            "contractNumber",
                            "K-" + n));
            uow.serviceCases()
                    .insert(of(
                            max ? SampleAggregates.maximalServiceCase(t) : SampleAggregates.minimalServiceCase(),
                            c,
                            "id",
                            ServiceCaseId.random()));
            uow.surveyResponses()
                    .insert(of(
                            max ? SampleAggregates.maximalSurveyResponse(t) : SampleAggregates.minimalSurveyResponse(),
                            c,
                            "id",
                            SurveyResponseId.random()));
            uow.campaignResponses()
                    .insert(of(
                            max
                                    ? SampleAggregates.maximalCampaignResponse(t)
                                    : SampleAggregates.minimalCampaignResponse(),
                            c,
                            "id",
                            CampaignResponseId.random(),
                            "campaignId",
                            CampaignId.random()));
            uow.competitorDealings()
                    .insert(of(
                            max
                                    ? SampleAggregates.maximalCompetitorDealing(t)
                                    : SampleAggregates.minimalCompetitorDealing(),
                            c,
                            "id",
                            CompetitorDealingId.random()));
            uow.campaignTargets()
                    .put(new CampaignTarget(CampaignId.random(), c, T0, "tck", i + 1, 0.25 * i, "rank " + i));
        }
    }

    /** A copy of a fixture record for customer {@code c}, with other components replaced too. */
    private static <R extends Record> R of(R record, CustomerId c, Object... replacements) {
        Map<String, Object> m = new HashMap<>();
        m.put("customerId", c);
        for (int i = 0; i < replacements.length; i += 2) {
            m.put((String) replacements[i], replacements[i + 1]);
        }
        return SampleAggregates.with(record, m);
    }

    private long count(TenantId tenant, ChildKind kind, CustomerId c) {
        return read(tenant, uow -> {
            PageRequest all = PageRequest.first(PageRequest.MAX_LIMIT);
            return switch (kind) {
                case INTERACTIONS ->
                    uow.interactions().listByCustomer(c, all).items().size();
                case TASKS -> uow.tasks().listByCustomer(c, all).items().size();
                case ORDERS -> uow.orders().listByCustomer(c, all).items().size();
                case INVOICES -> uow.invoices().listByCustomer(c, all).items().size();
                case PAYMENTS -> uow.payments().listByCustomer(c, all).items().size();
                case OPPORTUNITIES ->
                    uow.opportunities().listByCustomer(c, all).items().size();
                case CONTRACTS -> uow.contracts().listByCustomer(c, all).items().size();
                case SERVICE_CASES ->
                    uow.serviceCases().listByCustomer(c, all).items().size();
                case SURVEY_RESPONSES ->
                    uow.surveyResponses().listByCustomer(c, all).items().size();
                case CAMPAIGN_RESPONSES ->
                    uow.campaignResponses().listByCustomer(c, all).items().size();
                case COMPETITOR_DEALINGS ->
                    uow.competitorDealings().listByCustomer(c, all).items().size();
                case CAMPAIGN_TARGETS -> uow.campaignTargets().listByCustomer(c).size();
                case SHARES -> uow.ownership().sharesOf(c).size();
                case POINTS -> uow.points().listEntries(c, all).items().size();
                default -> throw new IllegalArgumentException(kind.toString());
            };
        });
    }

    private Optional<MergeLogEntry> findEntry(TenantId tenant, MergeId id) {
        return read(tenant, uow -> uow.mergeLog().find(id));
    }

    private List<MergeLogEntry> entriesOf(TenantId tenant, CustomerId customer) {
        return read(tenant, uow -> uow.mergeLog().listByCustomer(customer));
    }

    private Optional<CustomerTombstone> tombstone(TenantId tenant, CustomerId customer) {
        return read(tenant, uow -> uow.mergeLog().findTombstone(customer));
    }

    private Optional<CustomerTombstone> tombstoneByExternalId(TenantId tenant, String externalId) {
        return read(tenant, uow -> uow.mergeLog().findTombstoneByExternalId(externalId));
    }

    private boolean markUndone(TenantId tenant, MergeId id, Instant at) {
        return write(tenant, uow -> uow.mergeLog().markUndone(id, at));
    }

    private boolean removeTombstone(TenantId tenant, CustomerId customer) {
        return write(tenant, uow -> uow.mergeLog().removeTombstone(customer));
    }

    private List<CampaignTarget> targetsOf(TenantId tenant, CustomerId customer) {
        return read(tenant, uow -> uow.campaignTargets().listByCustomer(customer));
    }

    private Optional<PointsAccount> account(TenantId tenant, CustomerId customer) {
        return read(tenant, uow -> uow.points().find(customer));
    }

    private long sumEntries(TenantId tenant, CustomerId customer) {
        return read(tenant, uow -> uow.points().sumEntries(customer));
    }

    private List<PointsEntry> entries(TenantId tenant, CustomerId customer) {
        return read(
                tenant,
                uow -> uow.points().listEntries(customer, PageRequest.first(10)).items());
    }

    // ---------------------------------------------------------------- the merge log SPI

    private MergeLogEntry logEntry(CustomerId survivor, CustomerId loser, Instant at) {
        Texts t = Texts.unicode();
        Customer before = SampleAggregates.with(SampleAggregates.maximalCustomer(t), Map.of("id", survivor));
        Customer after = SampleAggregates.withVersion(before, before.version() + 1);
        Customer lost =
                SampleAggregates.with(SampleAggregates.minimalCustomer(), Map.of("id", loser, "externalId", "外部-🎉"));
        return new MergeLogEntry(
                MergeId.random(),
                survivor,
                loser,
                at,
                null,
                before,
                lost,
                after,
                List.of(
                        new FieldChoice(MergeField.DISPLAY_NAME, SurvivorshipRule.LONGEST, ValueSource.LOSER),
                        new FieldChoice(MergeField.TAGS, SurvivorshipRule.UNION, ValueSource.BOTH)),
                List.of(
                        new MovedRow(ChildKind.ORDERS, OrderId.random().toString(), 4),
                        new MovedRow(
                                ChildKind.CAMPAIGN_TARGETS, CampaignId.random().toString(), 0)),
                List.of(new CampaignTarget(CampaignId.random(), loser, T0, "tck", null, -0.0, "理由 \"quoted\"")),
                List.of(new CustomerShare(loser, StaffId.of("同事"), ShareAccess.WRITE, T0, "covers")));
    }

    @Test
    @DisplayName("merge log entries round-trip exactly, list by either customer oldest first, and stay in their tenant")
    void logRoundTrip() {
        CustomerId s = CustomerId.random();
        CustomerId l = CustomerId.random();
        MergeLogEntry first = logEntry(s, l, T0);
        MergeLogEntry second = logEntry(CustomerId.random(), s, T0.plusSeconds(1));
        run(TENANT_A, uow -> {
            uow.mergeLog().insert(second);
            uow.mergeLog().insert(first);
        });
        Optional<MergeLogEntry> found = findEntry(TENANT_A, first.id());
        assertThat(found).contains(first);
        List<MergeLogEntry> ofS = entriesOf(TENANT_A, s);
        assertThat(ofS).containsExactly(first, second);
        List<MergeLogEntry> ofL = entriesOf(TENANT_A, l);
        assertThat(ofL).containsExactly(first);
        assertThat(findEntry(TENANT_B, first.id())).isEmpty();
        assertThat(entriesOf(TENANT_B, s)).isEmpty();
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.mergeLog().insert(first)))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("id"));
    }

    @Test
    @DisplayName("a merge is marked undone once: the second mark, another tenant's and an unknown id return false")
    void markUndone() {
        MergeLogEntry entry = logEntry(CustomerId.random(), CustomerId.random(), T0);
        run(TENANT_A, uow -> uow.mergeLog().insert(entry));
        Instant at = T0.plusSeconds(60);
        assertThat(markUndone(TENANT_B, entry.id(), at)).isFalse();
        assertThat(markUndone(TENANT_A, MergeId.random(), at)).isFalse();
        assertThat(markUndone(TENANT_A, entry.id(), at)).isTrue();
        assertThat(markUndone(TENANT_A, entry.id(), at.plusSeconds(1))).isFalse();
        Optional<MergeLogEntry> undone = findEntry(TENANT_A, entry.id());
        assertThat(undone).contains(entry.withUndoneAt(at));
    }

    @Test
    @DisplayName("tombstones are found by customer id and by external id, replaced per customer, removed, per tenant")
    void tombstones() {
        CustomerId loser = CustomerId.random();
        CustomerId other = CustomerId.random();
        CustomerTombstone t1 = new CustomerTombstone(loser, CustomerId.random(), "EXT-%_'1", MergeId.random(), T0);
        CustomerTombstone none = new CustomerTombstone(other, CustomerId.random(), null, MergeId.random(), T0);
        run(TENANT_A, uow -> {
            uow.mergeLog().putTombstone(t1);
            uow.mergeLog().putTombstone(none);
        });
        assertThat(tombstone(TENANT_A, loser)).contains(t1);
        assertThat(tombstoneByExternalId(TENANT_A, "EXT-%_'1")).contains(t1);
        assertThat(tombstoneByExternalId(TENANT_A, "ext-%_'1")).isEmpty();
        assertThat(tombstone(TENANT_B, loser)).isEmpty();
        assertThat(tombstoneByExternalId(TENANT_B, "EXT-%_'1")).isEmpty();

        CustomerTombstone t2 = new CustomerTombstone(loser, CustomerId.random(), null, MergeId.random(), T0);
        run(TENANT_A, uow -> uow.mergeLog().putTombstone(t2));
        assertThat(tombstone(TENANT_A, loser)).contains(t2);
        assertThat(tombstoneByExternalId(TENANT_A, "EXT-%_'1")).isEmpty();
        assertThat(removeTombstone(TENANT_B, loser)).isFalse();
        assertThat(removeTombstone(TENANT_A, loser)).isTrue();
        assertThat(removeTombstone(TENANT_A, loser)).isFalse();
        assertThat(tombstone(TENANT_A, other)).contains(none);
    }

    @Test
    @DisplayName("a customer's places on target lists are listed by campaign id; a points account moves whole")
    void spiAdditions() {
        CustomerId c = CustomerId.random();
        CustomerId to = CustomerId.random();
        CampaignId a = CampaignId.of("00000000-0000-0000-0000-00000000000a");
        CampaignId b = CampaignId.of("00000000-0000-0000-0000-00000000000b");
        CampaignTarget ta = new CampaignTarget(a, c, T0, "tck", 3, null, null);
        CampaignTarget tb = new CampaignTarget(b, c, T0, "tck", null, 1.5, "why");
        PointsAccount account =
                SampleAggregates.with(PointsAccount.open(c, T0), Map.of("balance", 150L, "entries", 2L, "version", 3L));
        PointsEntry e1 = entry(c, 1, "k1", 100, 100);
        PointsEntry e2 = entry(c, 2, "k2", 50, 150);
        run(TENANT_A, uow -> {
            uow.campaignTargets().put(tb);
            uow.campaignTargets().put(ta);
            uow.campaignTargets().put(new CampaignTarget(a, to, T0, "tck", 1, null, null));
            uow.points().insert(account);
            uow.points().insertEntry(e1);
            uow.points().insertEntry(e2);
        });
        assertThat(targetsOf(TENANT_A, c)).containsExactly(ta, tb);
        assertThat(targetsOf(TENANT_B, c)).isEmpty();

        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.points().reassignCustomer(c, 2, to)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> run(TENANT_B, uow -> uow.points().reassignCustomer(c, 3, to)))
                .isInstanceOf(NotFoundException.class);
        run(TENANT_A, uow -> uow.points().reassignCustomer(c, 3, to));
        assertThat(account(TENANT_A, c)).isEmpty();
        assertThat(account(TENANT_A, to)).contains(SampleAggregates.with(account, Map.of("id", to)));
        List<PointsEntry> moved = read(
                TENANT_A,
                uow -> uow.points().listEntries(to, PageRequest.first(10)).items());
        assertThat(moved)
                .containsExactly(
                        SampleAggregates.with(e1, Map.of("customerId", to)),
                        SampleAggregates.with(e2, Map.of("customerId", to)));
        assertThat(sumEntries(TENANT_A, c)).isZero();
        // the way back, and a target holding an account already
        run(TENANT_A, uow -> uow.points().reassignCustomer(to, 3, c));
        run(TENANT_A, uow -> uow.points().insert(PointsAccount.open(to, T0)));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.points().reassignCustomer(c, 3, to)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(entries(TENANT_A, c)).containsExactly(e1, e2);
    }

    // ---------------------------------------------------------------- the merge through the API

    @Test
    @DisplayName("A3: a merge moves every child row, keeps every sum to the minor unit and tombstones the loser")
    void mergeEveryChildTable() {
        int n = rowsPerKind();
        Pair p = seed(TENANT_A, n, "a3");
        TenantDump before = dump(TENANT_A, p.both());
        Stewardship stewardship = stewardship(TENANT_A);

        MergePlan plan = stewardship.planMerge(p.survivor(), p.loser(), MergeOptions.defaults());
        assertThat(dump(TENANT_A, p.both()).tables)
                .as("the dry run changes nothing")
                .isEqualTo(before.tables);
        for (ChildKind kind : VERSIONED) {
            assertThat(plan.moves(kind)).as(kind.toString()).hasSize(n);
        }
        assertThat(plan.moves(ChildKind.CAMPAIGN_TARGETS)).hasSize(n);
        assertThat(plan.moves(ChildKind.SHARES)).hasSize(1);
        assertThat(plan.moves(ChildKind.POINTS)).hasSize(1);

        MergeResult result = stewardship.merge(plan);

        assertThat(result.rowsMoved()).isEqualTo(12 * n + 2);
        for (ChildKind kind : VERSIONED) {
            assertThat(count(TENANT_A, kind, p.survivor())).as(kind.toString()).isEqualTo(2L * n);
            assertThat(count(TENANT_A, kind, p.loser())).as(kind.toString()).isZero();
        }
        assertThat(count(TENANT_A, ChildKind.CAMPAIGN_TARGETS, p.survivor())).isEqualTo(2L * n);
        assertThat(count(TENANT_A, ChildKind.SHARES, p.survivor())).isEqualTo(2);
        assertThat(count(TENANT_A, ChildKind.POINTS, p.survivor())).isEqualTo(2);
        TenantDump after = dump(TENANT_A, p.both());
        assertThat(after.sums()).as("sums per kind and currency").isEqualTo(before.sums());
        assertThat(after.sums().get("orders BHD")).isNotNull();
        for (String table : List.of("interactions", "orders", "invoices", "payments", "campaignResponses")) {
            assertThat(after.tables.get(table)).as(table).hasSameSizeAs(before.tables.get(table));
        }
        // the loser is a tombstone; its ledger, lifecycle and score stay under its id
        assertThat(after.tables.get("customers")).hasSize(1);
        Optional<CustomerTombstone> tombstone = tombstone(TENANT_A, p.loser());
        assertThat(tombstone.map(CustomerTombstone::mergedInto)).contains(p.survivor());
        assertThat(tombstone.map(CustomerTombstone::externalId)).contains("L-a3");
        assertThat(after.tables.get("ledger:" + p.loser())).isEqualTo(before.tables.get("ledger:" + p.loser()));
        assertThat(after.tables.get("lifecycle:" + p.loser())).isEqualTo(before.tables.get("lifecycle:" + p.loser()));
        assertThat(after.tables.get("scores")).isEqualTo(before.tables.get("scores"));
        TenantCrm acme = crm(storage()).tenant(TENANT_A);
        assertThat(acme.customers().get(p.loser()).id()).isEqualTo(p.survivor());
        assertThat(acme.customers().findByExternalId("L-a3").map(Customer::id)).contains(p.survivor());
        assertThat(acme.customers().get(p.survivor())).isEqualTo(result.survivor());
        assertThat(result.survivor().legalName()).isEqualTo("失败者 a3");
    }

    @Test
    @DisplayName("A3: a failure injected at each write step of a merge leaves every row as it was")
    void failureAtEveryMergeStep() {
        Pair p = seed(TENANT_A, 2, "k");
        TenantDump before = dump(TENANT_A, p.both());
        FailingStorage failing = new FailingStorage(storage());
        Stewardship stewardship = crm(failing).tenant(TENANT_A).stewardship();
        MergePlan plan = stewardship.planMerge(p.survivor(), p.loser(), MergeOptions.defaults());
        int steps = 0;
        MergeResult result = null;
        for (int k = 1; k < 10_000 && result == null; k++) {
            failing.failOnWrite(k);
            try {
                result = stewardship.merge(plan);
                steps = failing.writes();
                assertThat(steps).as("writes of the merge that succeeded").isLessThan(k);
            } catch (FailingStorage.InjectedFailure e) {
                assertThat(e.step).isEqualTo(k);
                assertThat(dump(TENANT_A, p.both()).tables)
                        .as("after a failure at step " + k)
                        .isEqualTo(before.tables);
            }
        }
        // 11 kinds x 2 rows, 2 targets x 2, 1 share x 2, points 1, loser, survivor, tombstone, log, outbox
        assertThat(steps).isGreaterThanOrEqualTo(22 + 4 + 2 + 1 + 5);
        assertThat(result).isNotNull();
        assertThat(count(TENANT_A, ChildKind.ORDERS, p.survivor())).isEqualTo(4);
        assertThat(dump(TENANT_A, p.both()).sums()).isEqualTo(before.sums());
    }

    @Test
    @DisplayName("undo gives back every row exactly; a failure at any step of the undo leaves the merged state")
    void undo() {
        Pair p = seed(TENANT_A, 2, "u");
        TenantDump before = dump(TENANT_A, p.both());
        FailingStorage failing = new FailingStorage(storage());
        Stewardship stewardship = crm(failing).tenant(TENANT_A).stewardship();
        MergeResult result = stewardship.merge(stewardship.planMerge(p.survivor(), p.loser(), MergeOptions.defaults()));
        TenantDump merged = dump(TENANT_A, p.both());
        MergeLogEntry undone = null;
        for (int k = 1; k < 10_000 && undone == null; k++) {
            failing.failOnWrite(k);
            try {
                undone = stewardship.undoMerge(result.mergeId());
            } catch (FailingStorage.InjectedFailure e) {
                assertThat(dump(TENANT_A, p.both()).tables)
                        .as("after a failure at step " + k)
                        .isEqualTo(merged.tables);
            }
        }
        assertThat(undone).isNotNull();
        assertThat(undone.isUndone()).isTrue();

        TenantDump after = dump(TENANT_A, p.both());
        TenantDump rows = after.without("customers", "mergeLog:", "tombstone:", "outbox");
        assertThat(rows.tables).isEqualTo(before.without("customers", "mergeLog:", "tombstone:", "outbox").tables);
        List<Object> customers = after.tables.get("customers");
        List<Object> customersBefore = before.tables.get("customers");
        assertThat(customers).hasSameSizeAs(customersBefore);
        for (Object o : customers) {
            Customer c = (Customer) o;
            Customer old = (Customer) customersBefore.stream()
                    .filter(x -> ((Customer) x).id().equals(c.id()))
                    .findFirst()
                    .orElseThrow();
            if (c.id().equals(p.survivor())) {
                assertThat(c.version()).isEqualTo(old.version() + 2);
                assertThat(SampleAggregates.withVersion(c, old.version())).isEqualTo(old);
            } else {
                assertThat(c).isEqualTo(old);
            }
        }
        assertThat(after.tables.get("tombstone:" + p.loser())).containsExactly(Optional.empty());
        assertThat(after.tables.get("mergeLog:" + p.loser())).containsExactly(undone);
        assertThatThrownBy(() -> stewardship.undoMerge(result.mergeId()))
                .isInstanceOfSatisfying(
                        MergeNotUndoableException.class,
                        e -> assertThat(e.refusal()).isEqualTo(MergeNotUndoableException.Refusal.ALREADY_UNDONE));
    }

    @Test
    @DisplayName("A3: a unique conflict is a MergeConflictException, in the plan and in a stale plan; 0 rows deleted")
    void conflict() {
        Pair p = seed(TENANT_A, 2, "c");
        Stewardship stewardship = stewardship(TENANT_A);
        MergePlan plan = stewardship.planMerge(p.survivor(), p.loser(), MergeOptions.defaults());
        CampaignResponse loserResponse = read(
                        TENANT_A, uow -> uow.campaignResponses().listByCustomer(p.loser(), PageRequest.first(10)))
                .items()
                .get(0);
        run(
                TENANT_A,
                uow -> uow.campaignResponses()
                        .insert(of(
                                SampleAggregates.minimalCampaignResponse(),
                                p.survivor(),
                                "id",
                                CampaignResponseId.random(),
                                "campaignId",
                                loserResponse.campaignId())));
        TenantDump before = dump(TENANT_A, p.both());

        assertThatThrownBy(() -> stewardship.merge(plan)).isInstanceOfSatisfying(MergeConflictException.class, e -> {
            assertThat(e.kind()).isEqualTo(ChildKind.CAMPAIGN_RESPONSES);
            assertThat(e.conflicts().get(0).key()).isEqualTo(loserResponse.id().toString());
        });
        assertThatThrownBy(() -> stewardship.planMerge(p.survivor(), p.loser(), MergeOptions.defaults()))
                .isInstanceOf(MergeConflictException.class);
        TenantDump after = dump(TENANT_A, p.both());
        assertThat(after.counts()).isEqualTo(before.counts());
        assertThat(after.tables).isEqualTo(before.tables);
    }

    @Test
    @DisplayName("a change of the survivor or of a planned row between plan and merge is a StaleVersionException")
    void stale() {
        Pair p = seed(TENANT_A, 2, "v");
        TenantCrm acme = crm(storage()).tenant(TENANT_A);
        MergePlan plan = acme.stewardship().planMerge(p.survivor(), p.loser(), MergeOptions.defaults());
        Customer s = acme.customers().get(p.survivor());
        acme.customers().update(s.id(), s.version(), b -> b.tag("changed"));
        TenantDump before = dump(TENANT_A, p.both());
        assertThatThrownBy(() -> acme.stewardship().merge(plan))
                .isInstanceOfSatisfying(
                        StaleVersionException.class, e -> assertThat(e.id()).isEqualTo(p.survivor()));
        assertThat(dump(TENANT_A, p.both()).tables).isEqualTo(before.tables);

        MergePlan fresh = acme.stewardship().planMerge(p.survivor(), p.loser(), MergeOptions.defaults());
        Interaction row = read(TENANT_A, uow -> uow.interactions().listByCustomer(p.loser(), PageRequest.first(1)))
                .items()
                .get(0);
        acme.interactions().update(row.id(), row.version(), "changed since the plan", null);
        TenantDump changed = dump(TENANT_A, p.both());
        assertThatThrownBy(() -> acme.stewardship().merge(fresh))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.entityType()).isEqualTo("Interaction");
                    assertThat(e.id()).isEqualTo(row.id().toString());
                    assertThat(e.expectedVersion()).isEqualTo(row.version());
                });
        assertThat(dump(TENANT_A, p.both()).tables).isEqualTo(changed.tables);
    }

    @Test
    @DisplayName("C7: a merge racing an update of the survivor: exactly one commits, the other is a stale version")
    void raceWithUpdate() throws Exception {
        for (int round = 0; round < 4; round++) {
            Pair p = seed(TENANT_A, 1, "r" + round);
            TenantCrm acme = crm(storage()).tenant(TENANT_A);
            MergePlan plan = acme.stewardship().planMerge(p.survivor(), p.loser(), MergeOptions.defaults());
            Customer s = plan.survivor();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Future<Object> merge = pool.submit(() -> {
                    start.await();
                    return acme.stewardship().merge(plan);
                });
                java.util.concurrent.Future<Object> update = pool.submit(() -> {
                    start.await();
                    return acme.customers().update(s.id(), s.version(), b -> b.tag("raced"));
                });
                Throwable mergeFailure = failure(merge);
                Throwable updateFailure = failure(update);
                assertThat(mergeFailure == null ^ updateFailure == null)
                        .as("exactly one wins (merge failed: %s, update failed: %s)", mergeFailure, updateFailure)
                        .isTrue();
                Throwable lost = mergeFailure != null ? mergeFailure : updateFailure;
                assertThat(lost).isInstanceOf(StaleVersionException.class);
                Optional<CustomerTombstone> tombstone = tombstone(TENANT_A, p.loser());
                Customer stored = acme.customers().get(p.survivor());
                if (mergeFailure == null) {
                    assertThat(tombstone).isPresent();
                    assertThat(stored.hasTag("raced")).isFalse();
                    assertThat(count(TENANT_A, ChildKind.ORDERS, p.survivor())).isEqualTo(2);
                } else {
                    assertThat(tombstone).isEmpty();
                    assertThat(stored.hasTag("raced")).isTrue();
                    assertThat(count(TENANT_A, ChildKind.ORDERS, p.loser())).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Throwable failure(java.util.concurrent.Future<Object> f) throws InterruptedException {
        try {
            f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a racer did not finish", e);
        }
    }

    @Test
    @DisplayName("T4: another tenant's ids, plans and merges are refused with typed errors; neither tenant changes")
    void otherTenant() {
        Pair a = seed(TENANT_A, 1, "ta");
        Pair b = seed(TENANT_B, 1, "tb");
        TenantDump beforeA = dump(TENANT_A, a.both());
        TenantDump beforeB = dump(TENANT_B, b.both());
        Stewardship inA = stewardship(TENANT_A);
        Stewardship inB = stewardship(TENANT_B);

        assertThatThrownBy(() -> inA.planMerge(a.survivor(), b.loser(), MergeOptions.defaults()))
                .isInstanceOf(NoSuchCustomerException.class);
        assertThatThrownBy(() -> inA.planMerge(b.survivor(), a.loser(), MergeOptions.defaults()))
                .isInstanceOf(NoSuchCustomerException.class);
        MergePlan planB = inB.planMerge(b.survivor(), b.loser(), MergeOptions.defaults());
        assertThatThrownBy(() -> inA.merge(planB)).isInstanceOf(TenantMismatchException.class);
        assertThat(dump(TENANT_A, a.both()).tables).isEqualTo(beforeA.tables);
        assertThat(dump(TENANT_B, b.both()).tables).isEqualTo(beforeB.tables);

        MergeResult merged = inB.merge(planB);
        TenantDump mergedB = dump(TENANT_B, b.both());
        assertThatThrownBy(() -> inA.undoMerge(merged.mergeId())).isInstanceOf(NotFoundException.class);
        assertThat(inA.merges(b.loser())).isEmpty();
        assertThat(crm(storage()).tenant(TENANT_A).customers().find(b.loser())).isEmpty();
        assertThat(dump(TENANT_A, a.both()).tables).isEqualTo(beforeA.tables);
        assertThat(dump(TENANT_B, b.both()).tables).isEqualTo(mergedB.tables);
    }

    /** Keeps the list of moved row kinds honest: every kind the fixture seeds is one a merge moves. */
    @Test
    @DisplayName("every kind of row the fixture seeds is one a merge moves; the kept kinds stay")
    void kinds() {
        List<ChildKind> moving = new ArrayList<>(VERSIONED);
        moving.addAll(List.of(ChildKind.CAMPAIGN_TARGETS, ChildKind.SHARES, ChildKind.POINTS));
        for (ChildKind kind : ChildKind.values()) {
            assertThat(kind.moves()).as(kind.toString()).isEqualTo(moving.contains(kind));
        }
    }
}
