package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import java.util.List;
import java.util.Locale;

/**
 * A set of products bought together in at least the least count of baskets ({@link AssociationOptions}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param items the product codes, at least one, distinct, in ascending {@link String#compareTo} order; copied
 * @param count how many baskets hold all of them, at least 1
 * @param support {@code count / basketCount}, in (0, 1]
 */
@Beta
public record FrequentItemset(List<String> items, long count, double support) {
    /**
     * Validates the itemset.
     *
     * @param items the product codes, at least one, distinct, in ascending {@link String#compareTo} order; copied
     * @param count how many baskets hold all of them, at least 1
     * @param support {@code count / basketCount}, in (0, 1]
     * @throws NullPointerException if {@code items} or one of them is null
     * @throws IllegalArgumentException if {@code items} is empty, not strictly ascending, or a number is out of
     *     range
     */
    public FrequentItemset {
        items = AssociationRule.sortedItems("items", items);
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        if (!(support > 0 && support <= 1)) {
            throw new IllegalArgumentException("support must be in (0, 1]: " + support);
        }
    }

    /** @return how many products the itemset holds */
    public int size() {
        return items.size();
    }

    /**
     * A one-line explanation, rendered on each call, e.g. {@code "beer and diapers bought together in 3 baskets
     * (60% of all)"}.
     *
     * @return the explanation
     */
    public String reason() {
        String what = AssociationRule.join(items);
        String verb = items.size() == 1 ? " bought in " : " bought together in ";
        return what + verb + count + (count == 1 ? " basket" : " baskets") + " (" + AssociationRule.percent(support)
                + " of all)";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s count=%d support=%.4f", items, count, support);
    }
}
