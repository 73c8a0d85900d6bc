package dev.guanxi.crm.stewardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantMismatchException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.customer.OwnershipRecord;
import dev.guanxi.crm.event.CustomerMergeUndone;
import dev.guanxi.crm.event.CustomersMerged;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.NewCampaignResponse;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.stewardship.MergeNotUndoableException.Refusal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Merging duplicate customers: dry run, merge, tombstone, undo")
class CustomerMergeTest {
    private MergeFixture f;
    private TenantCrm acme;
    private Stewardship stewardship;
    private Customer survivor;
    private Customer loser;

    @BeforeEach
    void setUp() {
        f = new MergeFixture();
        acme = f.acme;
        stewardship = acme.stewardship();
        survivor = acme.customers()
                .register(CustomerDraft.person("Wang Fang")
                        .email("wang.fang@example.com", ContactPurpose.WORK)
                        .externalId("ERP-1")
                        .owner(StaffId.of("alice"))
                        .tag("vip")
                        .build());
        f.clock.advance(Duration.ofMinutes(5));
        loser = acme.customers()
                .register(CustomerDraft.person("王芳 Wang Fang")
                        .legalName("王芳")
                        .email("WANG.FANG@example.com", ContactPurpose.HOME)
                        .phone("+86 139 0000 1111", ContactPurpose.HOME)
                        .externalId("CRM-OLD-7")
                        .owner(StaffId.of("bob"))
                        .tag("wechat")
                        .build());
        f.populate(survivor, "s", false);
        f.populate(loser, "l", true);
        f.clock.advance(Duration.ofMinutes(5));
        survivor = acme.customers().get(survivor.id());
        loser = acme.customers().get(loser.id());
    }

    private MergePlan plan() {
        return stewardship.planMerge(survivor.id(), loser.id(), MergeOptions.defaults());
    }

    @Test
    @DisplayName("the dry run lists every row of the loser by kind, decides every field, and changes nothing")
    void dryRun() {
        Map<String, List<Object>> before = f.dump(survivor.id(), loser.id());
        int eventsBefore = f.events.size();
        MergePlan plan = plan();
        assertThat(f.dump(survivor.id(), loser.id())).isEqualTo(before);
        assertThat(f.events).hasSize(eventsBefore);

        // one row of each of the 11 versioned kinds, one target, one share, one points account
        Map<ChildKind, Integer> counts = plan.moveCounts();
        assertThat(counts.keySet())
                .containsExactly(
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
                        ChildKind.COMPETITOR_DEALINGS,
                        ChildKind.CAMPAIGN_TARGETS,
                        ChildKind.SHARES,
                        ChildKind.POINTS);
        assertThat(counts.values()).allMatch(n -> n == 1);
        List<MovedRow> points = plan.moves(ChildKind.POINTS);
        assertThat(points)
                .containsExactly(new MovedRow(ChildKind.POINTS, loser.id().toString(), 2));
        assertThat(plan.kept()).extracting(RowsKept::kind).containsExactly(ChildKind.OWNERSHIP_LEDGER);
        assertThat(plan.rescoringNeeded()).isTrue();
        assertThat(plan.decisions()).hasSize(MergeField.values().length);
        assertThat(plan.survivorVersion()).isEqualTo(survivor.version());
        assertThat(plan.reason()).startsWith("merge " + loser.id() + " into " + survivor.id() + ": ");
        assertThat(plan.reason()).contains("14 rows move (INTERACTIONS 1, TASKS 1");
    }

    @Test
    @DisplayName("the default rules keep the survivor's values and add what only the loser has")
    void defaultSurvivorship() {
        MergePlan plan = plan();
        CustomerDraft merged = plan.merged();
        assertThat(merged.displayName()).isEqualTo("Wang Fang"); // SURVIVOR_WINS
        assertThat(merged.legalName()).isEqualTo("王芳"); // NON_EMPTY: the survivor has none
        assertThat(merged.externalId()).isEqualTo("ERP-1"); // the survivor's is kept
        assertThat(merged.owner()).isEqualTo(StaffId.of("alice"));
        assertThat(merged.tags()).containsExactly("vip", "wechat");
        // e-mail addresses compared case-insensitively: the loser's upper-case copy is the same point
        assertThat(merged.contactPoints()).hasSize(2);
        assertThat(merged.contactPoints().get(0).value()).isEqualTo("wang.fang@example.com");
        assertThat(merged.contactPoints().get(1).value()).isEqualTo("+8613900001111");
        FieldDecision legal = plan.decision(MergeField.LEGAL_NAME).orElseThrow();
        assertThat(legal.source()).isEqualTo(ValueSource.LOSER);
        assertThat(legal.reason()).isEqualTo("legalName: NON_EMPTY took the loser's value (the survivor has none)");
        FieldDecision tags = plan.decision(MergeField.TAGS).orElseThrow();
        assertThat(tags.source()).isEqualTo(ValueSource.BOTH);
    }

    @Test
    @DisplayName(
            "a merge moves every row to the survivor, keeps every amount to the minor unit and tombstones the loser")
    void merge() {
        long[] s = f.amounts(survivor.id());
        long[] l = f.amounts(loser.id());
        // orders 3 x 10.05 = 30.15 each, invoices 30.15, payments 10.01
        assertThat(s).containsExactly(3015, 3015, 1001);
        MergePlan plan = plan();

        MergeResult result = stewardship.merge(plan);

        assertThat(result.rowsMoved()).isEqualTo(14);
        assertThat(result.survivor().version()).isEqualTo(survivor.version() + 1);
        long[] merged = f.amounts(survivor.id());
        assertThat(merged).containsExactly(s[0] + l[0], s[1] + l[1], s[2] + l[2]);
        long leftWithLoser = f.read(uow -> uow.orders().listByCustomer(loser.id(), PageRequest.first(10)))
                .items()
                .size();
        assertThat(leftWithLoser).isZero();
        PageRequest all = PageRequest.first(100);
        assertThat(acme.interactions().listByCustomer(survivor.id(), all).items())
                .hasSize(2);
        assertThat(acme.interactions().tasksOfCustomer(survivor.id(), all).items())
                .hasSize(2);
        assertThat(acme.sales().listOpportunities(survivor.id(), all).items()).hasSize(2);
        assertThat(acme.sales().listContracts(survivor.id(), all).items()).hasSize(2);
        assertThat(acme.service().listByCustomer(survivor.id(), all).items()).hasSize(2);
        assertThat(acme.service().surveysOf(survivor.id(), all).items()).hasSize(2);
        assertThat(acme.marketing().customerResponses(survivor.id(), all).items())
                .hasSize(2);
        assertThat(acme.competitors().dealingsOf(survivor.id(), all).items()).hasSize(2);
        assertThat(acme.customers().shares(survivor.id())).hasSize(2);
        assertThat(acme.membership().balance(survivor.id())).isEqualTo(100);
        assertThat(acme.customers().ownershipHistory(loser.id())).hasSize(1); // stays with the loser

        // the loser is a tombstone: lookups by its id and external id resolve to the survivor
        Customer found = acme.customers().get(loser.id());
        assertThat(found.id()).isEqualTo(survivor.id());
        Optional<Customer> byExternal = acme.customers().findByExternalId("CRM-OLD-7");
        assertThat(byExternal.map(Customer::id)).contains(survivor.id());
        long count = acme.customers().count(dev.guanxi.crm.customer.CustomerQuery.all());
        assertThat(count).isEqualTo(1);
        // ... its external id stays taken, and writes naming it fail as for an unknown customer
        assertThatThrownBy(() -> acme.customers()
                        .register(CustomerDraft.person("Copy")
                                .externalId("CRM-OLD-7")
                                .build()))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                    assertThat(e.field()).isEqualTo("externalId");
                    assertThat(e.existingId()).contains(survivor.id());
                });
        assertThatThrownBy(() -> acme.customers().update(loser.id(), loser.version(), b -> b.tag("x")))
                .isInstanceOf(NoSuchCustomerException.class);

        List<MergeLogEntry> log = stewardship.merges(loser.id());
        assertThat(log).hasSize(1);
        MergeLogEntry entry = log.get(0);
        assertThat(entry.id()).isEqualTo(result.mergeId());
        assertThat(entry.loserBefore()).isEqualTo(loser);
        assertThat(entry.survivorBefore()).isEqualTo(survivor);
        assertThat(entry.survivorAfter()).isEqualTo(result.survivor());
        assertThat(stewardship.merges(survivor.id())).isEqualTo(log);

        List<DomainEvent> merged1 =
                f.events.stream().filter(e -> e instanceof CustomersMerged).toList();
        assertThat(merged1).hasSize(1);
        CustomersMerged event = (CustomersMerged) merged1.get(0);
        assertThat(event.customerId()).isEqualTo(survivor.id());
        assertThat(event.loserId()).isEqualTo(loser.id());
        assertThat(event.mergeId()).isEqualTo(result.mergeId().value());
        assertThat(event.rowsMoved()).isEqualTo(14);
    }

    @Test
    @DisplayName("undo restores both customers and every moved row; versions move on, all else is as before")
    void undo() {
        Map<String, List<Object>> before = f.dump(survivor.id(), loser.id());
        List<Interaction> loserInteractions = acme.interactions()
                .listByCustomer(loser.id(), PageRequest.first(10))
                .items();
        MergeResult result = stewardship.merge(plan());

        MergeLogEntry undone = stewardship.undoMerge(result.mergeId());

        assertThat(undone.isUndone()).isTrue();
        Customer s = acme.customers().get(survivor.id());
        Customer l = acme.customers().get(loser.id());
        assertThat(l).isEqualTo(loser); // exactly, version included
        assertThat(s.version()).isEqualTo(survivor.version() + 2);
        assertThat(withVersion(s, survivor.version())).isEqualTo(survivor);
        Interaction back =
                acme.interactions().find(loserInteractions.get(0).id()).orElseThrow();
        assertThat(back).isEqualTo(loserInteractions.get(0)); // exactly, version included
        assertThat(f.amounts(loser.id())).containsExactly(3015, 3015, 1001);
        assertThat(acme.membership().balance(loser.id())).isEqualTo(100);
        assertThat(acme.customers().findByExternalId("CRM-OLD-7").map(Customer::id))
                .contains(loser.id());

        // every row equal to before; the survivor only two versions on
        Map<String, List<Object>> after = f.dump(survivor.id(), loser.id());
        List<Object> customers = after.get("customers").stream()
                .map(c -> c.equals(s) ? withVersion(s, survivor.version()) : c)
                .toList();
        assertThat(customers).isEqualTo(before.get("customers"));
        for (String table : before.keySet()) {
            if (!List.of("customers", "perCustomer", "outbox").contains(table)) {
                assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
            }
        }
        List<Object> perCustomer = after.get("perCustomer");
        List<Object> perCustomerBefore = before.get("perCustomer");
        for (int i = 0; i < perCustomer.size(); i++) {
            if (i % 6 < 4) { // targets, shares, ledgers, points entries; not the merge log and tombstones
                assertThat(perCustomer.get(i)).as("per customer #" + i).isEqualTo(perCustomerBefore.get(i));
            }
        }
        assertThat(stewardship.merges(loser.id())).containsExactly(undone);
        assertThat(f.events).anyMatch(e -> e instanceof CustomerMergeUndone);

        assertThatThrownBy(() -> stewardship.undoMerge(result.mergeId()))
                .isInstanceOfSatisfying(
                        MergeNotUndoableException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.ALREADY_UNDONE));
    }

    @Test
    @DisplayName("undo is refused, changing nothing, once the survivor or a moved row changed since the merge")
    void undoRefused() {
        MergeResult result = stewardship.merge(plan());
        Interaction moved = acme.interactions().listByCustomer(survivor.id(), PageRequest.first(10)).items().stream()
                .filter(i -> i.subject().equals("call l"))
                .findFirst()
                .orElseThrow();
        acme.interactions().update(moved.id(), moved.version(), "called back", null);
        Map<String, List<Object>> before = f.dump(survivor.id(), loser.id());

        assertThatThrownBy(() -> stewardship.undoMerge(result.mergeId()))
                .isInstanceOfSatisfying(MergeNotUndoableException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(Refusal.ROW_CHANGED);
                    assertThat(e.kind()).isEqualTo(ChildKind.INTERACTIONS);
                    assertThat(e.key()).isEqualTo(moved.id().toString());
                });
        assertThat(f.dump(survivor.id(), loser.id())).isEqualTo(before);

        Customer s = acme.customers().get(survivor.id());
        acme.customers().update(s.id(), s.version(), b -> b.tag("after-merge"));
        assertThatThrownBy(() -> stewardship.undoMerge(result.mergeId()))
                .isInstanceOfSatisfying(
                        MergeNotUndoableException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.SURVIVOR_CHANGED));
        assertThatThrownBy(() -> stewardship.undoMerge(MergeId.random())).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a change of the survivor or a new row of the loser between plan and merge is a stale plan")
    void stalePlan() {
        MergePlan plan = plan();
        Customer s = acme.customers()
                .update(survivor.id(), survivor.version(), b -> b.region(null).tag("new"));
        Map<String, List<Object>> before = f.dump(survivor.id(), loser.id());
        assertThatThrownBy(() -> stewardship.merge(plan)).isInstanceOfSatisfying(StaleVersionException.class, e -> {
            assertThat(e.id()).isEqualTo(survivor.id());
            assertThat(e.expectedVersion()).isEqualTo(survivor.version());
        });
        assertThat(f.dump(survivor.id(), loser.id())).isEqualTo(before);

        MergePlan fresh = stewardship.planMerge(s.id(), loser.id(), MergeOptions.defaults());
        Interaction late = acme.interactions()
                .log(NewInteraction.builder(loser.id(), Channel.EMAIL, Direction.INBOUND, "late")
                        .build());
        assertThatThrownBy(() -> stewardship.merge(fresh)).isInstanceOfSatisfying(StaleVersionException.class, e -> {
            assertThat(e.entityType()).isEqualTo("Interaction");
            assertThat(e.id()).isEqualTo(late.id().toString());
        });
        assertThat(acme.customers().get(loser.id()).id()).isEqualTo(loser.id());
    }

    @Test
    @DisplayName("a response of both customers to one campaign is a MergeConflictException; no row is deleted")
    void conflict() {
        Campaign both = f.campaign("BOTH");
        acme.marketing()
                .recordResponse(NewCampaignResponse.builder(both.id(), survivor.id(), AidaStage.DESIRE)
                        .build());
        acme.marketing()
                .recordResponse(NewCampaignResponse.builder(both.id(), loser.id(), AidaStage.ACTION)
                        .build());
        acme.membership().enrol(survivor.id());
        Map<String, List<Object>> before = f.dump(survivor.id(), loser.id());

        assertThatThrownBy(this::plan).isInstanceOfSatisfying(MergeConflictException.class, e -> {
            assertThat(e.conflicts())
                    .extracting(MergeConflict::kind)
                    .containsExactly(ChildKind.CAMPAIGN_RESPONSES, ChildKind.POINTS);
            assertThat(e.kind()).isEqualTo(ChildKind.CAMPAIGN_RESPONSES);
            assertThat(e.conflicts().get(0).reason()).isEqualTo("both customers responded to campaign " + both.id());
            assertThat(e.survivorId()).isEqualTo(survivor.id());
        });
        assertThat(f.dump(survivor.id(), loser.id())).isEqualTo(before);
    }

    @Test
    @DisplayName("self-merges, tombstones, nulls and another tenant's ids or plans are refused with typed errors")
    void badInput() {
        assertThatThrownBy(() -> stewardship.planMerge(survivor.id(), survivor.id(), MergeOptions.defaults()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("loserId");
                    assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                });
        assertThatThrownBy(() -> stewardship.planMerge(null, loser.id(), MergeOptions.defaults()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("survivorId");
                    assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED);
                });
        assertThatThrownBy(() -> stewardship.planMerge(survivor.id(), loser.id(), null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> stewardship.merge(null)).isInstanceOf(ValidationException.class);

        TenantCrm other = f.crm.tenant("other");
        Customer foreign =
                other.customers().register(CustomerDraft.person("Li Lei").build());
        Map<String, List<Object>> before = f.dump(survivor.id(), loser.id());
        assertThatThrownBy(() -> stewardship.planMerge(survivor.id(), foreign.id(), MergeOptions.defaults()))
                .isInstanceOf(NoSuchCustomerException.class);
        MergePlan plan = plan();
        assertThatThrownBy(() -> other.stewardship().merge(plan)).isInstanceOf(TenantMismatchException.class);
        MergeResult result = stewardship.merge(plan);
        assertThatThrownBy(() -> other.stewardship().undoMerge(result.mergeId()))
                .isInstanceOf(NotFoundException.class);
        assertThat(other.stewardship().merges(loser.id())).isEmpty();
        assertThat(before).isNotNull();

        Customer third = acme.customers().register(CustomerDraft.person("Third").build());
        assertThatThrownBy(() -> stewardship.planMerge(loser.id(), third.id(), MergeOptions.defaults()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("survivorId");
                    assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                });
        assertThatThrownBy(() -> stewardship.planMerge(third.id(), loser.id(), MergeOptions.defaults()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("loserId"));
    }

    @Test
    @DisplayName("merges chain: a tombstone of a tombstone resolves to the last survivor; undo goes newest first")
    void chains() {
        Customer third = acme.customers()
                .register(CustomerDraft.person("Third").externalId("T-3").build());
        MergeResult first = stewardship.merge(plan());
        Customer s = acme.customers().get(survivor.id());
        MergeResult second = stewardship.merge(stewardship.planMerge(third.id(), s.id(), MergeOptions.defaults()));
        Customer viaLoser = acme.customers().get(loser.id());
        assertThat(viaLoser.id()).isEqualTo(third.id());
        assertThat(acme.customers().findByExternalId("CRM-OLD-7").map(Customer::id))
                .contains(third.id());
        assertThat(acme.customers().findByExternalId("ERP-1").map(Customer::id)).contains(third.id());

        assertThatThrownBy(() -> stewardship.undoMerge(first.mergeId()))
                .isInstanceOfSatisfying(
                        MergeNotUndoableException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.SURVIVOR_CHANGED));
        stewardship.undoMerge(second.mergeId());
        stewardship.undoMerge(first.mergeId());
        assertThat(acme.customers().get(loser.id())).isEqualTo(loser);
        Customer t = acme.customers().get(third.id());
        assertThat(t.version()).isEqualTo(third.version() + 2);
        assertThat(withVersion(t, third.version())).isEqualTo(third);
    }

    @Test
    @DisplayName("an owner chosen from the loser gets a ledger line on merge and another on undo")
    void ownerLedger() {
        MergeOptions options = MergeOptions.builder()
                .choose(MergeField.OWNER, SurvivorshipChooser.loser())
                .build();
        MergePlan plan = stewardship.planMerge(survivor.id(), loser.id(), options);
        assertThat(plan.decision(MergeField.OWNER).orElseThrow().source()).isEqualTo(ValueSource.LOSER);
        MergeResult result = stewardship.merge(plan);
        assertThat(result.survivor().owner()).isEqualTo(StaffId.of("bob"));
        List<OwnershipRecord> ledger = acme.customers().ownershipHistory(survivor.id());
        assertThat(ledger)
                .extracting(OwnershipRecord::reason)
                .containsExactly("registered", "merged with customer " + loser.id());
        stewardship.undoMerge(result.mergeId());
        assertThat(acme.customers().ownershipHistory(survivor.id()))
                .extracting(OwnershipRecord::owner)
                .containsExactly(StaffId.of("alice"), StaffId.of("bob"), StaffId.of("alice"));
    }

    private static Customer withVersion(Customer c, long version) {
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
}
