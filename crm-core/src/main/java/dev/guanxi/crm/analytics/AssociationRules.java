package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Market-basket analysis: the frequent itemsets of a {@link Baskets} collection, the association rules among them,
 * and "customers who bought X also bought Y" recommendations. Mined by FP-growth (Han, Pei &amp; Yin 2000), which
 * reads the baskets twice and never generates candidate itemsets.
 *
 * <pre>{@code
 * Baskets baskets = Baskets.fromOrders(orders);          // one basket per placed order
 * AssociationRules mined = AssociationRules.mine(baskets,
 *         AssociationOptions.defaults().withMinSupport(0.001).withMinConfidence(0.2));
 * for (AssociationRule rule : mined.rules()) {
 *     System.out.println(rule.reason());                  // "diapers bought with beer in 42 of 60 baskets (70% ...)"
 * }
 * List<Recommendation> offers = mined.recommend(Set.of("beer"), 5);
 * }</pre>
 *
 * <p><b>Definitions.</b> N = {@link Baskets#basketCount()}; the count n(S) of a set of products S is the number
 * of baskets that hold all of S (a product counts once per basket). S is frequent when n(S) reaches the count
 * threshold of the {@link AssociationOptions} ({@link #minCount()}) and has at most {@code maxItemsetSize}
 * products. Every frequent itemset S of two or more products gives a rule A ⇒ S \ A for <em>every</em> non-empty
 * proper subset A (2<sup>|S|</sup> - 2 candidates), kept when its confidence n(S) / n(A) reaches {@code
 * minConfidence} and its lift n(S)·N / (n(A)·n(S \ A)) reaches {@code minLift}; both are computed in double from
 * the exact counts, so thresholds compare exactly as written.
 *
 * <p><b>Order.</b> {@link #itemsets()}: count descending, then size ascending, then the product codes
 * lexicographically. {@link #rules()}: lift descending, confidence descending, count descending, then the
 * antecedent and then the consequent lexicographically (a list of codes compares element by element with {@link
 * String#compareTo}, a shorter prefix first). Product codes within an itemset, antecedent or consequent are
 * ascending. The output depends only on the baskets' contents and the options, not on item ids or hashing.
 *
 * <p><b>Cost.</b> Mining is O(lines) to build the FP-tree plus, for every frequent itemset, a walk over the prefix
 * paths of its last item; the number of frequent itemsets can grow exponentially as the support threshold falls,
 * which {@code maxItemsetSize} bounds. Rule generation is O(2<sup>k</sup>) per frequent itemset of size k. The
 * tree and its conditional trees live in {@code int} columns (about 40 bytes per tree node with its child table);
 * the result holds one record per itemset and per rule.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public final class AssociationRules {
    private static final Comparator<List<String>> LEXICOGRAPHIC = AssociationRules::compareLists;
    private static final Comparator<FrequentItemset> ITEMSET_ORDER = Comparator.comparingLong(FrequentItemset::count)
            .reversed()
            .thenComparingInt(FrequentItemset::size)
            .thenComparing(FrequentItemset::items, LEXICOGRAPHIC);
    private static final Comparator<AssociationRule> RULE_ORDER = Comparator.comparingDouble(AssociationRule::lift)
            .reversed()
            .thenComparing(
                    Comparator.comparingDouble(AssociationRule::confidence).reversed())
            .thenComparing(Comparator.comparingLong(AssociationRule::count).reversed())
            .thenComparing(AssociationRule::antecedent, LEXICOGRAPHIC)
            .thenComparing(AssociationRule::consequent, LEXICOGRAPHIC);

    private final AssociationOptions options;
    private final int basketCount;
    private final long minCount;
    private final List<FrequentItemset> itemsets;
    private final List<AssociationRule> rules;
    /** Rules with one product as consequent, by the rarest product of their antecedent: positions in rules. */
    private final Map<String, int[]> singleConsequentRules;

    private AssociationRules(
            AssociationOptions options,
            int basketCount,
            long minCount,
            List<FrequentItemset> itemsets,
            List<AssociationRule> rules) {
        this.options = options;
        this.basketCount = basketCount;
        this.minCount = minCount;
        this.itemsets = List.copyOf(itemsets);
        this.rules = List.copyOf(rules);
        this.singleConsequentRules = indexSingleConsequentRules(this.itemsets, this.rules);
    }

    /**
     * Mines the frequent itemsets and association rules of the baskets.
     *
     * @param baskets the baskets; not changed (its compacted form is cached in it)
     * @param options the thresholds
     * @return the itemsets and rules, in the documented order
     */
    public static AssociationRules mine(Baskets baskets, AssociationOptions options) {
        Objects.requireNonNull(baskets, "baskets");
        Objects.requireNonNull(options, "options");
        int n = baskets.basketCount();
        long threshold = options.countThreshold(n);
        if (n == 0 || threshold > n) {
            return new AssociationRules(options, n, threshold, List.of(), List.of());
        }
        FpGrowth.Result found =
                FpGrowth.mine(baskets.compacted(), baskets.itemCount(), (int) threshold, options.maxItemsetSize());
        String[] codes = new String[baskets.itemCount()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = baskets.productCode(i);
        }
        List<FrequentItemset> itemsets = new ArrayList<>(found.size());
        for (int s = 0; s < found.size(); s++) {
            itemsets.add(new FrequentItemset(
                    codesOf(codes, found.items(), found.start()[s], found.start()[s + 1], -1L),
                    found.count()[s],
                    (double) found.count()[s] / n));
        }
        itemsets.sort(ITEMSET_ORDER);
        List<AssociationRule> rules = rules(found, codes, n, options);
        rules.sort(RULE_ORDER);
        return new AssociationRules(options, n, threshold, itemsets, rules);
    }

    /** Every rule of every itemset of 2+ items that passes the confidence and lift thresholds, unsorted. */
    private static List<AssociationRule> rules(
            FpGrowth.Result found, String[] codes, int n, AssociationOptions options) {
        ItemsetIndex index = new ItemsetIndex(found);
        int[] start = found.start();
        int[] items = found.items();
        int[] counts = found.count();
        int[] left = new int[16];
        int[] right = new int[16];
        List<AssociationRule> rules = new ArrayList<>();
        double minConfidence = options.minConfidence();
        double minLift = options.minLift();
        for (int s = 0; s < found.size(); s++) {
            int from = start[s];
            int k = start[s + 1] - from;
            if (k < 2) {
                continue;
            }
            if (k > 62) {
                throw new IllegalStateException("an itemset of " + k + " products has too many rules to list");
            }
            if (k > left.length) {
                left = new int[k];
                right = new int[k];
            }
            long count = counts[s];
            long all = (1L << k) - 1;
            for (long mask = 1; mask < all; mask++) {
                int a = 0;
                int c = 0;
                for (int i = 0; i < k; i++) {
                    if ((mask & (1L << i)) != 0) {
                        left[a++] = items[from + i];
                    } else {
                        right[c++] = items[from + i];
                    }
                }
                long antecedentCount = index.count(left, a);
                double confidence = (double) count / antecedentCount;
                if (confidence < minConfidence) {
                    continue;
                }
                long consequentCount = index.count(right, c);
                double lift = (double) (count * n) / (double) (antecedentCount * consequentCount);
                if (lift < minLift) {
                    continue;
                }
                rules.add(new AssociationRule(
                        codesOf(codes, items, from, from + k, mask),
                        codesOf(codes, items, from, from + k, ~mask),
                        count,
                        (double) count / n,
                        confidence,
                        lift));
            }
        }
        return rules;
    }

    /** The product codes of items[from..to) whose bit (position - from) is set in mask, in ascending order. */
    private static List<String> codesOf(String[] codes, int[] items, int from, int to, long mask) {
        int size = 0;
        for (int i = from; i < to; i++) {
            if ((mask & (1L << (i - from))) != 0) {
                size++;
            }
        }
        String[] chosen = new String[size];
        int j = 0;
        for (int i = from; i < to; i++) {
            if ((mask & (1L << (i - from))) != 0) {
                chosen[j++] = codes[items[i]];
            }
        }
        Arrays.sort(chosen);
        return Arrays.asList(chosen);
    }

    private static int compareLists(List<String> a, List<String> b) {
        int k = Math.min(a.size(), b.size());
        for (int i = 0; i < k; i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * Indexes the rules with one product as consequent under the least frequent product of their antecedent (ties:
     * the first code), so that a query visits only rules that can apply and a popular product bought does not
     * drag in every longer rule that mentions it.
     */
    private static Map<String, int[]> indexSingleConsequentRules(
            List<FrequentItemset> itemsets, List<AssociationRule> rules) {
        Map<String, Long> countOf = new HashMap<>();
        for (FrequentItemset s : itemsets) {
            if (s.size() == 1) {
                countOf.put(s.items().get(0), s.count());
            }
        }
        Map<String, int[]> lists = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            AssociationRule rule = rules.get(i);
            if (rule.consequent().size() != 1) {
                continue;
            }
            String key = rule.antecedent().get(0);
            long least = countOf.getOrDefault(key, Long.MAX_VALUE);
            for (String product : rule.antecedent()) {
                long c = countOf.getOrDefault(product, Long.MAX_VALUE);
                if (c < least) {
                    least = c;
                    key = product;
                }
            }
            int[] list = lists.get(key);
            int size = sizes.getOrDefault(key, 0);
            if (list == null) {
                list = new int[4];
            } else if (size == list.length) {
                list = Arrays.copyOf(list, size * 2);
            }
            list[size] = i;
            lists.put(key, list);
            sizes.put(key, size + 1);
        }
        Map<String, int[]> index = new HashMap<>(lists.size() * 2);
        lists.forEach((key, list) -> index.put(key, Arrays.copyOf(list, sizes.get(key))));
        return index;
    }

    /** @return the options the rules were mined with */
    public AssociationOptions options() {
        return options;
    }

    /** @return how many baskets were mined (N, the denominator of every support) */
    public int basketCount() {
        return basketCount;
    }

    /**
     * @return the least count a frequent itemset needed: the smallest count reaching both {@code minCount} and
     *     {@code minSupport} for {@link #basketCount()} baskets (more than the basket count if none can)
     */
    public long minCount() {
        return minCount;
    }

    /** @return the frequent itemsets (single products included), in the documented order; immutable */
    public List<FrequentItemset> itemsets() {
        return itemsets;
    }

    /** @return the association rules, in the documented order (strongest lift first); immutable */
    public List<AssociationRule> rules() {
        return rules;
    }

    /**
     * "Customers who bought X also bought Y": the products to offer a customer (or a basket) that already holds
     * {@code bought}, best first.
     *
     * <p>A product Y is a candidate when it is not in {@code bought} and a rule A ⇒ {Y} has its whole antecedent A
     * in {@code bought}; its score is the highest confidence among those rules, and {@link Recommendation#because()}
     * is that rule (ties: the rule first in {@link #rules()} order, i.e. the higher lift). Candidates are ranked by
     * score descending, then by the position of their rule in {@link #rules()}. Only rules with a single-product
     * consequent are used: a rule A ⇒ {Y, Z} never has a higher confidence than A ⇒ {Y}, which is mined too
     * whenever it reaches the confidence threshold. Product codes unknown to the rules are ignored.
     *
     * <p>O(r) for the r single-consequent rules indexed under a product bought (each rule is indexed once, under
     * the least frequent product of its antecedent), plus a sort of the candidates.
     *
     * @param bought the product codes already bought, not null, no null element
     * @param limit how many recommendations at most, at least 0
     * @return up to {@code limit} recommendations; immutable
     * @throws ValidationException with field {@code limit} and rule {@code OUT_OF_RANGE} if {@code limit} is
     *     negative
     */
    public List<Recommendation> recommend(Set<String> bought, int limit) {
        Objects.requireNonNull(bought, "bought");
        if (limit < 0) {
            throw new ValidationException("limit", ValidationRule.OUT_OF_RANGE, "limit must be at least 0: " + limit);
        }
        if (limit == 0 || bought.isEmpty()) {
            return List.of();
        }
        // best rule position per product; a lower position wins ties of confidence
        Map<String, Integer> best = new HashMap<>();
        for (String product : bought) {
            int[] candidates = singleConsequentRules.get(Objects.requireNonNull(product, "bought product"));
            if (candidates == null) {
                continue;
            }
            for (int position : candidates) {
                AssociationRule rule = rules.get(position);
                String offer = rule.consequent().get(0);
                if (bought.contains(offer) || !bought.containsAll(rule.antecedent())) {
                    continue;
                }
                Integer current = best.get(offer);
                if (current == null || better(rule, position, rules.get(current), current)) {
                    best.put(offer, position);
                }
            }
        }
        List<Integer> ranked = new ArrayList<>(best.values());
        ranked.sort((x, y) -> better(rules.get(x), x, rules.get(y), y) ? -1 : (x.equals(y) ? 0 : 1));
        List<Recommendation> out = new ArrayList<>(Math.min(limit, ranked.size()));
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            AssociationRule rule = rules.get(ranked.get(i));
            out.add(new Recommendation(rule.consequent().get(0), rule.confidence(), rule));
        }
        return List.copyOf(out);
    }

    private static boolean better(AssociationRule a, int positionA, AssociationRule b, int positionB) {
        int c = Double.compare(a.confidence(), b.confidence());
        return c > 0 || (c == 0 && positionA < positionB);
    }

    /** Open-addressing index from a sorted itemset (item ids) to its count; only frequent itemsets are in it. */
    private static final class ItemsetIndex {
        private final FpGrowth.Result sets;
        private final int[] table; // itemset index + 1; 0 = empty
        private final int mask;

        ItemsetIndex(FpGrowth.Result sets) {
            this.sets = sets;
            int capacity = Integer.highestOneBit(Math.max(8, sets.size()) * 2 - 1) << 1;
            this.table = new int[capacity];
            this.mask = capacity - 1;
            int[] start = sets.start();
            for (int s = 0; s < sets.size(); s++) {
                int slot = hash(sets.items(), start[s], start[s + 1] - start[s]) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = s + 1;
            }
        }

        private static int hash(int[] items, int from, int len) {
            int h = len;
            for (int i = from; i < from + len; i++) {
                h = h * 0x9E3779B1 + items[i];
            }
            // a full avalanche (murmur3's finaliser): consecutive item ids must not fill consecutive slots, or
            // linear probing walks through long runs
            h ^= h >>> 16;
            h *= 0x85EBCA6B;
            h ^= h >>> 13;
            h *= 0xC2B2AE35;
            return h ^ (h >>> 16);
        }

        /** The count of the itemset items[0..len), which must be frequent (every subset of a frequent set is). */
        long count(int[] items, int len) {
            int[] start = sets.start();
            int[] all = sets.items();
            int slot = hash(items, 0, len) & mask;
            while (true) {
                int s = table[slot] - 1;
                if (s < 0) {
                    throw new IllegalStateException("a subset of a frequent itemset was not found");
                }
                if (start[s + 1] - start[s] == len && Arrays.equals(all, start[s], start[s] + len, items, 0, len)) {
                    return sets.count()[s];
                }
                slot = (slot + 1) & mask;
            }
        }
    }
}
