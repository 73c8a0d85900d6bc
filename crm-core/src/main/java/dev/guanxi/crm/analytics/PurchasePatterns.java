package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import java.util.Objects;

/**
 * Distinct (x, t_x, T) patterns with weights (how many customers share each), the form the models are fitted
 * on: identical customers cost one likelihood term. Columnar; the patterns keep the order of their first
 * occurrence, so that fits are deterministic. The distinct frequencies are indexed too, because the gamma
 * and digamma terms of the likelihoods depend on x alone.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public final class PurchasePatterns {
    final double[] x;
    final double[] tx;
    final double[] age;
    final double[] weight;
    /** Index of each pattern's x in {@link #distinctX}. */
    final int[] xClass;

    final double[] distinctX;
    /** Index of each pattern's T in {@link #distinctAge}. */
    final int[] ageClass;

    final double[] distinctAge;
    private final double totalWeight;

    private PurchasePatterns(double[] x, double[] tx, double[] age, double[] weight) {
        this.x = x;
        this.tx = tx;
        this.age = age;
        this.weight = weight;
        this.xClass = new int[x.length];
        this.distinctX = classify(x, xClass);
        this.ageClass = new int[age.length];
        this.distinctAge = classify(age, ageClass);
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        this.totalWeight = total;
    }

    /** Indexes the distinct values of a column (order of first occurrence); writes each row's index. */
    private static double[] classify(double[] column, int[] classes) {
        int n = column.length;
        int capacity = tableSize(n);
        int[] table = new int[capacity];
        double[] values = new double[Math.min(n, 16)];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToLongBits(column[i]);
            int slot = mix(bits, 0, 0) & (capacity - 1);
            while (true) {
                int entry = table[slot];
                if (entry == 0) {
                    if (distinct == values.length) {
                        values = java.util.Arrays.copyOf(values, distinct * 2);
                    }
                    values[distinct] = column[i];
                    table[slot] = ++distinct;
                    classes[i] = distinct - 1;
                    break;
                }
                if (Double.doubleToLongBits(values[entry - 1]) == bits) {
                    classes[i] = entry - 1;
                    break;
                }
                slot = (slot + 1) & (capacity - 1);
            }
        }
        return java.util.Arrays.copyOf(values, distinct);
    }

    /**
     * Compresses summaries into weighted patterns. O(n) expected time (hashing of the bit patterns), O(n) memory.
     *
     * @param summaries the customers
     * @return the patterns, in order of first occurrence, weights counting customers
     */
    public static PurchasePatterns of(CustomerSummaries summaries) {
        Objects.requireNonNull(summaries, "summaries");
        double[] fx = summaries.frequency;
        double[] fr = summaries.recency;
        double[] ft = summaries.age;
        int n = fx.length;
        int capacity = tableSize(n);
        int[] table = new int[capacity];
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] w = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            long bx = Double.doubleToLongBits(fx[i]);
            long br = Double.doubleToLongBits(fr[i]);
            long bt = Double.doubleToLongBits(ft[i]);
            int slot = mix(bx, br, bt) & (capacity - 1);
            while (true) {
                int entry = table[slot];
                if (entry == 0) {
                    x[count] = fx[i];
                    tx[count] = fr[i];
                    age[count] = ft[i];
                    w[count] = 1;
                    table[slot] = ++count;
                    break;
                }
                int p = entry - 1;
                if (Double.doubleToLongBits(x[p]) == bx
                        && Double.doubleToLongBits(tx[p]) == br
                        && Double.doubleToLongBits(age[p]) == bt) {
                    w[p] += 1;
                    break;
                }
                slot = (slot + 1) & (capacity - 1);
            }
        }
        return new PurchasePatterns(
                java.util.Arrays.copyOf(x, count),
                java.util.Arrays.copyOf(tx, count),
                java.util.Arrays.copyOf(age, count),
                java.util.Arrays.copyOf(w, count));
    }

    /**
     * Wraps patterns with weights given by the host (e.g. a table of counts); copied and validated.
     *
     * @param frequency x per pattern
     * @param recency t_x per pattern
     * @param age T per pattern
     * @param weights customers per pattern, finite and at least 0
     * @return the patterns (not merged further)
     * @throws ValidationException naming {@code frequency}, {@code recency}, {@code T} or {@code weight}
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static PurchasePatterns of(double[] frequency, double[] recency, double[] age, double[] weights) {
        int n = frequency.length;
        if (recency.length != n || age.length != n || weights.length != n) {
            throw new IllegalArgumentException("frequency, recency, T and weights must have the same length");
        }
        for (int i = 0; i < n; i++) {
            try {
                InputChecks.check(frequency[i], recency[i], age[i]);
            } catch (ValidationException e) {
                throw InputChecks.fail(
                        e.field(), "row " + i + ": " + e.violations().get(0).message());
            }
            if (!(weights[i] >= 0) || weights[i] == Double.POSITIVE_INFINITY) {
                throw InputChecks.fail("weight", "row " + i + ": weight must be finite and at least 0");
            }
        }
        return new PurchasePatterns(frequency.clone(), recency.clone(), age.clone(), weights.clone());
    }

    private static int tableSize(int n) {
        int capacity = 16;
        while (capacity < 2L * n) {
            capacity <<= 1;
        }
        return capacity;
    }

    static int mix(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 29) ^ b) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 31) ^ c) * 0x94D049BB133111EBL;
        h ^= h >>> 32;
        return (int) h;
    }

    /** @return the number of distinct patterns */
    public int size() {
        return x.length;
    }

    /** @return the sum of the weights (the number of customers) */
    public double totalWeight() {
        return totalWeight;
    }

    /**
     * @param i a pattern
     * @return its frequency x
     */
    public double frequency(int i) {
        return x[i];
    }

    /**
     * @param i a pattern
     * @return its recency t_x
     */
    public double recency(int i) {
        return tx[i];
    }

    /**
     * @param i a pattern
     * @return its T
     */
    public double age(int i) {
        return age[i];
    }

    /**
     * @param i a pattern
     * @return its weight
     */
    public double weight(int i) {
        return weight[i];
    }
}
