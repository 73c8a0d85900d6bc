package dev.guanxi.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AssociationRulesTest {
    /**
     * The classic five transactions (Tan, Steinbach &amp; Kumar, Introduction to Data Mining, table 6.1):
     *
     * <pre>
     * T1 bread, milk
     * T2 bread, diapers, beer, eggs
     * T3 milk, diapers, beer, cola
     * T4 bread, milk, diapers, beer
     * T5 bread, milk, diapers, cola
     * </pre>
     *
     * Counts (N = 5): bread 4, milk 4, diapers 4, beer 3, cola 2, eggs 1; {bread, milk} 3 (T1 T4 T5), {bread,
     * diapers} 3 (T2 T4 T5), {milk, diapers} 3 (T3 T4 T5), {diapers, beer} 3 (T2 T3 T4), {bread, beer} 2, {milk,
     * beer} 2, {milk, cola} 2, {diapers, cola} 2, {bread, cola} 1, {beer, cola} 1, {milk, diapers, beer} 2 (T3 T4),
     * {bread, milk, diapers} 2 (T4 T5), {bread, diapers, beer} 2 (T2 T4), {milk, diapers, cola} 2 (T3 T5).
     */
    static Baskets classic() {
        Baskets b = new Baskets();
        // added in an order where item ids do not follow the alphabet: ties must not depend on ids
        for (String p : List.of("milk", "bread")) {
            b.add("T1", p);
        }
        for (String p : List.of("eggs", "beer", "diapers", "bread")) {
            b.add("T2", p);
        }
        for (String p : List.of("cola", "beer", "diapers", "milk")) {
            b.add("T3", p);
        }
        for (String p : List.of("beer", "diapers", "milk", "bread")) {
            b.add("T4", p);
        }
        for (String p : List.of("cola", "diapers", "milk", "bread")) {
            b.add("T5", p);
        }
        return b;
    }

    private static AssociationOptions options(double minSupport) {
        return AssociationOptions.defaults().withMinSupport(minSupport).withMinConfidence(0);
    }

    private static FrequentItemset set(long count, double support, String... items) {
        return new FrequentItemset(List.of(items), count, support);
    }

    private static AssociationRule rule(
            List<String> antecedent, List<String> consequent, long count, double support, double conf, double lift) {
        return new AssociationRule(antecedent, consequent, count, support, conf, lift);
    }

    @Nested
    class HandComputed {
        @Test
        @DisplayName("at 60% support: 4 products and 4 pairs are frequent, no triple (the best has 2 of 5)")
        void itemsetsAtSixtyPercent() {
            AssociationRules mined = AssociationRules.mine(classic(), options(0.6));

            long minCount = mined.minCount();
            assertThat(minCount).isEqualTo(3); // 0.6 × 5 = 3 baskets
            // count descending, then size, then codes
            List<FrequentItemset> expected = List.of(
                    set(4, 0.8, "bread"),
                    set(4, 0.8, "diapers"),
                    set(4, 0.8, "milk"),
                    set(3, 0.6, "beer"),
                    set(3, 0.6, "beer", "diapers"),
                    set(3, 0.6, "bread", "diapers"),
                    set(3, 0.6, "bread", "milk"),
                    set(3, 0.6, "diapers", "milk"));
            List<FrequentItemset> actual = mined.itemsets();
            assertThat(actual).isEqualTo(expected);
        }

        @Test
        @DisplayName("at 60% support: two rules per pair, with confidence and lift as computed by hand")
        void rulesAtSixtyPercent() {
            AssociationRules mined = AssociationRules.mine(classic(), options(0.6));

            // beer => diapers: 3 / n(beer) 3 = 1.0; lift 3·5 / (3·4) = 1.25
            // diapers => beer: 3 / n(diapers) 4 = 0.75; lift 15 / 12 = 1.25
            // bread => milk and the other 5 rules among bread, milk, diapers: 3 / 4 = 0.75; lift 15 / 16 = 0.9375
            // order: lift desc, confidence desc, count desc, antecedent, consequent
            List<AssociationRule> expected = List.of(
                    rule(List.of("beer"), List.of("diapers"), 3, 0.6, 1.0, 1.25),
                    rule(List.of("diapers"), List.of("beer"), 3, 0.6, 0.75, 1.25),
                    rule(List.of("bread"), List.of("diapers"), 3, 0.6, 0.75, 0.9375),
                    rule(List.of("bread"), List.of("milk"), 3, 0.6, 0.75, 0.9375),
                    rule(List.of("diapers"), List.of("bread"), 3, 0.6, 0.75, 0.9375),
                    rule(List.of("diapers"), List.of("milk"), 3, 0.6, 0.75, 0.9375),
                    rule(List.of("milk"), List.of("bread"), 3, 0.6, 0.75, 0.9375),
                    rule(List.of("milk"), List.of("diapers"), 3, 0.6, 0.75, 0.9375));
            List<AssociationRule> actual = mined.rules();
            assertThat(actual).isEqualTo(expected);
        }

        @Test
        @DisplayName("at 40% support: the triple {beer, diapers, milk} gives six rules, one per proper subset")
        void tripleAtFortyPercent() {
            AssociationRules mined = AssociationRules.mine(classic(), options(0.4));

            // n({beer, diapers, milk}) = 2, support 0.4; n(beer) 3, n(diapers) 4, n(milk) 4,
            // n(beer, diapers) 3, n(beer, milk) 2, n(diapers, milk) 3
            // {diapers, milk} => beer: 2/3; lift 2·5 / (3·3) = 10/9
            // {beer, milk} => diapers: 2/2 = 1; lift 10 / (2·4) = 1.25
            // {beer, diapers} => milk: 2/3; lift 10 / (3·4) = 10/12
            // beer => {diapers, milk}: 2/3; lift 10 / (3·3) = 10/9
            // diapers => {beer, milk}: 2/4; lift 10 / (4·2) = 1.25
            // milk => {beer, diapers}: 2/4; lift 10 / (4·3) = 10/12
            List<AssociationRule> triple = mined.rules().stream()
                    .filter(r -> r.antecedent().size() + r.consequent().size() == 3)
                    .filter(r ->
                            !r.antecedent().contains("bread") && !r.consequent().contains("bread"))
                    .filter(r ->
                            !r.antecedent().contains("cola") && !r.consequent().contains("cola"))
                    .toList();
            List<AssociationRule> expected = List.of(
                    rule(List.of("beer", "milk"), List.of("diapers"), 2, 0.4, 1.0, 1.25),
                    rule(List.of("diapers"), List.of("beer", "milk"), 2, 0.4, 0.5, 1.25),
                    rule(List.of("beer"), List.of("diapers", "milk"), 2, 0.4, 2.0 / 3, 10.0 / 9),
                    rule(List.of("diapers", "milk"), List.of("beer"), 2, 0.4, 2.0 / 3, 10.0 / 9),
                    rule(List.of("beer", "diapers"), List.of("milk"), 2, 0.4, 2.0 / 3, 10.0 / 12),
                    rule(List.of("milk"), List.of("beer", "diapers"), 2, 0.4, 0.5, 10.0 / 12));
            assertThat(triple).isEqualTo(expected);
            // the frequent itemsets at count >= 2: 5 products (not eggs), 8 pairs, 4 triples
            List<FrequentItemset> sets = mined.itemsets();
            assertThat(sets).hasSize(17);
            assertThat(sets)
                    .extracting(FrequentItemset::size)
                    .containsExactly(1, 1, 1, 1, 2, 2, 2, 2, 1, 2, 2, 2, 2, 3, 3, 3, 3);
        }

        @Test
        @DisplayName("confidence and lift thresholds drop weaker rules")
        void thresholds() {
            AssociationOptions strict = AssociationOptions.defaults()
                    .withMinSupport(0.6)
                    .withMinConfidence(0.8)
                    .withMinLift(1);
            List<AssociationRule> rules =
                    AssociationRules.mine(classic(), strict).rules();
            assertThat(rules)
                    .extracting(AssociationRule::toString)
                    .containsExactly("[beer] => [diapers] count=3 support=0.6000 confidence=1.0000 lift=1.2500");

            AssociationOptions lifted = options(0.6).withMinLift(1.0);
            List<AssociationRule> liftedRules =
                    AssociationRules.mine(classic(), lifted).rules();
            assertThat(liftedRules).hasSize(2); // only the beer-diapers pair has lift above 0.9375
        }

        @Test
        @DisplayName("rules and itemsets explain themselves in one line")
        void reasons() {
            AssociationRules mined = AssociationRules.mine(classic(), options(0.6));

            String first = mined.rules().get(0).reason();
            String second = mined.rules().get(1).reason();
            assertThat(first).isEqualTo("diapers bought with beer in 3 of 3 baskets (100% confidence, lift 1.25)");
            assertThat(second).isEqualTo("beer bought with diapers in 3 of 4 baskets (75% confidence, lift 1.25)");
            assertThat(mined.rules().get(1).antecedentCount()).isEqualTo(4);
            assertThat(mined.itemsets().get(4).reason())
                    .isEqualTo("beer and diapers bought together in 3 baskets (60% of all)");
            assertThat(mined.itemsets().get(0).reason()).isEqualTo("bread bought in 4 baskets (80% of all)");
            FrequentItemset rare = set(1, 0.004, "a", "b", "c");
            assertThat(rare.reason()).isEqualTo("a, b and c bought together in 1 basket (0.4% of all)");
        }
    }

    @Nested
    class Recommendations {
        private final AssociationRules mined = AssociationRules.mine(classic(), options(0.6));

        @Test
        @DisplayName("customers who bought beer also bought diapers, with the rule as the reason")
        void beer() {
            List<Recommendation> offers = mined.recommend(Set.of("beer"), 5);

            assertThat(offers).hasSize(1);
            Recommendation offer = offers.get(0);
            assertThat(offer.productCode()).isEqualTo("diapers");
            assertThat(offer.score()).isEqualTo(1.0); // confidence of beer => diapers
            assertThat(offer.because()).isEqualTo(mined.rules().get(0));
            assertThat(offer.reason())
                    .isEqualTo("customers who bought beer also bought diapers in 3 of 3 baskets (100% confidence,"
                            + " lift 1.25)");
        }

        @Test
        @DisplayName("equal scores are ranked by the rule order; the limit cuts the list")
        void ties() {
            // bread => diapers and bread => milk both have confidence 0.75 and lift 0.9375: diapers comes first
            List<Recommendation> offers = mined.recommend(Set.of("bread"), 5);
            assertThat(offers).extracting(Recommendation::productCode).containsExactly("diapers", "milk");
            List<Recommendation> one = mined.recommend(Set.of("bread"), 1);
            assertThat(one).extracting(Recommendation::productCode).containsExactly("diapers");
        }

        @Test
        @DisplayName("products already bought are never offered; each offer keeps its best rule")
        void excludesBought() {
            // candidates: beer by diapers => beer (0.75, lift 1.25, rule 2); milk by bread => milk (0.75, rule 4)
            // and diapers => milk (0.75, rule 6): rule 4 wins the tie; bread and diapers are bought
            List<Recommendation> offers = mined.recommend(Set.of("bread", "diapers"), 10);
            assertThat(offers).extracting(Recommendation::productCode).containsExactly("beer", "milk");
            assertThat(offers.get(1).because().antecedent()).containsExactly("bread");
            assertThat(offers).allSatisfy(o -> assertThat(o.score()).isEqualTo(0.75));

            assertThat(mined.recommend(Set.of("bread", "diapers", "milk", "beer"), 10))
                    .isEmpty();
            assertThat(mined.recommend(Set.of("eggs", "unknown"), 10)).isEmpty();
            assertThat(mined.recommend(Set.of(), 10)).isEmpty();
            assertThat(mined.recommend(Set.of("beer"), 0)).isEmpty();
        }

        @Test
        @DisplayName("a rule with a two-product antecedent applies only when both were bought")
        void wholeAntecedent() {
            AssociationRules forty = AssociationRules.mine(classic(), options(0.4));
            // {beer, milk} => diapers has confidence 1.0; beer => diapers also 1.0 with the same lift 1.25:
            // the tie goes to the rule listed first: equal lift and confidence, beer => diapers has the larger count
            List<Recommendation> offers = forty.recommend(Set.of("beer", "milk"), 10);
            assertThat(offers.get(0).productCode()).isEqualTo("diapers");
            assertThat(offers.get(0).score()).isEqualTo(1.0);
            assertThat(offers.get(0).because().antecedent()).containsExactly("beer");
            // with only milk bought, {beer, milk} => diapers does not apply; milk => diapers has 3/4
            List<Recommendation> milk = forty.recommend(Set.of("milk"), 10);
            Recommendation diapers = milk.stream()
                    .filter(o -> o.productCode().equals("diapers"))
                    .findFirst()
                    .orElseThrow();
            assertThat(diapers.score()).isEqualTo(0.75);
        }

        @Test
        @DisplayName("a negative limit is a typed error")
        void badLimit() {
            assertThatThrownBy(() -> mined.recommend(Set.of("beer"), -1))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("limit");
                        assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
                    });
        }
    }

    @Nested
    class EdgeCases {
        @Test
        @DisplayName("no baskets: no itemset, no rule, no recommendation")
        void empty() {
            AssociationRules mined = AssociationRules.mine(new Baskets(), AssociationOptions.defaults());
            int n = mined.basketCount();
            assertThat(n).isZero();
            assertThat(mined.itemsets()).isEmpty();
            assertThat(mined.rules()).isEmpty();
            assertThat(mined.recommend(Set.of("x"), 3)).isEmpty();
        }

        @Test
        @DisplayName("one basket {x, y, z}: all 7 subsets are frequent and all 12 rules hold with lift 1")
        void singleBasket() {
            Baskets b = new Baskets().add("only", "z").add("only", "x").add("only", "y");
            AssociationRules mined = AssociationRules.mine(b, AssociationOptions.defaults());

            List<FrequentItemset> sets = mined.itemsets();
            assertThat(sets)
                    .extracting(FrequentItemset::items)
                    .containsExactly(
                            List.of("x"),
                            List.of("y"),
                            List.of("z"),
                            List.of("x", "y"),
                            List.of("x", "z"),
                            List.of("y", "z"),
                            List.of("x", "y", "z"));
            assertThat(sets).allSatisfy(s -> assertThat(s.support()).isEqualTo(1.0));
            // 3 pairs × 2 + 1 triple × (2^3 - 2) = 12 rules, each count 1 / 1 and lift 1·1 / (1·1)
            List<AssociationRule> rules = mined.rules();
            assertThat(rules).hasSize(12);
            assertThat(rules).allSatisfy(r -> {
                assertThat(r.confidence()).isEqualTo(1.0);
                assertThat(r.lift()).isEqualTo(1.0);
            });
            // all measures tie: antecedent then consequent lexicographically, a shorter prefix first
            assertThat(rules.get(0).antecedent()).containsExactly("x");
            assertThat(rules.get(0).consequent()).containsExactly("y");
            assertThat(rules.get(1).consequent()).containsExactly("y", "z");
            assertThat(rules.get(2).consequent()).containsExactly("z");
            assertThat(rules.get(3).antecedent()).containsExactly("x", "y");
        }

        @Test
        @DisplayName("all baskets equal: every subset has support 1 and every rule lift 1")
        void allEqual() {
            Baskets b = new Baskets();
            for (int i = 0; i < 7; i++) {
                b.add(i, "a").add(i, "b");
            }
            AssociationRules mined =
                    AssociationRules.mine(b, AssociationOptions.defaults().withMinSupport(1.0));
            assertThat(mined.itemsets()).containsExactly(set(7, 1, "a"), set(7, 1, "b"), set(7, 1, "a", "b"));
            assertThat(mined.rules())
                    .containsExactly(
                            rule(List.of("a"), List.of("b"), 7, 1, 1, 1), rule(List.of("b"), List.of("a"), 7, 1, 1, 1));
        }

        @Test
        @DisplayName("minSupport 1.0 keeps only products in every basket; nothing when no product is in all")
        void supportOne() {
            Baskets b = new Baskets().add("1", "a").add("1", "b").add("2", "a").add("2", "c");
            AssociationRules mined =
                    AssociationRules.mine(b, AssociationOptions.defaults().withMinSupport(1.0));
            assertThat(mined.itemsets()).containsExactly(set(2, 1, "a"));
            assertThat(mined.rules()).isEmpty();

            b.add("3", "b");
            AssociationRules none =
                    AssociationRules.mine(b, AssociationOptions.defaults().withMinSupport(1.0));
            assertThat(none.itemsets()).isEmpty();
        }

        @Test
        @DisplayName("empty baskets count in the denominator of support")
        void emptyBaskets() {
            Baskets b = new Baskets().add("1", "a").add("2", "a");
            b.basketIndex("3");
            b.basketIndex("4");
            AssociationRules mined = AssociationRules.mine(b, AssociationOptions.defaults());
            assertThat(mined.itemsets()).containsExactly(set(2, 0.5, "a"));
        }

        @Test
        @DisplayName("a product repeated in one basket counts once")
        void repeats() {
            Baskets b = new Baskets()
                    .add("1", "a")
                    .add("1", "a")
                    .add("1", "b")
                    .add("2", "b")
                    .add("2", "b");
            AssociationRules mined = AssociationRules.mine(b, AssociationOptions.byCount(1));
            assertThat(mined.itemsets()).containsExactly(set(2, 1, "b"), set(1, 0.5, "a"), set(1, 0.5, "a", "b"));
        }

        @Test
        @DisplayName("support is compared exactly: 10% of 30 baskets is 3, although 0.1 × 30 > 3 in doubles")
        void supportRounding() {
            Baskets b = new Baskets();
            for (int i = 0; i < 30; i++) {
                b.add(i, i < 3 ? "rare" : "common");
            }
            AssociationRules mined =
                    AssociationRules.mine(b, AssociationOptions.defaults().withMinSupport(0.1));
            long minCount = mined.minCount();
            assertThat(minCount).isEqualTo(3);
            assertThat(mined.itemsets())
                    .extracting(FrequentItemset::items)
                    .containsExactly(List.of("common"), List.of("rare"));
            // minCount above the support threshold wins
            AssociationRules counted = AssociationRules.mine(
                    b, AssociationOptions.defaults().withMinSupport(0.1).withMinCount(4));
            assertThat(counted.itemsets()).hasSize(1);
            // a count larger than the basket count: nothing is frequent
            AssociationRules none = AssociationRules.mine(b, AssociationOptions.byCount(31));
            assertThat(none.itemsets()).isEmpty();
            assertThat(none.minCount()).isEqualTo(31);
        }

        @Test
        @DisplayName("maxItemsetSize 1 mines frequent products and no rule; 2 stops at pairs")
        void maxSize() {
            AssociationRules singles =
                    AssociationRules.mine(classic(), options(0.4).withMaxItemsetSize(1));
            assertThat(singles.itemsets()).hasSize(5);
            assertThat(singles.rules()).isEmpty();
            AssociationRules pairs =
                    AssociationRules.mine(classic(), options(0.4).withMaxItemsetSize(2));
            assertThat(pairs.itemsets()).hasSize(13);
            assertThat(pairs.rules()).hasSize(16);
        }

        @Test
        @DisplayName("ties of count are broken by the product codes, whatever the item ids")
        void tiesIndependentOfIds() {
            Baskets forward = new Baskets();
            String[] products = {"a", "b", "c", "d"};
            for (int basket = 0; basket < 6; basket++) {
                for (int k = 0; k < products.length; k++) {
                    if ((basket + k) % 2 == 0 || basket == k) {
                        forward.add(basket, products[k]);
                    }
                }
            }
            // every product is in 3 baskets, {a, c} and {b, d} too (a: 0 2 4, b: 1 3 5, c: 0 2 4, d: 1 3 5): the
            // FP-tree ranks ties by item id, the output by code; reversed ids must give the same lists
            AssociationRules f =
                    AssociationRules.mine(forward, AssociationOptions.byCount(1).withMinConfidence(0));
            assertThat(f.itemsets())
                    .extracting(FrequentItemset::items)
                    .containsExactly(
                            List.of("a"),
                            List.of("b"),
                            List.of("c"),
                            List.of("d"),
                            List.of("a", "c"),
                            List.of("b", "d"));
            // lift 3·6 / (3·3) = 2 for all four rules: ordered by antecedent
            assertThat(f.rules()).extracting(r -> r.antecedent().get(0)).containsExactly("a", "b", "c", "d");
            Baskets sameIdsReversed = new Baskets();
            for (int k = products.length - 1; k >= 0; k--) {
                sameIdsReversed.itemId(products[k]); // ids d=0, c=1, b=2, a=3
            }
            for (int basket = 0; basket < 6; basket++) {
                for (int k = 0; k < products.length; k++) {
                    if ((basket + k) % 2 == 0 || basket == k) {
                        sameIdsReversed.add(basket, products[k]);
                    }
                }
            }
            AssociationRules h = AssociationRules.mine(
                    sameIdsReversed, AssociationOptions.byCount(1).withMinConfidence(0));
            assertThat(h.itemsets()).isEqualTo(f.itemsets());
            assertThat(h.rules()).isEqualTo(f.rules());
        }
    }

    @Nested
    class BadOptions {
        private void assertOutOfRange(ThrowingCallable call, String field) {
            assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
            });
        }

        @Test
        @DisplayName("each threshold out of its range is refused, naming the field")
        void outOfRange() {
            AssociationOptions d = AssociationOptions.defaults();
            assertOutOfRange(() -> d.withMinSupport(0), "minSupport");
            assertOutOfRange(() -> d.withMinSupport(-0.1), "minSupport");
            assertOutOfRange(() -> d.withMinSupport(1.0001), "minSupport");
            assertOutOfRange(() -> d.withMinSupport(Double.NaN), "minSupport");
            assertOutOfRange(() -> d.withMinCount(0), "minCount");
            assertOutOfRange(() -> AssociationOptions.byCount(-5), "minCount");
            assertOutOfRange(() -> d.withMinConfidence(-0.01), "minConfidence");
            assertOutOfRange(() -> d.withMinConfidence(1.5), "minConfidence");
            assertOutOfRange(() -> d.withMinConfidence(Double.NaN), "minConfidence");
            assertOutOfRange(() -> d.withMinLift(-1), "minLift");
            assertOutOfRange(() -> d.withMinLift(Double.POSITIVE_INFINITY), "minLift");
            assertOutOfRange(() -> d.withMinLift(Double.NaN), "minLift");
            assertOutOfRange(() -> d.withMaxItemsetSize(0), "maxItemsetSize");
        }

        @Test
        @DisplayName("the boundaries themselves are accepted")
        void boundaries() {
            AssociationOptions o = AssociationOptions.defaults()
                    .withMinSupport(1.0)
                    .withMinConfidence(0)
                    .withMinLift(0)
                    .withMaxItemsetSize(1);
            assertThat(o.withMinConfidence(1).minConfidence()).isEqualTo(1.0);
            assertThat(o.minSupport()).isEqualTo(1.0);
            AssociationOptions byCount = AssociationOptions.byCount(1);
            assertThat(byCount.minSupport()).isEqualTo(Double.MIN_VALUE);
        }

        @Test
        @DisplayName("results refuse inconsistent values: unsorted items, shared products, out-of-range measures")
        void records() {
            assertThatThrownBy(() -> set(1, 0.5, "b", "a")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> set(0, 0.5, "a")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new FrequentItemset(List.of(), 1, 0.5))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> rule(List.of("a"), List.of("a"), 1, 0.5, 1, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> rule(List.of("a"), List.of("b"), 1, 0.5, 1.5, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> rule(List.of("a"), List.of("b"), 1, 0.5, 1, Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class);
            AssociationRule r = rule(List.of("a"), List.of("b", "c"), 1, 0.5, 1, 1);
            assertThatThrownBy(() -> new Recommendation("b", 1, r)).isInstanceOf(IllegalArgumentException.class);
            AssociationRule single = rule(List.of("a"), List.of("b"), 1, 0.5, 1, 1);
            assertThatThrownBy(() -> new Recommendation("b", 0, single)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
