package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.CurrencyMismatchException;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.OrderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a purchase earns points: {@code points} points for every {@code per} spent, on every line of the order or
 * only on lines of some products, multiplied for members of some tiers. The result is rounded down to whole
 * points once per rule and order: with 1 point per 10.00 CNY, an order of 129.90 CNY earns 12 points, and at a
 * 1.5 multiplier 19 points (129.90 / 10.00 × 1 × 1.5 = 19.485).
 *
 * <p>A programme's rules add up: a rule for every product and a bonus rule for some products both count on
 * the bonus products' lines.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the rule's code, 1 to 64 characters of {@code [A-Za-z0-9_.-]}, unique in the programme
 * @param points the points per {@code per} spent, 1 to {@value #MAX_POINTS_PER_UNIT}
 * @param per the spend that earns {@code points}, greater than zero, in the programme's base currency
 * @param productCodes the product codes ({@link OrderLine#productCode()}) whose lines count, iterating in order;
 *     empty for every line
 * @param tierMultipliers the multiplier for members of a tier, by tier code, each 0 to 100 with at most 4
 *     decimals; members of other tiers and members without a tier get 1
 */
@Beta
public record PointsEarnRule(
        String code, long points, Money per, Set<String> productCodes, Map<String, BigDecimal> tierMultipliers) {
    /** The most points a rule may give per unit spent. */
    public static final long MAX_POINTS_PER_UNIT = 1_000_000L;

    private static final BigDecimal MAX_MULTIPLIER = BigDecimal.valueOf(100);

    /**
     * Validates and copies the components.
     *
     * @param code the rule's code, 1 to 64 characters of {@code [A-Za-z0-9_.-]}, unique in the programme
     * @param points the points per {@code per} spent, 1 to {@value #MAX_POINTS_PER_UNIT}
     * @param per the spend that earns {@code points}, greater than zero, in the programme's base currency
     * @param productCodes the product codes ({@link OrderLine#productCode()}) whose lines count, iterating in order;
     *     empty for every line
     * @param tierMultipliers the multiplier for members of a tier, by tier code, each 0 to 100 with at most 4 decimals;
     *     members of other tiers and members without a tier get 1
     * @throws ValidationException naming the field ({@code code}, {@code points}, {@code per}, {@code
     *     productCodes[i]}, {@code tierMultipliers.<tier>}) and the rule
     */
    public PointsEarnRule {
        Check.code("code", code);
        if (points < 1 || points > MAX_POINTS_PER_UNIT) {
            throw Check.fail(
                    "points", ValidationRule.OUT_OF_RANGE, "points must be between 1 and " + MAX_POINTS_PER_UNIT);
        }
        Check.positive("per", per);
        SortedSet<String> products = new TreeSet<>();
        int i = 0;
        for (String p : productCodes == null ? Set.<String>of() : productCodes) {
            products.add(Check.text("productCodes[" + i + "]", p, OrderLine.PRODUCT_CODE_MAX));
            i++;
        }
        productCodes = Collections.unmodifiableSortedSet(products);
        SortedMap<String, BigDecimal> multipliers = new TreeMap<>();
        (tierMultipliers == null ? Map.<String, BigDecimal>of() : tierMultipliers).forEach((tier, m) -> {
            String field = "tierMultipliers." + tier;
            Check.code(field, tier);
            Check.range(field, m, BigDecimal.ZERO, MAX_MULTIPLIER);
            if (m.stripTrailingZeros().scale() > 4) {
                throw Check.fail(field, ValidationRule.SCALE, field + " has more than 4 decimals");
            }
            multipliers.put(tier, m);
        });
        tierMultipliers = Collections.unmodifiableSortedMap(multipliers);
    }

    /**
     * A rule for every line, without multipliers.
     *
     * @param code the rule's code
     * @param points the points per {@code per} spent
     * @param per the spend that earns them
     * @return the rule
     */
    public static PointsEarnRule of(String code, long points, Money per) {
        return new PointsEarnRule(code, points, per, Set.of(), Map.of());
    }

    /**
     * @param codes the product codes whose lines count (replacing any given before)
     * @return this rule for those products only
     */
    public PointsEarnRule withProducts(String... codes) {
        Check.required("productCodes", codes);
        return withProducts(Arrays.asList(codes));
    }

    /**
     * @param codes the product codes whose lines count (replacing any given before)
     * @return this rule for those products only
     */
    public PointsEarnRule withProducts(Collection<String> codes) {
        Check.required("productCodes", codes);
        return new PointsEarnRule(code, points, per, new TreeSet<>(codes), tierMultipliers);
    }

    /**
     * @param tier a tier's code
     * @param multiplier the multiplier for its members, 0 to 100
     * @return this rule with the multiplier added (or replaced)
     */
    public PointsEarnRule withTierMultiplier(String tier, BigDecimal multiplier) {
        Check.required("tier", tier);
        Check.required("multiplier", multiplier);
        Map<String, BigDecimal> next = new TreeMap<>(tierMultipliers);
        next.put(tier, multiplier);
        return new PointsEarnRule(code, points, per, productCodes, next);
    }

    /**
     * @param productCode a line's product code
     * @return whether lines of that product count for this rule
     */
    public boolean appliesTo(String productCode) {
        return productCodes.isEmpty() || productCodes.contains(productCode);
    }

    /**
     * @param tier a member's tier code, or {@code null}
     * @return the multiplier for members of that tier (1 unless one is set)
     */
    public BigDecimal multiplierFor(String tier) {
        return tier == null ? BigDecimal.ONE : tierMultipliers.getOrDefault(tier, BigDecimal.ONE);
    }

    /**
     * Computes the points a spend earns under this rule, rounded down: {@code ⌊spend / per × points ×
     * multiplier⌋}.
     *
     * @param eligibleSpend the spend on the lines this rule applies to, zero or more, in the currency of {@link
     *     #per()}
     * @param tier the member's tier code, or {@code null}
     * @return the points, zero or more
     * @throws CurrencyMismatchException if the spend is in another currency
     * @throws ArithmeticException if the result does not fit a {@code long}
     */
    public long pointsFor(Money eligibleSpend, String tier) {
        Check.nonNegative("eligibleSpend", eligibleSpend);
        if (!eligibleSpend.currency().equals(per.currency())) {
            throw new CurrencyMismatchException(per.currency(), eligibleSpend.currency());
        }
        return eligibleSpend
                .amount()
                .multiply(BigDecimal.valueOf(points))
                .multiply(multiplierFor(tier))
                .divide(per.amount(), 0, RoundingMode.DOWN)
                .longValueExact();
    }

    /** @return the rule for a person, e.g. {@code "BASE: 1 point per CNY 10.00"} */
    public String explain() {
        return code + ": " + points + (points == 1 ? " point" : " points") + " per " + per
                + (productCodes.isEmpty() ? "" : " on " + String.join(", ", productCodes));
    }
}
