package dev.guanxi.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.money.CurrencyMismatchException;
import dev.guanxi.crm.money.ExchangeRates;
import dev.guanxi.crm.money.MissingExchangeRateException;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Earn rules: points per unit spent, rounded down, by product and tier; purchases earn once")
class PointsEarnRuleTest {

    @Nested
    @DisplayName("a rule on its own")
    class Rule {
        @Test
        @DisplayName("1 point per 10.00 CNY: 129.90 earns 12, 9.99 earns 0, 10.00 earns 1 (rounded down)")
        void roundsDown() {
            PointsEarnRule rule = PointsEarnRule.of("BASE", 1, Money.of("10.00", "CNY"));
            // 129.90 / 10.00 = 12.99 -> 12
            assertThat(rule.pointsFor(Money.of("129.90", "CNY"), null)).isEqualTo(12);
            assertThat(rule.pointsFor(Money.of("9.99", "CNY"), null)).isZero();
            assertThat(rule.pointsFor(Money.of("10.00", "CNY"), null)).isEqualTo(1);
            assertThat(rule.pointsFor(Money.of("0.00", "CNY"), null)).isZero();
        }

        @Test
        @DisplayName("a tier multiplier of 1.5 turns 129.90 into 19 points (19.485 rounded down)")
        void multiplier() {
            PointsEarnRule rule = PointsEarnRule.of("BASE", 1, Money.of("10.00", "CNY"))
                    .withTierMultiplier("GOLD", new BigDecimal("1.5"));
            // 129.90 / 10.00 × 1 × 1.5 = 19.485 -> 19
            assertThat(rule.pointsFor(Money.of("129.90", "CNY"), "GOLD")).isEqualTo(19);
            assertThat(rule.pointsFor(Money.of("129.90", "CNY"), "SILVER")).isEqualTo(12);
            assertThat(rule.multiplierFor(null)).isEqualByComparingTo("1");
        }

        @Test
        @DisplayName("3 points per 2.00 USD: 5.01 USD earns 7 (7.515 rounded down)")
        void pointsPerUnit() {
            PointsEarnRule rule = PointsEarnRule.of("TRIPLE", 3, Money.of("2.00", "USD"));
            // 5.01 / 2.00 × 3 = 7.515 -> 7
            assertThat(rule.pointsFor(Money.of("5.01", "USD"), null)).isEqualTo(7);
        }

        @Test
        @DisplayName("a spend in another currency is a CurrencyMismatchException")
        void currencyMismatch() {
            PointsEarnRule rule = PointsEarnRule.of("BASE", 1, Money.of("1.00", "CNY"));
            assertThatThrownBy(() -> rule.pointsFor(Money.of("1.00", "USD"), null))
                    .isInstanceOf(CurrencyMismatchException.class);
        }

        @Test
        @DisplayName("product filters decide which lines count")
        void productFilter() {
            PointsEarnRule rule =
                    PointsEarnRule.of("TEA", 2, Money.of("1.00", "CNY")).withProducts("TEA-1", "TEA-2");
            assertThat(rule.appliesTo("TEA-1")).isTrue();
            assertThat(rule.appliesTo("COFFEE")).isFalse();
            assertThat(PointsEarnRule.of("ALL", 1, Money.of("1.00", "CNY")).appliesTo("anything"))
                    .isTrue();
            assertThat(rule.explain()).isEqualTo("TEA: 2 points per CNY 1.00 on TEA-1, TEA-2");
        }

        @Test
        @DisplayName("bad rules name the field")
        void badRules() {
            Money per = Money.of("1.00", "CNY");
            MembershipTestSupport.assertInvalid(
                    () -> PointsEarnRule.of("BASE", 0, per), "points", ValidationRule.OUT_OF_RANGE);
            MembershipTestSupport.assertInvalid(
                    () -> PointsEarnRule.of("BASE", 1, Money.of("0.00", "CNY")), "per", ValidationRule.OUT_OF_RANGE);
            MembershipTestSupport.assertInvalid(
                    () -> PointsEarnRule.of("bad code!", 1, per), "code", ValidationRule.INVALID_FORMAT);
            MembershipTestSupport.assertInvalid(
                    () -> PointsEarnRule.of("B", 1, per).withTierMultiplier("GOLD", new BigDecimal("-1")),
                    "tierMultipliers.GOLD",
                    ValidationRule.OUT_OF_RANGE);
            MembershipTestSupport.assertInvalid(
                    () -> PointsEarnRule.of("B", 1, per).withTierMultiplier("GOLD", new BigDecimal("1.00001")),
                    "tierMultipliers.GOLD",
                    ValidationRule.SCALE);
            MembershipTestSupport.assertInvalid(
                    () -> PointsEarnRule.of("B", 1, per).withProducts(" "), "productCodes[0]", ValidationRule.BLANK);
        }
    }

    @Nested
    @DisplayName("earning for a purchase")
    class Purchases extends MembershipTestSupport {
        @Override
        MembershipProgramme programme() {
            return MembershipProgramme.builder(Money.currency("CNY"))
                    .tier(MembershipTier.of("SILVER", "银卡", TierRule.always()))
                    .tier(MembershipTier.of("GOLD", "金卡", TierRule.points(1_000, 365)))
                    .earnRule(PointsEarnRule.of("BASE", 1, cny("10.00"))
                            .withTierMultiplier("GOLD", new BigDecimal("1.5")))
                    .earnRule(PointsEarnRule.of("TEA", 2, cny("5.00")).withProducts("TEA-1"))
                    .pointsValidDays(365)
                    .exchangeRates(ExchangeRates.fixed(
                            Money.currency("CNY"), Map.of(Money.currency("USD"), new BigDecimal("7.1")), TODAY))
                    .build();
        }

        private int orders;

        private Order order(String... codeAndPrice) {
            NewOrder.Builder b = NewOrder.builder(customer, TODAY).orderNumber("SO-" + ++orders);
            for (int i = 0; i < codeAndPrice.length; i += 2) {
                b.line(OrderLine.of(codeAndPrice[i], 1, cny(codeAndPrice[i + 1])));
            }
            return acme.sales().recordPurchase(b.build());
        }

        @Test
        @DisplayName(
                "rules add up, each rounded down: 117.50 + tea 12.40 earns 12 (base on 129.90) + 4 (tea) = 16 points")
        void rulesAddUp() {
            Order o = order("SKU-1", "117.50", "TEA-1", "12.40");
            Optional<PointsEntry> entry = membership.earnForPurchase(o.id());
            // BASE: 129.90 / 10.00 = 12.99 -> 12; TEA: 12.40 / 5.00 × 2 = 4.96 -> 4; total 16
            assertThat(entry).isPresent();
            PointsEntry e = entry.get();
            assertThat(e.points()).isEqualTo(16);
            assertThat(e.kind()).isEqualTo(PointsEntryKind.EARN);
            assertThat(e.orderId()).isEqualTo(o.id());
            assertThat(e.businessKey()).isEqualTo("gx:order:" + o.id());
            assertThat(e.expiresOn()).isEqualTo(TODAY.plusDays(365));
            assertThat(e.reason()).isEqualTo("order SO-1 (CNY 129.90): BASE 12, TEA 4");
        }

        @Test
        @DisplayName("replaying the order is a no-op, also after the member's tier changed")
        void replayIsNoOp() {
            Order o = order("SKU-1", "100.00");
            PointsEntry first = membership.earnForPurchase(o.id()).orElseThrow();
            membership.earn(customer, "bonus", 1_000, "bonus");
            membership.evaluateTier(customer, TODAY);
            assertThat(membership.account(customer).orElseThrow().tier()).isEqualTo("GOLD");

            assertThat(membership.earnForPurchase(o.id())).contains(first);
            assertThat(membership.balance(customer)).isEqualTo(1_010);
            assertConsistent(customer);
        }

        @Test
        @DisplayName("the member's tier multiplies: GOLD earns 1.5 × on the base rule")
        void tierMultiplier() {
            membership.earn(customer, "bonus", 1_000, "bonus");
            membership.evaluateTier(customer, TODAY);
            Order o = order("SKU-1", "129.90");
            // 129.90 / 10.00 × 1.5 = 19.485 -> 19
            assertThat(membership.earnForPurchase(o.id()).orElseThrow().points())
                    .isEqualTo(19);
        }

        @Test
        @DisplayName("an order below one unit earns nothing and opens no account")
        void belowOneUnit() {
            Order o = order("SKU-1", "9.99");
            assertThat(membership.earnForPurchase(o.id())).isEmpty();
            assertThat(membership.account(customer)).isEmpty();
        }

        @Test
        @DisplayName("an order in USD is converted at the programme's rate: 20.00 USD × 7.1 = 142.00 CNY, 14 points")
        void otherCurrency() {
            Order o = acme.sales()
                    .recordPurchase(NewOrder.builder(customer, TODAY)
                            .line(OrderLine.of("SKU-1", 1, Money.of("20.00", "USD")))
                            .build());
            assertThat(membership.earnForPurchase(o.id()).orElseThrow().points())
                    .isEqualTo(14);
        }

        @Test
        @DisplayName("an order in a currency without a rate is MissingExchangeRateException and stores nothing")
        void missingRate() {
            Order o = acme.sales()
                    .recordPurchase(NewOrder.builder(customer, TODAY)
                            .line(OrderLine.of("SKU-1", 1, Money.of("20.00", "EUR")))
                            .build());
            assertThatThrownBy(() -> membership.earnForPurchase(o.id()))
                    .isInstanceOf(MissingExchangeRateException.class);
            assertThat(membership.account(customer)).isEmpty();
        }

        @Test
        @DisplayName("a cancelled order is INVALID_STATE; an unknown order NotFoundException")
        void cancelledOrUnknown() {
            Order o = order("SKU-1", "100.00");
            acme.sales().cancelOrder(o.id(), o.version());
            assertInvalid(() -> membership.earnForPurchase(o.id()), "orderId", ValidationRule.INVALID_STATE);
            assertThatThrownBy(() -> membership.earnForPurchase(OrderId.random()))
                    .isInstanceOf(NotFoundException.class);
            Order foreign = order("SKU-1", "100.00");
            assertThatThrownBy(() -> crm.tenant("globex").membership().earnForPurchase(foreign.id()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("without a programme")
    class WithoutProgramme extends MembershipTestSupport {
        @Test
        @DisplayName("a purchase earns nothing, and nothing expires")
        void nothing() {
            Order o = purchase(customer, TODAY, "500.00");
            assertThat(membership.earnForPurchase(o.id())).isEmpty();
            assertThat(membership.programme()).isSameAs(MembershipProgramme.none());
        }
    }
}
