package dev.guanxi.crm.loyalty;

import static dev.guanxi.crm.loyalty.MembershipTestSupport.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.ExchangeRates;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Programme configuration: validated at build time, naming the field; options set once")
class MembershipProgrammeTest {
    private static final Currency CNY = Money.currency("CNY");
    private static final TierRule GOLD_RULE = TierRule.spend(Money.of("1000.00", "CNY"), 365);

    @Test
    @DisplayName("a valid programme keeps its tiers in rank order and answers by code")
    void valid() {
        MembershipProgramme p = MembershipProgramme.builder(CNY)
                .tier(MembershipTier.of("SILVER", "银卡", TierRule.always()))
                .tier(MembershipTier.of("GOLD", "金卡", GOLD_RULE))
                .earnRule(PointsEarnRule.of("BASE", 1, Money.of("1.00", "CNY"))
                        .withTierMultiplier("GOLD", new BigDecimal("2")))
                .pointsValidDays(365)
                .build();
        assertThat(p.tiers()).extracting(MembershipTier::code).containsExactly("SILVER", "GOLD");
        assertThat(p.rankOf("GOLD")).isEqualTo(1);
        assertThat(p.rankOf("NONE")).isEqualTo(-1);
        assertThat(p.rankOf(null)).isEqualTo(-1);
        assertThat(p.tier("SILVER").orElseThrow().name()).isEqualTo("银卡");
        assertThat(p.baseCurrency()).contains(CNY);
        // 2026-03-01 + 365 days = 2027-03-01
        assertThat(p.expiryFor(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(p.exchangeRates()).isEmpty();
        assertThat(MembershipProgramme.none().tiers()).isEmpty();
        assertThat(MembershipProgramme.none().baseCurrency()).isEmpty();
    }

    @Test
    @DisplayName("duplicate codes, foreign currencies and unknown tiers are refused, naming the field")
    void invalid() {
        assertInvalid(
                () -> MembershipProgramme.builder(CNY)
                        .tier(MembershipTier.of("GOLD", "a", GOLD_RULE))
                        .tier(MembershipTier.of("GOLD", "b", GOLD_RULE))
                        .build(),
                "tiers[1].code",
                ValidationRule.DUPLICATE);
        assertInvalid(
                () -> MembershipProgramme.builder(CNY)
                        .tier(new MembershipTier("GOLD", "金卡", GOLD_RULE, TierRule.spend(Money.of("10.00", "USD"), 30)))
                        .build(),
                "tiers[0].keep.minSpend",
                ValidationRule.CURRENCY_MISMATCH);
        assertInvalid(
                () -> MembershipProgramme.builder(CNY)
                        .earnRule(PointsEarnRule.of("BASE", 1, Money.of("1.00", "USD")))
                        .build(),
                "earnRules[0].per",
                ValidationRule.CURRENCY_MISMATCH);
        assertInvalid(
                () -> MembershipProgramme.builder(CNY)
                        .earnRule(PointsEarnRule.of("BASE", 1, Money.of("1.00", "CNY")))
                        .earnRule(PointsEarnRule.of("BASE", 2, Money.of("1.00", "CNY")))
                        .build(),
                "earnRules[1].code",
                ValidationRule.DUPLICATE);
        assertInvalid(
                () -> MembershipProgramme.builder(CNY)
                        .earnRule(PointsEarnRule.of("BASE", 1, Money.of("1.00", "CNY"))
                                .withTierMultiplier("GOLD", BigDecimal.TEN))
                        .build(),
                "earnRules[0].tierMultipliers.GOLD",
                ValidationRule.UNKNOWN_REFERENCE);
        assertInvalid(
                () -> MembershipProgramme.builder(CNY).pointsValidDays(0),
                "pointsValidDays",
                ValidationRule.OUT_OF_RANGE);
        assertInvalid(() -> MembershipProgramme.builder(null), "baseCurrency", ValidationRule.REQUIRED);
        assertInvalid(() -> MembershipProgramme.builder(CNY).tier(null), "tiers[0]", ValidationRule.REQUIRED);
    }

    @Test
    @DisplayName("tier rules and tiers validate their parts")
    void tierParts() {
        assertInvalid(() -> new TierRule(null, null, 30, TierRule.Match.ANY), "minSpend", ValidationRule.REQUIRED);
        assertInvalid(() -> TierRule.points(-1, 30), "minPoints", ValidationRule.OUT_OF_RANGE);
        assertInvalid(() -> TierRule.points(1, 0), "windowDays", ValidationRule.OUT_OF_RANGE);
        assertInvalid(() -> TierRule.points(1, 3_661), "windowDays", ValidationRule.OUT_OF_RANGE);
        assertInvalid(() -> TierRule.spend(Money.of("-1.00", "CNY"), 30), "minSpend", ValidationRule.OUT_OF_RANGE);
        assertInvalid(() -> MembershipTier.of("gold card", "x", GOLD_RULE), "code", ValidationRule.INVALID_FORMAT);
        assertInvalid(() -> MembershipTier.of("GOLD", " ", GOLD_RULE), "name", ValidationRule.BLANK);
        assertInvalid(() -> new MembershipTier("GOLD", "x", GOLD_RULE, null), "keep", ValidationRule.REQUIRED);
    }

    @Test
    @DisplayName("a rule with both thresholds: ANY needs one, ALL both; thresholds are inclusive")
    void matchModes() {
        Money hundred = Money.of("100.00", "CNY");
        Money less = Money.of("99.99", "CNY");
        TierRule any = TierRule.spendOrPoints(hundred, 10, 30);
        TierRule all = TierRule.spendAndPoints(hundred, 10, 30);
        assertThat(any.isMetBy(hundred, 0)).isTrue();
        assertThat(any.isMetBy(less, 10)).isTrue();
        assertThat(any.isMetBy(less, 9)).isFalse();
        assertThat(all.isMetBy(hundred, 10)).isTrue();
        assertThat(all.isMetBy(hundred, 9)).isFalse();
        assertThat(all.isMetBy(less, 10)).isFalse();
        assertThat(TierRule.always().isMetBy(null, 0)).isTrue();
        assertThat(TierRule.always().isAlways()).isTrue();
        assertThat(TierRule.points(0, 5).isAlways()).isTrue();
        assertThat(TierRule.points(1, 5).isAlways()).isFalse();
    }

    @Test
    @DisplayName("the validity and the rates may be set once; the CRM's programme too")
    void setOnce() {
        MembershipProgramme.Builder b = MembershipProgramme.builder(CNY).pointsValidDays(30);
        assertThatThrownBy(() -> b.pointsValidDays(60)).isInstanceOf(IllegalStateException.class);
        b.exchangeRates(ExchangeRates.none());
        assertThatThrownBy(() -> b.exchangeRates(ExchangeRates.none())).isInstanceOf(IllegalStateException.class);

        Crm.Builder crm = Crm.builder().membership(MembershipProgramme.none());
        assertThatThrownBy(() -> crm.membership(MembershipProgramme.none()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("membership programme was already set");
    }

    @Test
    @DisplayName("the programme given to the builder is what membership() uses")
    void programmeReachesTheApi() {
        MembershipProgramme p =
                MembershipProgramme.builder(CNY).pointsValidDays(10).build();
        try (Crm crm = Crm.builder()
                .membership(p)
                .clock(java.time.Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), java.time.ZoneOffset.UTC))
                .build()) {
            assertThat(crm.tenant("acme").membership().programme()).isSameAs(p);
            CustomerId c = MembershipTestSupport.newCustomer(crm.tenant("acme"), "张伟");
            PointsEntry e = crm.tenant("acme").membership().earn(c, "k", 1, "r");
            assertThat(e.expiresOn()).isEqualTo(LocalDate.of(2026, 1, 25));
        }
    }
}
