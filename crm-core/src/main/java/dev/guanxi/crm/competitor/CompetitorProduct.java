package dev.guanxi.crm.competitor;

import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;

/**
 * A product a competitor sells, as far as we know it. Immutable and thread-safe.
 *
 * @param name the product's name, 1 to 200 characters; unique within the competitor (see {@link
 *     Competitor#nameKey(String)})
 * @param category a category, up to 200 characters, or {@code null}
 * @param price a known list price, zero or more, or {@code null}
 * @param priceNote what we know about the price in words ("about 10% below ours"), up to 500 characters,
 *     or {@code null}
 * @param comparableTo the code of our product it competes with (not checked against a catalogue), or
 *     {@code null}
 */
public record CompetitorProduct(String name, String category, Money price, String priceNote, String comparableTo) {
    /**
     * Validates the components.
     *
     * @param name the product's name, 1 to 200 characters; unique within the competitor (see {@link
     *     Competitor#nameKey(String)})
     * @param category a category, up to 200 characters, or {@code null}
     * @param price a known list price, zero or more, or {@code null}
     * @param priceNote what we know about the price in words ("about 10% below ours"), up to 500 characters, or {@code
     *     null}
     * @param comparableTo the code of our product it competes with (not checked against a catalogue), or {@code null}
     * @throws dev.guanxi.crm.ValidationException naming the first field that breaks a rule
     */
    public CompetitorProduct {
        Check.text("name", name, Check.NAME_MAX);
        Check.optionalText("category", category, Check.NAME_MAX);
        if (price != null) {
            Check.nonNegative("price", price);
        }
        Check.optionalText("priceNote", priceNote, Check.LINE_MAX);
        if (comparableTo != null) {
            Check.code("comparableTo", comparableTo);
        }
    }

    /**
     * @param name the product's name
     * @return a product with nothing else known
     */
    public static CompetitorProduct named(String name) {
        return new CompetitorProduct(name, null, null, null, null);
    }
}
