package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * "Customers who bought X also bought Y": a product to offer, with the rule that suggests it. Made by {@link
 * AssociationRules#recommend(java.util.Set, int)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param productCode the product to offer, not bought yet
 * @param score the estimated probability that a basket with the products bought also holds this one: the
 *     {@link AssociationRule#confidence() confidence} of {@code because}, in (0, 1]
 * @param because the rule with the highest confidence whose antecedent was bought and whose consequent is this
 *     product alone
 */
@Beta
public record Recommendation(String productCode, double score, AssociationRule because) {
    /**
     * Validates the recommendation.
     *
     * @param productCode the product to offer, not bought yet
     * @param score the estimated probability that a basket with the products bought also holds this one: the {@link
     *     AssociationRule#confidence() confidence} of {@code because}, in (0, 1]
     * @param because the rule with the highest confidence whose antecedent was bought and whose consequent is this
     *     product alone
     * @throws NullPointerException if {@code productCode} or {@code because} is null
     * @throws IllegalArgumentException if the score is not in (0, 1] or {@code because} does not have this
     *     product as its consequent
     */
    public Recommendation {
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(because, "because");
        if (!(score > 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in (0, 1]: " + score);
        }
        if (!because.consequent().equals(List.of(productCode))) {
            throw new IllegalArgumentException(
                    "the rule's consequent " + because.consequent() + " is not " + productCode);
        }
    }

    /**
     * A one-line explanation, rendered on each call, e.g. {@code "customers who bought beer also bought diapers
     * in 3 of 3 baskets (100% confidence, lift 1.25)"}.
     *
     * @return the explanation
     */
    public String reason() {
        long of = because.antecedentCount();
        return "customers who bought " + AssociationRule.join(because.antecedent()) + " also bought " + productCode
                + " in " + because.count() + " of " + of + (of == 1 ? " basket (" : " baskets (")
                + AssociationRule.percent(because.confidence()) + " confidence, lift "
                + String.format(Locale.ROOT, "%.2f", because.lift()) + ")";
    }
}
