package dev.guanxi.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.Violation;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Marketing: campaign target lists")
class CampaignTargetsTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private final TestClock clock = new TestClock(NOW);
    private Crm crm;
    private TenantCrm acme;
    private Marketing marketing;
    private Campaign campaign;
    private CustomerId alice;
    private CustomerId bob;
    private CustomerId carol;
    private CustomerId dan;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().clock(clock).listener(events::add).build();
        acme = crm.tenant("acme");
        marketing = acme.marketing();
        alice = customer("Alice");
        bob = customer("Bob");
        carol = customer("Carol 王");
        dan = customer("Dan");
        campaign = marketing.planCampaign(NewCampaign.builder("WIN-BACK-26", "Win back 挽回")
                .channel(Channel.PHONE)
                .period(TODAY.plusDays(1), TODAY.plusDays(30))
                .targetSegment("lost, most valuable first", 1200)
                .budget("5000.00", "USD")
                .build());
        events.clear();
    }

    private CustomerId customer(String name) {
        return acme.customers().register(CustomerDraft.person(name).build()).id();
    }

    private List<CampaignTarget> stored() {
        return marketing.targets(campaign.id(), PageRequest.first(100)).items();
    }

    private static NewCampaignTarget ranked(CustomerId id, int rank, String reason) {
        return new NewCampaignTarget(id, "manual", rank, null, reason);
    }

    private static void invalid(Runnable call, String field, ValidationRule rule) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    @Test
    @DisplayName("added targets are stored as given, listed by rank with unranked ones last, and size the campaign")
    void addAndList() {
        Campaign after = marketing.addTargets(
                campaign.id(),
                List.of(
                        new NewCampaignTarget(bob, "rfm", 2, 12.5, "RFM AT_RISK, 3 orders last year"),
                        NewCampaignTarget.of(dan, "manual"),
                        new NewCampaignTarget(alice, "rfm", 1, 99.0, "最有价值的流失客户 🎯"),
                        NewCampaignTarget.of(carol, "manual")));

        // 1200 was only an estimate; the stored list now has 4 targets, and the change is one version.
        assertThat(after.targetListSize()).isEqualTo(4);
        assertThat(after.version()).isEqualTo(campaign.version() + 1);
        assertThat(after.updatedAt()).isEqualTo(NOW);
        assertThat(after.status()).isEqualTo(CampaignStatus.PLANNED);
        assertThat(marketing.getCampaign(campaign.id())).isEqualTo(after);
        List<CustomerId> unranked = new ArrayList<>(List.of(carol, dan));
        unranked.sort((a, b) -> a.value().toString().compareTo(b.value().toString()));
        List<CampaignTarget> expected = new ArrayList<>();
        expected.add(new CampaignTarget(campaign.id(), alice, NOW, "rfm", 1, 99.0, "最有价值的流失客户 🎯"));
        expected.add(new CampaignTarget(campaign.id(), bob, NOW, "rfm", 2, 12.5, "RFM AT_RISK, 3 orders last year"));
        for (CustomerId id : unranked) {
            expected.add(new CampaignTarget(campaign.id(), id, NOW, "manual", null, null, null));
        }
        assertThat(stored()).containsExactlyElementsOf(expected);
        assertThat(events).as("changing a target list publishes no event").isEmpty();

        Page<CampaignTarget> first = marketing.targets(campaign.id(), PageRequest.first(3));
        Page<CampaignTarget> second =
                marketing.targets(campaign.id(), first.nextRequest().orElseThrow());
        assertThat(first.items()).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).containsExactly(expected.get(3));
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    @DisplayName("an active campaign takes targets too; an empty list changes nothing")
    void activeAndEmpty() {
        Campaign active = marketing.launch(campaign.id(), campaign.version());
        Campaign unchanged = marketing.addTargets(campaign.id(), List.of());
        assertThat(unchanged).isEqualTo(active);

        Campaign after = marketing.addTargets(campaign.id(), List.of(ranked(alice, 1, null)));
        assertThat(after.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(after.targetListSize()).isEqualTo(1);
        assertThat(after.version()).isEqualTo(active.version() + 1);
    }

    @Test
    @DisplayName("an unknown customer at index 3 is named targets[3].customerId, and nothing at all is stored")
    void unknownCustomerIsAtomic() {
        marketing.addTargets(campaign.id(), List.of(ranked(alice, 1, "kept")));
        Campaign before = marketing.getCampaign(campaign.id());
        CustomerId nobody = CustomerId.random();
        List<NewCampaignTarget> targets = List.of(
                ranked(alice, 5, "would replace"),
                ranked(bob, 2, null),
                ranked(carol, 3, null),
                ranked(nobody, 4, null));

        invalid(
                () -> marketing.addTargets(campaign.id(), targets),
                "targets[3].customerId",
                ValidationRule.UNKNOWN_REFERENCE);

        assertThat(stored()).containsExactly(new CampaignTarget(campaign.id(), alice, NOW, "manual", 1, null, "kept"));
        assertThat(marketing.getCampaign(campaign.id())).isEqualTo(before);
    }

    @Test
    @DisplayName("every unknown customer is reported, the first one first; another tenant's customer is unknown")
    void everyUnknownCustomerIsReported() {
        CustomerId globexCustomer = crm.tenant("globex")
                .customers()
                .register(CustomerDraft.person("Grace").build())
                .id();
        List<NewCampaignTarget> targets = List.of(
                NewCampaignTarget.of(CustomerId.random(), "manual"),
                NewCampaignTarget.of(alice, "manual"),
                NewCampaignTarget.of(globexCustomer, "manual"));

        assertThatThrownBy(() -> marketing.addTargets(campaign.id(), targets))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    List<String> fields =
                            e.violations().stream().map(Violation::field).toList();
                    assertThat(fields).containsExactly("targets[0].customerId", "targets[2].customerId");
                    assertThat(e.violations())
                            .extracting(Violation::rule)
                            .containsOnly(ValidationRule.UNKNOWN_REFERENCE);
                });
        assertThat(stored()).isEmpty();
    }

    @Test
    @DisplayName("a COMPLETED or CANCELLED campaign's list is closed: adding and removing are refused on campaignId")
    void closedCampaigns() {
        marketing.addTargets(campaign.id(), List.of(ranked(alice, 1, null)));
        Campaign active = marketing.launch(
                campaign.id(), marketing.getCampaign(campaign.id()).version());
        Campaign completed = marketing.complete(campaign.id(), active.version());

        invalid(
                () -> marketing.addTargets(campaign.id(), List.of(ranked(bob, 2, null))),
                "campaignId",
                ValidationRule.INVALID_STATE);
        invalid(() -> marketing.addTargets(campaign.id(), List.of()), "campaignId", ValidationRule.INVALID_STATE);
        invalid(() -> marketing.removeTarget(campaign.id(), alice), "campaignId", ValidationRule.INVALID_STATE);
        assertThat(marketing.getCampaign(campaign.id())).isEqualTo(completed);
        assertThat(stored()).extracting(CampaignTarget::customerId).containsExactly(alice);

        Campaign other = marketing.planCampaign(NewCampaign.builder("CALLED-OFF", "Called off")
                .channel(Channel.EMAIL)
                .period(TODAY.plusDays(1), TODAY.plusDays(2))
                .budget("0.00", "USD")
                .build());
        marketing.cancel(other.id(), other.version());
        invalid(
                () -> marketing.addTargets(other.id(), List.of(ranked(bob, 1, null))),
                "campaignId",
                ValidationRule.INVALID_STATE);
        assertThat(marketing.targets(other.id(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    @DisplayName("adding a customer again replaces its target (rank, score, reason, source and addedAt)")
    void reAddingReplaces() {
        marketing.addTargets(campaign.id(), List.of(ranked(alice, 1, "first"), ranked(bob, 2, "first")));
        clock.advance(Duration.ofHours(1));
        Campaign after = marketing.addTargets(
                campaign.id(),
                List.of(new NewCampaignTarget(alice, "win-back", 3, 42.0, "second"), ranked(carol, 1, null)));

        // alice replaced, bob kept, carol added: 3 targets, two changes after planning.
        assertThat(after.targetListSize()).isEqualTo(3);
        assertThat(after.version()).isEqualTo(campaign.version() + 2);
        Instant later = NOW.plus(Duration.ofHours(1));
        assertThat(stored())
                .containsExactly(
                        new CampaignTarget(campaign.id(), carol, later, "manual", 1, null, null),
                        new CampaignTarget(campaign.id(), bob, NOW, "manual", 2, null, "first"),
                        new CampaignTarget(campaign.id(), alice, later, "win-back", 3, 42.0, "second"));
    }

    @Test
    @DisplayName("removing a target shrinks the list one version later; removing a missing one changes nothing")
    void remove() {
        Campaign two = marketing.addTargets(campaign.id(), List.of(ranked(alice, 1, null), ranked(bob, 2, null)));

        Campaign one = marketing.removeTarget(campaign.id(), alice);
        Campaign same = marketing.removeTarget(campaign.id(), alice);
        Campaign stranger = marketing.removeTarget(campaign.id(), CustomerId.random());

        assertThat(one.targetListSize()).isEqualTo(1);
        assertThat(one.version()).isEqualTo(two.version() + 1);
        assertThat(same).isEqualTo(one);
        assertThat(stranger).isEqualTo(one);
        assertThat(stored()).extracting(CampaignTarget::customerId).containsExactly(bob);
    }

    @Test
    @DisplayName("a customer given twice in one call is refused at the later index, before anything is read")
    void duplicateInOneCall() {
        invalid(
                () -> marketing.addTargets(
                        campaign.id(), List.of(ranked(alice, 1, null), ranked(bob, 2, null), ranked(alice, 3, null))),
                "targets[2].customerId",
                ValidationRule.DUPLICATE);
        assertThat(stored()).isEmpty();
    }

    @Test
    @DisplayName("a missing list, a null entry or more than MAX_PER_CALL targets are refused with typed errors")
    void badLists() {
        invalid(() -> marketing.addTargets(campaign.id(), null), "targets", ValidationRule.REQUIRED);
        invalid(
                () -> marketing.addTargets(campaign.id(), Arrays.asList(ranked(alice, 1, null), null)),
                "targets[1]",
                ValidationRule.REQUIRED);
        List<NewCampaignTarget> tooMany =
                Collections.nCopies(NewCampaignTarget.MAX_PER_CALL + 1, NewCampaignTarget.of(alice, "manual"));
        invalid(() -> marketing.addTargets(campaign.id(), tooMany), "targets", ValidationRule.TOO_LONG);
        invalid(() -> marketing.addTargets(null, List.of()), "campaignId", ValidationRule.REQUIRED);
        invalid(() -> marketing.removeTarget(campaign.id(), null), "customerId", ValidationRule.REQUIRED);
        invalid(() -> marketing.targets(campaign.id(), null), "page", ValidationRule.REQUIRED);
        assertThat(stored()).isEmpty();
    }

    @Test
    @DisplayName("an unknown campaign is NotFoundException for adding, listing and removing")
    void unknownCampaign() {
        CampaignId nowhere = CampaignId.random();
        assertThatThrownBy(() -> marketing.addTargets(nowhere, List.of(ranked(alice, 1, null))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> marketing.targets(nowhere, PageRequest.first(1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> marketing.removeTarget(nowhere, alice)).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("the campaign's version keeps target changes and status changes apart")
    void versionCheck() {
        Campaign after = marketing.addTargets(campaign.id(), List.of(ranked(alice, 1, null)));
        // A caller who read the campaign before the targets were added holds a stale version.
        assertThatThrownBy(() -> marketing.launch(campaign.id(), campaign.version()))
                .isInstanceOf(StaleVersionException.class);
        Campaign launched = marketing.launch(campaign.id(), after.version());
        assertThat(launched.targetListSize()).isEqualTo(1);
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
