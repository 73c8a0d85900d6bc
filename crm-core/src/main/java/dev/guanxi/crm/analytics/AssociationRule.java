package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An association rule "baskets with the antecedent also hold the consequent": {@code antecedent ⇒ consequent},
 * found in a {@link FrequentItemset} (their union) of at least two products.
 *
 * <p>The measures, with N the number of baskets, n(S) the number of baskets that hold every product of S:
 *
 * <ul>
 *   <li>{@code count} = n(antecedent ∪ consequent); {@code support} = count / N;
 *   <li>{@code confidence} = count / n(antecedent): the share of the antecedent's baskets that also hold the
 *       consequent, an estimate of P(consequent | antecedent);
 *   <li>{@code lift} = (count × N) / (n(antecedent) × n(consequent)) = confidence / support(consequent): how
 *       many times more often the consequent is bought with the antecedent than by chance (1 = independent,
 *       above 1 = bought together, below 1 = bought instead of each other).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param antecedent the products already bought (the "if" part), at least one, distinct, ascending; copied
 * @param consequent the products also bought (the "then" part), at least one, distinct, ascending, none in the
 *     antecedent; copied
 * @param count how many baskets hold both parts, at least 1
 * @param support {@code count / N}, in (0, 1]
 * @param confidence {@code count / n(antecedent)}, in (0, 1]
 * @param lift {@code count × N / (n(antecedent) × n(consequent))}, finite and greater than 0
 */
@Beta
public record AssociationRule(
        List<String> antecedent, List<String> consequent, long count, double support, double confidence, double lift) {
    /**
     * Validates the rule.
     *
     * @param antecedent the products already bought (the "if" part), at least one, distinct, ascending; copied
     * @param consequent the products also bought (the "then" part), at least one, distinct, ascending, none in the
     *     antecedent; copied
     * @param count how many baskets hold both parts, at least 1
     * @param support {@code count / N}, in (0, 1]
     * @param confidence {@code count / n(antecedent)}, in (0, 1]
     * @param lift {@code count × N / (n(antecedent) × n(consequent))}, finite and greater than 0
     * @throws NullPointerException if a list or one of its products is null
     * @throws IllegalArgumentException if a list is empty or not strictly ascending, the two lists share a
     *     product, or a measure is out of range
     */
    public AssociationRule {
        antecedent = sortedItems("antecedent", antecedent);
        consequent = sortedItems("consequent", consequent);
        Set<String> seen = new HashSet<>(antecedent);
        for (String item : consequent) {
            if (seen.contains(item)) {
                throw new IllegalArgumentException("the antecedent and the consequent share " + item);
            }
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        if (!(support > 0 && support <= 1)) {
            throw new IllegalArgumentException("support must be in (0, 1]: " + support);
        }
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1]: " + confidence);
        }
        if (!(lift > 0) || lift == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("lift must be finite and greater than 0: " + lift);
        }
    }

    /**
     * How many baskets hold the antecedent: {@code count / confidence}, rounded (exact for counts below
     * 2<sup>52</sup>).
     *
     * @return n(antecedent)
     */
    public long antecedentCount() {
        return Math.round(count / confidence);
    }

    /**
     * A one-line explanation, rendered on each call, e.g. {@code "diapers bought with beer in 3 of 3 baskets
     * (100% confidence, lift 1.25)"}: the consequent, the antecedent, count of n(antecedent), confidence and lift.
     *
     * @return the explanation
     */
    public String reason() {
        long of = antecedentCount();
        return join(consequent) + " bought with " + join(antecedent) + " in " + count + " of " + of
                + (of == 1 ? " basket (" : " baskets (") + percent(confidence) + " confidence, lift "
                + String.format(Locale.ROOT, "%.2f", lift) + ")";
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s => %s count=%d support=%.4f confidence=%.4f lift=%.4f",
                antecedent,
                consequent,
                count,
                support,
                confidence,
                lift);
    }

    /** Copies a list of product codes, checking that it is non-empty, null-free and strictly ascending. */
    static List<String> sortedItems(String field, List<String> items) {
        Objects.requireNonNull(items, field);
        List<String> copy = List.copyOf(items);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i - 1).compareTo(copy.get(i)) >= 0) {
                throw new IllegalArgumentException(field + " must be distinct and ascending: " + copy);
            }
        }
        return copy;
    }

    /** "a", "a and b", "a, b and c". */
    static String join(List<String> items) {
        int k = items.size();
        if (k == 1) {
            return items.get(0);
        }
        List<String> head = new ArrayList<>(items.subList(0, k - 1));
        return String.join(", ", head) + " and " + items.get(k - 1);
    }

    /** A share as a whole percentage; below 1% with one decimal so that it does not read as 0%. */
    static String percent(double share) {
        double p = share * 100;
        return p < 1 ? String.format(Locale.ROOT, "%.1f%%", p) : Math.round(p) + "%";
    }
}
