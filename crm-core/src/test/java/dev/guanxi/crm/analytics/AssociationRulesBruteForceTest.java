package dev.guanxi.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * FP-growth against an independent brute force: enumerate every subset of the products, count its baskets
 * directly, apply the thresholds as {@link AssociationOptions} and {@link AssociationRules} define them, sort as
 * documented, and compare the whole lists.
 */
class AssociationRulesBruteForceTest {
    private static final Comparator<List<String>> LEX = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /** A random dataset: the baskets as sets (for the brute force) and the same lines in a {@link Baskets}. */
    private record Dataset(List<Set<String>> sets, Baskets baskets, List<String> products) {}

    private static Dataset randomDataset(Random random) {
        int productCount = 1 + random.nextInt(9);
        // codes whose alphabetical order is unrelated to their first appearance (and so to the item ids)
        Set<String> codes = new TreeSet<>();
        while (codes.size() < productCount) {
            codes.add("" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(3)) + random.nextInt(10));
        }
        List<String> products = new ArrayList<>(codes);
        java.util.Collections.shuffle(products, random);
        double[] popularity = new double[productCount];
        for (int p = 0; p < productCount; p++) {
            popularity[p] = random.nextDouble() * random.nextDouble() + 0.05;
        }
        int basketCount = random.nextInt(60);
        List<Set<String>> sets = new ArrayList<>();
        Baskets baskets = new Baskets();
        List<int[]> lines = new ArrayList<>();
        for (int b = 0; b < basketCount; b++) {
            Set<String> set = new HashSet<>();
            for (int p = 0; p < productCount; p++) {
                if (random.nextDouble() < popularity[p]) {
                    set.add(products.get(p));
                    lines.add(new int[] {b, p});
                    if (random.nextInt(5) == 0) {
                        lines.add(new int[] {b, p}); // a repeated line counts once
                    }
                }
            }
            sets.add(set);
        }
        // lines arrive interleaved across baskets; every basket is registered first (some stay empty)
        java.util.Collections.shuffle(lines, random);
        for (int b = 0; b < basketCount; b++) {
            baskets.basketIndex("basket-" + b);
        }
        for (int[] line : lines) {
            baskets.add("basket-" + line[0], products.get(line[1]));
        }
        return new Dataset(sets, baskets, products);
    }

    private static AssociationOptions randomOptions(Random random, int maxSize) {
        double[] supports = {Double.MIN_VALUE, 0.05, 0.1, 0.2, 0.25, 1.0 / 3, 0.5, 0.7, 1.0};
        double[] confidences = {0, 0.1, 0.25, 0.5, 2.0 / 3, 0.8, 1.0};
        double[] lifts = {0, 0, 0.5, 1.0, 1.2, 2};
        return new AssociationOptions(
                supports[random.nextInt(supports.length)],
                1 + random.nextInt(4),
                confidences[random.nextInt(confidences.length)],
                lifts[random.nextInt(lifts.length)],
                maxSize);
    }

    private static long count(List<Set<String>> sets, List<String> items) {
        long n = 0;
        for (Set<String> basket : sets) {
            if (basket.containsAll(items)) {
                n++;
            }
        }
        return n;
    }

    private static boolean frequent(long count, long n, AssociationOptions o) {
        return count >= 1 && count >= o.minCount() && (double) count / n >= o.minSupport();
    }

    /** Every frequent itemset of at most {@code o.maxItemsetSize()} products, by enumeration of all subsets. */
    private static List<FrequentItemset> bruteItemsets(Dataset d, AssociationOptions o) {
        List<String> products = new ArrayList<>(new TreeSet<>(d.products()));
        int n = d.sets().size();
        List<FrequentItemset> out = new ArrayList<>();
        for (int mask = 1; mask < (1 << products.size()); mask++) {
            if (Integer.bitCount(mask) > o.maxItemsetSize()) {
                continue;
            }
            List<String> items = subset(products, mask);
            long c = count(d.sets(), items);
            if (frequent(c, n, o)) {
                out.add(new FrequentItemset(items, c, (double) c / n));
            }
        }
        out.sort(Comparator.comparingLong(FrequentItemset::count)
                .reversed()
                .thenComparingInt(FrequentItemset::size)
                .thenComparing(FrequentItemset::items, LEX));
        return out;
    }

    private static List<String> subset(List<String> sorted, int mask) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                items.add(sorted.get(i));
            }
        }
        return items;
    }

    private static List<AssociationRule> bruteRules(Dataset d, List<FrequentItemset> itemsets, AssociationOptions o) {
        long n = d.sets().size();
        List<AssociationRule> out = new ArrayList<>();
        for (FrequentItemset s : itemsets) {
            int k = s.size();
            for (int mask = 1; mask < (1 << k) - 1; mask++) {
                List<String> a = subset(s.items(), mask);
                List<String> c = subset(s.items(), ~mask & ((1 << k) - 1));
                long na = count(d.sets(), a);
                long nc = count(d.sets(), c);
                double confidence = (double) s.count() / na;
                double lift = (double) (s.count() * n) / (double) (na * nc);
                if (confidence >= o.minConfidence() && lift >= o.minLift()) {
                    out.add(new AssociationRule(a, c, s.count(), s.support(), confidence, lift));
                }
            }
        }
        out.sort(Comparator.comparingDouble(AssociationRule::lift)
                .reversed()
                .thenComparing(
                        Comparator.comparingDouble(AssociationRule::confidence).reversed())
                .thenComparing(Comparator.comparingLong(AssociationRule::count).reversed())
                .thenComparing(AssociationRule::antecedent, LEX)
                .thenComparing(AssociationRule::consequent, LEX));
        return out;
    }

    @Test
    @DisplayName("on 400 random datasets, FP-growth up to size 3 gives exactly the brute-force itemsets and rules")
    void upToThree() {
        Random random = new Random(20000501L);
        long itemsets = 0;
        long rules = 0;
        long triples = 0;
        for (int run = 0; run < 400; run++) {
            Dataset d = randomDataset(random);
            AssociationOptions o = randomOptions(random, 3);

            AssociationRules mined = AssociationRules.mine(d.baskets(), o);

            List<FrequentItemset> expectedSets = bruteItemsets(d, o);
            List<AssociationRule> expectedRules = bruteRules(d, expectedSets, o);
            List<FrequentItemset> actualSets = mined.itemsets();
            List<AssociationRule> actualRules = mined.rules();
            assertThat(actualSets).as("run %d, %s", run, o).isEqualTo(expectedSets);
            assertThat(actualRules).as("run %d, %s", run, o).isEqualTo(expectedRules);
            itemsets += expectedSets.size();
            rules += expectedRules.size();
            triples += expectedSets.stream().filter(s -> s.size() == 3).count();
        }
        // the comparison is not vacuous: plenty of itemsets, triples and rules were compared
        assertThat(itemsets).isGreaterThan(2000);
        assertThat(triples).isGreaterThan(300);
        assertThat(rules).isGreaterThan(1000);
    }

    @Test
    @DisplayName("without a size limit, FP-growth finds every frequent subset the brute force finds")
    void unlimited() {
        Random random = new Random(7L);
        long large = 0;
        for (int run = 0; run < 300; run++) {
            Dataset d = randomDataset(random);
            AssociationOptions o = randomOptions(random, 1 + random.nextInt(12));

            AssociationRules mined = AssociationRules.mine(d.baskets(), o);

            List<FrequentItemset> expectedSets = bruteItemsets(d, o);
            List<FrequentItemset> actualSets = mined.itemsets();
            List<AssociationRule> actualRules = mined.rules();
            assertThat(actualSets).as("run %d, %s", run, o).isEqualTo(expectedSets);
            assertThat(actualRules).as("run %d, %s", run, o).isEqualTo(bruteRules(d, expectedSets, o));
            large += expectedSets.stream().filter(s -> s.size() >= 4).count();
        }
        assertThat(large).isGreaterThan(100);
    }

    @Test
    @DisplayName("recommendations agree with a direct search over the rules")
    void recommendations() {
        Random random = new Random(99L);
        long offers = 0;
        for (int run = 0; run < 400; run++) {
            Dataset d = randomDataset(random);
            // thresholds low enough that most datasets have rules to recommend from
            AssociationOptions o = new AssociationOptions(
                    0.05 + 0.1 * random.nextInt(3), 1, 0.2 * random.nextInt(3), random.nextInt(2), 4);
            AssociationRules mined = AssociationRules.mine(d.baskets(), o);
            List<String> products = d.products();
            Set<String> bought = new HashSet<>();
            for (String p : products) {
                if (random.nextBoolean()) {
                    bought.add(p);
                }
            }
            // direct: for each product not bought, the applicable single-consequent rule of highest confidence,
            // earliest in the rule list on ties; ranked by that confidence, then the rule's position
            List<AssociationRule> all = mined.rules();
            List<Recommendation> expected = new ArrayList<>();
            for (String p : new TreeSet<>(products)) {
                if (bought.contains(p)) {
                    continue;
                }
                AssociationRule best = null;
                for (AssociationRule r : all) {
                    if (r.consequent().equals(List.of(p))
                            && bought.containsAll(r.antecedent())
                            && (best == null || r.confidence() > best.confidence())) {
                        best = r;
                    }
                }
                if (best != null) {
                    expected.add(new Recommendation(p, best.confidence(), best));
                }
            }
            expected.sort(Comparator.comparingDouble(Recommendation::score)
                    .reversed()
                    .thenComparingInt(r -> all.indexOf(r.because())));
            int limit = 1 + random.nextInt(5);
            List<Recommendation> actual = mined.recommend(bought, limit);
            assertThat(actual).isEqualTo(expected.subList(0, Math.min(limit, expected.size())));
            offers += actual.size();
        }
        assertThat(offers).isGreaterThan(100);
    }
}
