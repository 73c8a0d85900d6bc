package dev.guanxi.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.event.OpportunityLost;
import dev.guanxi.crm.event.OpportunityOpened;
import dev.guanxi.crm.event.OpportunityReopened;
import dev.guanxi.crm.event.OpportunityStageChanged;
import dev.guanxi.crm.event.OpportunityWon;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Opportunities on configurable pipelines")
class OpportunitiesTest extends SalesTestSupport {
    static final Pipeline PROJECTS = Pipeline.builder("projects")
            .stage("LEAD", "Lead", 5)
            .stage("TENDER", "Tender", 40)
            .stage("CONTRACT", "Contract negotiation", 80)
            .build();

    @Override
    void configure(Crm.Builder builder) {
        builder.pipeline(Pipeline.standard()).pipeline(PROJECTS);
    }

    private Opportunity open(String name) {
        return sales.openOpportunity(NewOpportunity.builder(customer, name, usd("50000.00"))
                .expectedCloseDate(TODAY.plusDays(60))
                .build());
    }

    @Test
    @DisplayName("a new opportunity starts open in the pipeline's first stage with its default probability")
    void openDefaults() {
        Opportunity o = open("ERP roll-out 华东");

        assertThat(o.pipeline()).isEqualTo(Pipeline.STANDARD);
        assertThat(o.stage()).isEqualTo("QUALIFICATION");
        assertThat(o.probability()).isEqualTo(10);
        assertThat(o.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(o.stageHistory()).containsExactly(new StageEntry("QUALIFICATION", NOW));
        assertThat(o.closedAt()).isNull();
        assertThat(o.version()).isEqualTo(1);
        assertThat(sales.getOpportunity(o.id())).isEqualTo(o);
        assertThat(events()).singleElement().isInstanceOfSatisfying(OpportunityOpened.class, e -> {
            assertThat(e.opportunityId()).isEqualTo(o.id());
            assertThat(e.stage()).isEqualTo("QUALIFICATION");
            assertThat(e.customerId()).isEqualTo(customer);
        });
    }

    @Test
    @DisplayName("a named pipeline, start stage and probability override are honoured")
    void openOnCustomPipeline() {
        Opportunity o = sales.openOpportunity(NewOpportunity.builder(customer, "Bridge", usd("1.00"))
                .pipeline("projects")
                .stage("TENDER")
                .probability(55)
                .build());
        assertThat(o.pipeline()).isEqualTo("projects");
        assertThat(o.stage()).isEqualTo("TENDER");
        assertThat(o.probability()).isEqualTo(55);
        assertThat(o.expectedCloseDate()).isNull();
        assertThat(sales.pipelines()).extracting(Pipeline::name).containsExactly("projects", "standard");
    }

    @Test
    @DisplayName("an unknown pipeline or stage is refused with UNKNOWN_CODE and nothing is stored")
    void unknownCodes() {
        assertInvalid(
                () -> sales.openOpportunity(NewOpportunity.builder(customer, "X", usd("1.00"))
                        .pipeline("nope")
                        .build()),
                "pipeline",
                ValidationRule.UNKNOWN_CODE);
        assertInvalid(
                () -> sales.openOpportunity(NewOpportunity.builder(customer, "X", usd("1.00"))
                        .pipeline("projects")
                        .stage("PROPOSAL")
                        .build()),
                "stage",
                ValidationRule.UNKNOWN_CODE);
        Opportunity o = open("Deal");
        assertInvalid(() -> sales.moveStage(o.id(), 1, "TENDER"), "stage", ValidationRule.UNKNOWN_CODE);
        assertInvalid(() -> sales.listOpenOpportunities("nope", ALL), "pipeline", ValidationRule.UNKNOWN_CODE);
        assertThat(sales.listOpportunities(customer, ALL).items()).containsExactly(o);
    }

    @Test
    @DisplayName("moving stages sets the stage's probability, appends to the history and publishes the change")
    void moveStage() {
        Opportunity o = open("Deal");
        events.clear();

        Opportunity proposal = sales.moveStage(o.id(), 1, "PROPOSAL");
        Opportunity back = sales.moveStage(o.id(), 2, "NEEDS_ANALYSIS");

        assertThat(proposal.probability()).isEqualTo(50);
        assertThat(back.stage()).isEqualTo("NEEDS_ANALYSIS");
        assertThat(back.probability()).isEqualTo(25);
        assertThat(back.version()).isEqualTo(3);
        assertThat(back.stageHistory())
                .extracting(StageEntry::stage)
                .containsExactly("QUALIFICATION", "PROPOSAL", "NEEDS_ANALYSIS");
        assertThat(events()).hasSize(2).first().isInstanceOfSatisfying(OpportunityStageChanged.class, e -> {
            assertThat(e.fromStage()).isEqualTo("QUALIFICATION");
            assertThat(e.toStage()).isEqualTo("PROPOSAL");
            assertThat(e.probability()).isEqualTo(50);
        });
        assertThat(sales.moveStage(o.id(), 3, "NEEDS_ANALYSIS")).isEqualTo(back); // same stage: no change
    }

    @Test
    @DisplayName("winning sets probability 100 and closes; a won deal is final")
    void win() {
        Opportunity o = open("Deal");
        events.clear();
        Opportunity won = sales.win(o.id(), 1);

        assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(won.probability()).isEqualTo(100);
        assertThat(won.closedAt()).isEqualTo(NOW);
        assertThat(events()).singleElement().isInstanceOf(OpportunityWon.class);
        assertThatThrownBy(() -> sales.lose(o.id(), 2, "changed mind"))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(OpportunityStatus.WON);
                    assertThat(e.to()).isEqualTo(OpportunityStatus.LOST);
                });
        assertThatThrownBy(() -> sales.win(o.id(), 2)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> sales.reopenOpportunity(o.id(), 2)).isInstanceOf(IllegalTransitionException.class);
        assertInvalid(() -> sales.moveStage(o.id(), 2, "PROPOSAL"), "status", ValidationRule.INVALID_STATE);
    }

    @Test
    @DisplayName("losing needs a reason, keeps a competitor note, and a lost deal can be reopened in its stage")
    void loseAndReopen() {
        Opportunity o = open("Deal");
        sales.moveStage(o.id(), 1, "NEGOTIATION");
        assertInvalid(() -> sales.lose(o.id(), 2, null), "reason", ValidationRule.REQUIRED);
        assertInvalid(() -> sales.lose(o.id(), 2, ""), "reason", ValidationRule.BLANK);
        events.clear();

        Opportunity lost = sales.lose(o.id(), 2, "price too high", "竞争对手 A");
        assertThat(lost.status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(lost.probability()).isZero();
        assertThat(lost.lostReason()).isEqualTo("price too high");
        assertThat(lost.competitorNote()).isEqualTo("竞争对手 A");
        assertThat(events()).singleElement().isInstanceOfSatisfying(OpportunityLost.class, e -> {
            assertThat(e.reason()).isEqualTo("price too high");
            assertThat(e.competitorNote()).isEqualTo("竞争对手 A");
        });

        Opportunity reopened = sales.reopenOpportunity(o.id(), 3);
        assertThat(reopened.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(reopened.stage()).isEqualTo("NEGOTIATION");
        assertThat(reopened.probability()).isEqualTo(75);
        assertThat(reopened.lostReason()).isNull();
        assertThat(reopened.competitorNote()).isNull();
        assertThat(reopened.closedAt()).isNull();
        assertThat(events()).last().isInstanceOf(OpportunityReopened.class);
        assertThatThrownBy(() -> sales.reopenOpportunity(o.id(), 4))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.from()).isEqualTo(OpportunityStatus.OPEN));
    }

    @Test
    @DisplayName("a stale version is refused for every opportunity change")
    void stale() {
        Opportunity o = open("Deal");
        sales.moveStage(o.id(), 1, "PROPOSAL");
        assertThatThrownBy(() -> sales.moveStage(o.id(), 1, "NEGOTIATION")).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> sales.win(o.id(), 1)).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> sales.lose(o.id(), 1, "x")).isInstanceOf(StaleVersionException.class);
        assertThat(sales.getOpportunity(o.id()).stage()).isEqualTo("PROPOSAL");
    }

    @Test
    @DisplayName(
            "open opportunities are listed by expected close date, per pipeline if asked; closed ones are left out")
    void lists() {
        Opportunity late = sales.openOpportunity(NewOpportunity.builder(customer, "late", usd("1.00"))
                .expectedCloseDate(TODAY.plusDays(90))
                .build());
        Opportunity soon = sales.openOpportunity(NewOpportunity.builder(customer, "soon", usd("1.00"))
                .expectedCloseDate(TODAY.plusDays(10))
                .build());
        Opportunity project = sales.openOpportunity(NewOpportunity.builder(customer, "project", usd("1.00"))
                .pipeline("projects")
                .build());
        Opportunity won = open("won");
        won = sales.win(won.id(), 1);

        assertThat(sales.listOpenOpportunities(ALL).items()).containsExactly(soon, late, project);
        assertThat(sales.listOpenOpportunities("projects", ALL).items()).containsExactly(project);
        assertThat(sales.listOpportunities(customer, ALL).items()).hasSize(4).contains(won);
    }

    @Test
    @DisplayName("another tenant cannot see or change the opportunities; the customer is unknown there")
    void tenantIsolation() {
        Opportunity o = open("Deal");
        Sales other = crm.tenant("globex").sales();
        assertThat(other.findOpportunity(o.id())).isEmpty();
        assertThat(other.listOpenOpportunities(ALL).items()).isEmpty();
        assertThatThrownBy(() -> other.win(o.id(), 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.listOpportunities(customer, ALL)).isInstanceOf(NoSuchCustomerException.class);
        assertThat(sales.getOpportunity(o.id())).isEqualTo(o);
    }

    @Test
    @DisplayName("with several pipelines and none named standard, an opportunity must name its pipeline")
    void defaultPipelineRequired() {
        Crm multi = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .pipeline(PROJECTS)
                .pipeline(Pipeline.builder("service").stage("S1", "Start", 20).build())
                .build();
        CustomerId c = newCustomer(multi.tenant("acme"), "Buyer");
        assertInvalid(
                () -> multi.tenant("acme")
                        .sales()
                        .openOpportunity(
                                NewOpportunity.builder(c, "X", usd("1.00")).build()),
                "pipeline",
                ValidationRule.REQUIRED);
        Crm single = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .pipeline(PROJECTS)
                .build();
        CustomerId c2 = newCustomer(single.tenant("acme"), "Buyer");
        assertThat(single.tenant("acme")
                        .sales()
                        .openOpportunity(
                                NewOpportunity.builder(c2, "X", usd("1.00")).build())
                        .pipeline())
                .isEqualTo("projects");
    }
}
