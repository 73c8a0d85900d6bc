package dev.guanxi.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.MembershipTierChanged;
import dev.guanxi.crm.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Tiers: entry rules move members up, keep rules down, over rolling windows; changes are events")
class TierEvaluationTest {
    // The window of 30 days ending 2026-01-15 runs from 2025-12-17 to 2026-01-15.
    static final LocalDate WINDOW_START = LocalDate.of(2025, 12, 17);

    static MembershipProgramme threeTiers() {
        return MembershipProgramme.builder(Money.currency("CNY"))
                .tier(MembershipTier.of("SILVER", "银卡", TierRule.always()))
                .tier(new MembershipTier(
                        "GOLD",
                        "金卡",
                        TierRule.spend(Money.of("1000.00", "CNY"), 30),
                        TierRule.spend(Money.of("500.00", "CNY"), 30)))
                .tier(new MembershipTier(
                        "DIAMOND",
                        "钻石卡",
                        TierRule.spendOrPoints(Money.of("10000.00", "CNY"), 5_000, 30),
                        TierRule.spendOrPoints(Money.of("5000.00", "CNY"), 2_500, 30)))
                .build();
    }

    @Nested
    @DisplayName("with silver (everyone), gold (spend) and diamond (spend or points)")
    class ThreeTiers extends MembershipTestSupport {
        final List<String> tierSeenByListener = new CopyOnWriteArrayList<>();

        @Override
        MembershipProgramme programme() {
            return threeTiers();
        }

        private TierDecision evaluate(LocalDate day) {
            return membership.evaluateTier(customer, day);
        }

        @Test
        @DisplayName("a new customer joins the first tier; the change is stored, published and visible after commit")
        void joinsFirstTier() {
            crm.close();
            crm = dev.guanxi.crm.Crm.builder()
                    .clock(clock)
                    .membership(threeTiers())
                    .listener(MembershipTierChanged.class, e -> {
                        events.add(e);
                        // delivered after commit: a new unit of work already sees the new tier
                        tierSeenByListener.add(crm.tenant("acme")
                                .membership()
                                .account(e.customerId())
                                .orElseThrow()
                                .tier());
                    })
                    .build();
            acme = crm.tenant("acme");
            membership = acme.membership();
            customer = newCustomer(acme, "张伟");

            TierDecision d = evaluate(TODAY);

            assertThat(d)
                    .isEqualTo(new TierDecision(
                            customer,
                            TODAY,
                            null,
                            "SILVER",
                            TierChange.PROMOTED,
                            "SILVER entry met: open to every member"));
            PointsAccount account = membership.account(customer).orElseThrow();
            assertThat(account.tier()).isEqualTo("SILVER");
            assertThat(account.tierSince()).isEqualTo(TODAY);
            assertThat(account.balance()).isZero();
            List<MembershipTierChanged> changes = events(MembershipTierChanged.class);
            assertThat(changes).hasSize(1);
            MembershipTierChanged e = changes.get(0);
            assertThat(e.customerId()).isEqualTo(customer);
            assertThat(e.previousTier()).isNull();
            assertThat(e.newTier()).isEqualTo("SILVER");
            assertThat(e.effectiveOn()).isEqualTo(TODAY);
            assertThat(e.reason()).isEqualTo(d.reason());
            assertThat(e.metadata().tenant().value()).isEqualTo("acme");
            assertThat(e.metadata().occurredAt()).isEqualTo(START);
            assertThat(tierSeenByListener).containsExactly("SILVER");
        }

        @Test
        @DisplayName("spend on the first day of the window counts: 999.99 stays silver, +0.01 reaches gold exactly")
        void entryAtWindowStart() {
            evaluate(TODAY);
            purchase(customer, WINDOW_START, "999.99");
            purchase(customer, WINDOW_START.minusDays(1), "5000.00"); // one day before the window: ignored
            events.clear();

            TierDecision stay = evaluate(TODAY);
            assertThat(stay.change()).isEqualTo(TierChange.UNCHANGED);
            assertThat(stay.newTier()).isEqualTo("SILVER");
            assertThat(events).isEmpty();

            purchase(customer, WINDOW_START, "0.01");
            TierDecision up = evaluate(TODAY);

            assertThat(up.change()).isEqualTo(TierChange.PROMOTED);
            assertThat(up.previousTier()).isEqualTo("SILVER");
            assertThat(up.newTier()).isEqualTo("GOLD");
            assertThat(up.reason()).isEqualTo("GOLD entry met: spent 1,000.00 CNY in 30 days (entry: 1,000.00)");
            assertThat(events(MembershipTierChanged.class))
                    .extracting(MembershipTierChanged::newTier)
                    .containsExactly("GOLD");
        }

        @Test
        @DisplayName("the keep rule holds to the last day of the window and fails the day after")
        void keepAtWindowEnd() {
            purchase(customer, WINDOW_START, "1000.00");
            assertThat(evaluate(TODAY).newTier()).isEqualTo("GOLD");
            purchase(customer, WINDOW_START.plusDays(1), "500.00"); // 2025-12-18

            clock.set(Instant.parse("2026-01-16T09:00:00Z"));
            // window 2025-12-18..2026-01-16: the 1,000.00 is out, the 500.00 in: keep (500.00) met
            TierDecision kept = evaluate(LocalDate.of(2026, 1, 16));
            assertThat(kept.change()).isEqualTo(TierChange.UNCHANGED);
            assertThat(kept.reason()).isEqualTo("GOLD kept: spent 500.00 CNY in 30 days (keep: 500.00)");

            clock.set(Instant.parse("2026-01-17T09:00:00Z"));
            TierDecision down = evaluate(LocalDate.of(2026, 1, 17));
            assertThat(down.change()).isEqualTo(TierChange.DEMOTED);
            assertThat(down.newTier()).isEqualTo("SILVER");
            assertThat(down.reason())
                    .isEqualTo(
                            "GOLD not kept: spent 0.00 CNY in 30 days (keep: 500.00); SILVER kept: open to every member");
            assertThat(events(MembershipTierChanged.class))
                    .extracting(MembershipTierChanged::previousTier, MembershipTierChanged::newTier)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(null, "GOLD"),
                            org.assertj.core.groups.Tuple.tuple("GOLD", "SILVER"));
        }

        @Test
        @DisplayName("points earned from the window's first instant count; a microsecond earlier they do not")
        void pointsWindowBoundary() {
            clock.set(Instant.parse("2025-12-16T23:59:59.999999Z"));
            membership.earn(customer, "early", 4_000, "before the window");
            clock.set(Instant.parse("2025-12-17T00:00:00Z"));
            membership.earn(customer, "first", 4_999, "first instant of the window");
            clock.set(START);

            TierDecision d = evaluate(TODAY);
            assertThat(d.newTier()).as("4,999 < 5,000 points: silver").isEqualTo("SILVER");

            membership.earn(customer, "one-more", 1, "now");
            TierDecision up = evaluate(TODAY);
            // skips gold: the highest tier whose entry is met
            assertThat(up.newTier()).isEqualTo("DIAMOND");
            assertThat(up.reason())
                    .isEqualTo("DIAMOND entry met: spent 0.00 CNY in 30 days (entry: 10,000.00) or earned 5,000 points"
                            + " in 30 days (entry: 5,000)");
            // redeeming does not lower the points earned
            membership.redeem(customer, "spend", 9_000, "spend them");
            assertThat(evaluate(TODAY).change()).isEqualTo(TierChange.UNCHANGED);
        }

        @Test
        @DisplayName("a demotion goes to the highest lower tier whose keep rule holds")
        void demotionToHighestKept() {
            membership.earn(customer, "p", 5_000, "points");
            assertThat(evaluate(TODAY).newTier()).isEqualTo("DIAMOND");

            clock.set(Instant.parse("2026-02-20T09:00:00Z"));
            // window 2026-01-22..2026-02-20: no points earned, 600.00 spent: gold's keep (500.00) holds, diamond's not
            purchase(customer, LocalDate.of(2026, 2, 1), "600.00");
            TierDecision down = evaluate(LocalDate.of(2026, 2, 20));

            assertThat(down.previousTier()).isEqualTo("DIAMOND");
            assertThat(down.newTier()).isEqualTo("GOLD");
            assertThat(down.change()).isEqualTo(TierChange.DEMOTED);
        }

        @Test
        @DisplayName("evaluating the same day twice changes nothing the second time")
        void idempotent() {
            evaluate(TODAY);
            PointsAccount after = membership.account(customer).orElseThrow();
            events.clear();
            assertThat(evaluate(TODAY).changed()).isFalse();
            assertThat(membership.account(customer)).contains(after);
            assertThat(events).isEmpty();
        }

        @Test
        @DisplayName("a day before the last change is DATE_ORDER, after tomorrow FUTURE; neither publishes")
        void badDays() {
            evaluate(TODAY);
            events.clear();
            assertInvalid(() -> evaluate(TODAY.minusDays(1)), "asOf", ValidationRule.DATE_ORDER);
            assertInvalid(() -> evaluate(TODAY.plusDays(2)), "asOf", ValidationRule.FUTURE);
            assertInvalid(() -> membership.evaluateTier(null, TODAY), "customerId", ValidationRule.REQUIRED);
            assertThat(events).isEmpty();
        }

        @Test
        @DisplayName("evaluateTiers visits every account of the tenant and counts the moves")
        void everyAccount() {
            CustomerId gold = newCustomer(acme, "李娜");
            CustomerId idle = newCustomer(acme, "王芳");
            CustomerId foreign = newCustomer(crm.tenant("globex"), "赵六");
            purchase(gold, TODAY, "1000.00");
            membership.enrol(gold);
            membership.enrol(idle);
            crm.tenant("globex").membership().enrol(foreign);
            events.clear();

            TierReview review = membership.evaluateTiers(TODAY);

            // customer has no account (never enrolled): not visited; gold -> GOLD, idle -> SILVER
            assertThat(review).isEqualTo(new TierReview(TODAY, 2, 2, 0));
            assertThat(membership.account(gold).orElseThrow().tier()).isEqualTo("GOLD");
            assertThat(membership.account(idle).orElseThrow().tier()).isEqualTo("SILVER");
            assertThat(membership.account(customer)).isEmpty();
            assertThat(crm.tenant("globex")
                            .membership()
                            .account(foreign)
                            .orElseThrow()
                            .tier())
                    .isNull();
            assertThat(events(MembershipTierChanged.class)).hasSize(2);

            assertThat(membership.evaluateTiers(TODAY)).isEqualTo(new TierReview(TODAY, 2, 0, 0));
        }
    }

    @Nested
    @DisplayName("with gold as the only tier")
    class GoldOnly extends MembershipTestSupport {
        @Override
        MembershipProgramme programme() {
            return MembershipProgramme.builder(Money.currency("CNY"))
                    .tier(new MembershipTier(
                            "GOLD",
                            "金卡",
                            TierRule.spendAndPoints(Money.of("100.00", "CNY"), 10, 7),
                            TierRule.points(1, 7)))
                    .build();
        }

        @Test
        @DisplayName("a customer who meets no entry rule gets no tier and no account")
        void noTier() {
            purchase(customer, TODAY, "100.00"); // spend met, points not: spend AND points needed
            TierDecision d = membership.evaluateTier(customer, TODAY);
            assertThat(d.change()).isEqualTo(TierChange.UNCHANGED);
            assertThat(d.newTier()).isNull();
            assertThat(d.reason())
                    .isEqualTo("no entry rule met; GOLD: spent 100.00 CNY in 7 days (entry: 100.00) and earned 0 points"
                            + " in 7 days (entry: 10)");
            assertThat(membership.account(customer)).isEmpty();
            assertThat(events(MembershipTierChanged.class)).isEmpty();
        }

        @Test
        @DisplayName("a member who no longer keeps the only tier leaves the programme (new tier null)")
        void leavesProgramme() {
            purchase(customer, TODAY, "100.00");
            membership.earn(customer, "p", 10, "points");
            assertThat(membership.evaluateTier(customer, TODAY).newTier()).isEqualTo("GOLD");

            clock.set(Instant.parse("2026-01-22T10:00:00Z"));
            // window 2026-01-16..2026-01-22: the 10 points of 01-15 are out
            TierDecision d = membership.evaluateTier(customer, LocalDate.of(2026, 1, 22));

            assertThat(d.change()).isEqualTo(TierChange.DEMOTED);
            assertThat(d.newTier()).isNull();
            assertThat(d.reason()).isEqualTo("GOLD not kept: earned 0 points in 7 days (keep: 1); no lower tier kept");
            PointsAccount account = membership.account(customer).orElseThrow();
            assertThat(account.tier()).isNull();
            assertThat(account.tierSince()).isNull();
            assertThat(events(MembershipTierChanged.class))
                    .last()
                    .satisfies(e -> assertThat(e.newTier()).isNull());
        }
    }
}
