package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.ExchangeRates;
import dev.guanxi.crm.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A membership programme (会员制度): the tiers in rank order, the rules by which purchases earn points, how long
 * earned points stay valid, and the base currency that spend is counted in. Given to {@code
 * Crm.builder().membership(...)}; without one, the points ledger still works, with no tiers, no purchase rules
 * and no expiry ({@link #none()}).
 *
 * <pre>{@code
 * MembershipProgramme programme = MembershipProgramme.builder(Money.currency("CNY"))
 *         .tier(MembershipTier.of("SILVER", "银卡", TierRule.always()))
 *         .tier(new MembershipTier("GOLD", "金卡",
 *                 TierRule.spend(Money.of("10000.00", "CNY"), 365),
 *                 TierRule.spend(Money.of("6000.00", "CNY"), 365)))
 *         .earnRule(PointsEarnRule.of("BASE", 1, Money.of("1.00", "CNY"))
 *                 .withTierMultiplier("GOLD", new BigDecimal("1.5")))
 *         .pointsValidDays(730)
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe (if the host's {@link ExchangeRates} is, as that interface requires).
 */
@Beta
public final class MembershipProgramme {
    /** The most tiers, and the most earn rules, a programme may have. */
    public static final int MAX_ENTRIES = 64;
    /** The longest validity of earned points, in days (about a hundred years). */
    public static final int MAX_VALID_DAYS = 36_600;

    private static final MembershipProgramme NONE = new MembershipProgramme(null, List.of(), List.of(), 0, null);

    private final Currency baseCurrency;
    private final List<MembershipTier> tiers;
    private final List<PointsEarnRule> earnRules;
    private final int pointsValidDays;
    private final ExchangeRates exchangeRates;

    private MembershipProgramme(
            Currency baseCurrency,
            List<MembershipTier> tiers,
            List<PointsEarnRule> earnRules,
            int pointsValidDays,
            ExchangeRates exchangeRates) {
        this.baseCurrency = baseCurrency;
        this.tiers = List.copyOf(tiers);
        this.earnRules = List.copyOf(earnRules);
        this.pointsValidDays = pointsValidDays;
        this.exchangeRates = exchangeRates;
    }

    /**
     * @return the programme of a CRM built without one: no tiers, no earn rules, points never expire
     */
    public static MembershipProgramme none() {
        return NONE;
    }

    /**
     * Starts a programme.
     *
     * @param baseCurrency the currency spend is counted in and earn rules and tier thresholds are given in
     * @return a builder
     * @throws ValidationException ({@code baseCurrency}, {@link ValidationRule#REQUIRED}) if it is null
     */
    public static Builder builder(Currency baseCurrency) {
        Check.required("baseCurrency", baseCurrency);
        return new Builder(baseCurrency);
    }

    /** @return the base currency, or empty for {@link #none()} */
    public Optional<Currency> baseCurrency() {
        return Optional.ofNullable(baseCurrency);
    }

    /** @return the tiers, lowest rank first; unmodifiable */
    public List<MembershipTier> tiers() {
        return tiers;
    }

    /** @return the rules by which purchases earn points, in the order given; unmodifiable */
    public List<PointsEarnRule> earnRules() {
        return earnRules;
    }

    /** @return how many days earned points stay valid, or empty if they never expire */
    public OptionalInt pointsValidDays() {
        return pointsValidDays == 0 ? OptionalInt.empty() : OptionalInt.of(pointsValidDays);
    }

    /** @return where rates for orders in other currencies come from, or empty if there is none */
    public Optional<ExchangeRates> exchangeRates() {
        return Optional.ofNullable(exchangeRates);
    }

    /**
     * @param code a tier's code
     * @return the tier, or empty if the programme has none of that code
     */
    public Optional<MembershipTier> tier(String code) {
        int rank = rankOf(code);
        return rank < 0 ? Optional.empty() : Optional.of(tiers.get(rank));
    }

    /**
     * @param code a tier's code, or {@code null}
     * @return the tier's rank, 0 for the lowest, or -1 for {@code null} and for a code the programme does not have
     */
    public int rankOf(String code) {
        if (code == null) {
            return -1;
        }
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the day points earned on a day expire: that day plus {@link #pointsValidDays()}; with 365 days,
     * points earned on 2026-03-01 can be used until 2027-02-28 and expire on 2027-03-01.
     *
     * @param earnedOn the day the points were posted (UTC)
     * @return the expiry day, or {@code null} if points never expire
     */
    public LocalDate expiryFor(LocalDate earnedOn) {
        Objects.requireNonNull(earnedOn, "earnedOn");
        return pointsValidDays == 0 ? null : earnedOn.plusDays(pointsValidDays);
    }

    @Override
    public String toString() {
        return "MembershipProgramme"
                + (baseCurrency == null
                        ? "[none]"
                        : "[" + baseCurrency + ", tiers "
                                + tiers.stream().map(MembershipTier::code).toList() + ", " + earnRules.size()
                                + " earn rules" + (pointsValidDays == 0 ? "" : ", valid " + pointsValidDays + " days")
                                + "]");
    }

    /**
     * Builds a {@link MembershipProgramme}. Tiers are added lowest rank first. The validity and the exchange
     * rates may be set once; setting one again throws {@link IllegalStateException}. Not thread-safe.
     */
    public static final class Builder {
        private final Currency baseCurrency;
        private final List<MembershipTier> tiers = new ArrayList<>();
        private final List<PointsEarnRule> earnRules = new ArrayList<>();
        private int pointsValidDays;
        private ExchangeRates exchangeRates;

        private Builder(Currency baseCurrency) {
            this.baseCurrency = baseCurrency;
        }

        /**
         * Adds the next tier, one rank above the tiers added before.
         *
         * @param tier the tier
         * @return this builder
         */
        public Builder tier(MembershipTier tier) {
            tiers.add(Check.required("tiers[" + tiers.size() + "]", tier));
            return this;
        }

        /**
         * Adds a rule by which purchases earn points.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder earnRule(PointsEarnRule rule) {
            earnRules.add(Check.required("earnRules[" + earnRules.size() + "]", rule));
            return this;
        }

        /**
         * Sets how long earned points stay valid. Default: they never expire.
         *
         * @param days 1 to {@value MembershipProgramme#MAX_VALID_DAYS}
         * @return this builder
         * @throws ValidationException ({@code pointsValidDays}, {@link ValidationRule#OUT_OF_RANGE}) outside that
         * @throws IllegalStateException if it was already set
         */
        public Builder pointsValidDays(int days) {
            if (pointsValidDays != 0) {
                throw new IllegalStateException("pointsValidDays was already set to " + pointsValidDays);
            }
            pointsValidDays = Check.range("pointsValidDays", days, 1, MAX_VALID_DAYS);
            return this;
        }

        /**
         * Sets where rates come from for orders in other currencies than the base currency. Default: none, and
         * such an order is a {@link dev.guanxi.crm.money.MissingExchangeRateException}.
         *
         * @param rates the host's rate source
         * @return this builder
         * @throws IllegalStateException if it was already set
         */
        public Builder exchangeRates(ExchangeRates rates) {
            Objects.requireNonNull(rates, "rates");
            if (exchangeRates != null) {
                throw new IllegalStateException("exchangeRates was already set to " + exchangeRates);
            }
            exchangeRates = rates;
            return this;
        }

        /**
         * @return the programme
         * @throws ValidationException naming the field if two tiers or two rules share a code ({@code
         *     tiers[i].code}, {@code earnRules[i].code}; {@link ValidationRule#DUPLICATE}), a threshold or a rule is
         *     in another currency than the base ({@code tiers[i].entry.minSpend}, {@code tiers[i].keep.minSpend},
         *     {@code earnRules[i].per}; {@link ValidationRule#CURRENCY_MISMATCH}), a multiplier names a tier the
         *     programme does not have ({@code earnRules[i].tierMultipliers.<tier>}; {@link
         *     ValidationRule#UNKNOWN_REFERENCE}), or there are more than {@value MembershipProgramme#MAX_ENTRIES}
         *     tiers or rules ({@link ValidationRule#TOO_LONG})
         */
        public MembershipProgramme build() {
            Check.list("tiers", tiers, MAX_ENTRIES);
            Check.list("earnRules", earnRules, MAX_ENTRIES);
            Set<String> tierCodes = new HashSet<>();
            for (int i = 0; i < tiers.size(); i++) {
                MembershipTier tier = tiers.get(i);
                if (!tierCodes.add(tier.code())) {
                    throw Check.fail(
                            "tiers[" + i + "].code",
                            ValidationRule.DUPLICATE,
                            "two tiers have the code " + tier.code());
                }
                currency("tiers[" + i + "].entry.minSpend", tier.entry().minSpend());
                currency("tiers[" + i + "].keep.minSpend", tier.keep().minSpend());
            }
            Set<String> ruleCodes = new HashSet<>();
            for (int i = 0; i < earnRules.size(); i++) {
                PointsEarnRule rule = earnRules.get(i);
                if (!ruleCodes.add(rule.code())) {
                    throw Check.fail(
                            "earnRules[" + i + "].code",
                            ValidationRule.DUPLICATE,
                            "two earn rules have the code " + rule.code());
                }
                currency("earnRules[" + i + "].per", rule.per());
                for (String tier : rule.tierMultipliers().keySet()) {
                    if (!tierCodes.contains(tier)) {
                        throw Check.fail(
                                "earnRules[" + i + "].tierMultipliers." + tier,
                                ValidationRule.UNKNOWN_REFERENCE,
                                "the programme has no tier " + tier);
                    }
                }
            }
            return new MembershipProgramme(baseCurrency, tiers, earnRules, pointsValidDays, exchangeRates);
        }

        private void currency(String field, Money amount) {
            if (amount != null && !amount.currency().equals(baseCurrency)) {
                throw Check.fail(
                        field,
                        ValidationRule.CURRENCY_MISMATCH,
                        field + " is in " + amount.currency() + ", not the base currency " + baseCurrency);
            }
        }
    }
}
