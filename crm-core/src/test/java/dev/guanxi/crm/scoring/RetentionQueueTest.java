package dev.guanxi.crm.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.classification.ContactDue;
import dev.guanxi.crm.classification.RetentionPlan;
import dev.guanxi.crm.classification.RetentionPlans;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The retention work queue: customers due for contact under their plan")
class RetentionQueueTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Test
    @DisplayName(
            "a key customer not contacted for 14 days is due; one contacted 13 days ago is not; others by their plan")
    void queue() {
        // all customers registered 2026-01-01, so a never-contacted one is 180 days since registration
        java.util.concurrent.atomic.AtomicReference<Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-01-01T09:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        Crm crm = Crm.builder().clock(clock).build();
        TenantCrm acme = crm.tenant("acme");
        StaffId li = new StaffId("li");
        CustomerId keyDue = customer(acme, "key due", li, "900.00");
        CustomerId keyFresh = customer(acme, "key fresh", li, "800.00");
        CustomerId small = customer(acme, "small", new StaffId("wang"), "1.00");
        now.set(Instant.parse("2026-06-30T18:00:00Z"));
        contact(acme, keyDue, TODAY.minusDays(14));
        contact(acme, keyFresh, TODAY.minusDays(13));
        contact(acme, small, TODAY.minusDays(100));
        // grades only (no lifecycle stage, so the stage-specific plans do not apply):
        // 900 KEY (0 above), 800 KEY (900/1701 = .53 above), 1 SMALL (.9994 above)
        acme.scoring()
                .run(ScoringRequest.of(TODAY, Currency.getInstance("USD"))
                        .withScoring(dev.guanxi.crm.classification.CustomerScoring.defaults()));

        List<ContactDue> due = acme.scoring().contactsDue(RetentionPlans.defaults(), TODAY, null);

        // small: EMAIL every 90 days, last contact 100 days ago -> 10 overdue; keyDue: 14-day plan -> 0 overdue
        assertThat(due).extracting(ContactDue::customerId).containsExactly(small, keyDue);
        assertThat(due.get(0).daysOverdue()).isEqualTo(10);
        assertThat(due.get(0).plan().channel()).isEqualTo(Channel.EMAIL);
        assertThat(due.get(1).grade()).isEqualTo("KEY");
        assertThat(due.get(1).plan().channel()).isEqualTo(Channel.SALES_VISIT);
        assertThat(due.get(1).lastContact()).isEqualTo(TODAY.minusDays(14));
        assertThat(acme.scoring().contactsDue(RetentionPlans.defaults(), TODAY, li))
                .extracting(ContactDue::customerId)
                .containsExactly(keyDue);
        // a plan only for KEY customers: the small customer is never due
        RetentionPlans keyOnly = new RetentionPlans(List.of(new RetentionPlan("KEY", null, Channel.PHONE, 10)));
        assertThat(acme.scoring().contactsDue(keyOnly, TODAY, null))
                .extracting(ContactDue::customerId)
                .containsExactlyInAnyOrder(keyDue, keyFresh);
    }

    @Test
    @DisplayName("with the lifecycle stage stored, an at-risk key customer falls under the weekly plan")
    void stageSpecificPlan() {
        Crm crm = Crm.builder()
                .clock(Clock.fixed(Instant.parse("2026-06-30T18:00:00Z"), ZoneOffset.UTC))
                .build();
        TenantCrm acme = crm.tenant("acme");
        CustomerId key = customer(acme, "key", new StaffId("li"), "900.00");
        contact(acme, key, TODAY.minusDays(8));
        acme.scoring().run(ScoringRequest.of(TODAY, Currency.getInstance("USD")));
        String stage = acme.scoring().snapshot(key).orElseThrow().labels().get("lifecycle");
        RetentionPlans plans = new RetentionPlans(List.of(
                new RetentionPlan("KEY", stage, Channel.SALES_VISIT, 7),
                new RetentionPlan("KEY", null, Channel.SALES_VISIT, 14)));
        // contacted 8 days ago: due under the stage's 7-day plan (1 day overdue), not under the 14-day one
        List<ContactDue> due = acme.scoring().contactsDue(plans, TODAY, null);
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo(stage);
            assertThat(d.plan().contactEveryDays()).isEqualTo(7);
            assertThat(d.daysOverdue()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("a plan's interval and labels are validated")
    void badPlans() {
        assertThatThrownBy(() -> new RetentionPlan("KEY", null, Channel.PHONE, 0))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("contactEveryDays"));
        assertThatThrownBy(() -> new RetentionPlan(" ", null, Channel.PHONE, 7))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("grade"));
    }

    private static CustomerId customer(TenantCrm tenant, String name, StaffId owner, String spent) {
        CustomerId id = tenant.customers()
                .register(CustomerDraft.person(name).owner(owner).build())
                .id();
        tenant.sales()
                .recordPurchase(NewOrder.builder(id, LocalDate.of(2025, 12, 1))
                        .line(OrderLine.of("SKU", 1, Money.of(spent, "USD")))
                        .build());
        return id;
    }

    private static void contact(TenantCrm tenant, CustomerId who, LocalDate day) {
        tenant.interactions()
                .log(NewInteraction.builder(who, Channel.PHONE, Direction.OUTBOUND, "call")
                        .occurredAt(day.atTime(10, 0).toInstant(ZoneOffset.UTC))
                        .build());
    }
}
