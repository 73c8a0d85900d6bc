package dev.guanxi.crm.internal;

import dev.guanxi.crm.customer.CustomerId;
import java.util.Arrays;
import java.util.UUID;

/**
 * Sorts index arrays with a primitive comparator: a stable merge sort, O(n log n), no boxing — the ranking
 * step of the classification rules over a million customers.
 */
public final class IndexSort {
    private IndexSort() {}

    /** Compares two indexes. */
    @FunctionalInterface
    public interface IndexComparator {
        /**
         * @param a an index
         * @param b another index
         * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
         */
        int compare(int a, int b);
    }

    /**
     * Returns {@code 0 .. n-1} sorted by a comparator (stable).
     *
     * @param n the number of indexes
     * @param comparator the order
     * @return the sorted indexes
     */
    public static int[] sorted(int n, IndexComparator comparator) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(a, tmp, 0, n, comparator);
        return a;
    }

    /**
     * Returns {@code 0 .. n-1} sorted by a {@code double} key (ascending or descending), ties (equal keys) in
     * the order of a tie-break comparator, or in index order if it is {@code null}. {@code NaN} sorts as the
     * largest key. Much faster than {@link #sorted} for large n: the keys are packed with the index into
     * {@code long}s and sorted with {@link Arrays#parallelSort(long[])}; only runs whose keys agree in their high bits are
     * then ordered exactly.
     *
     * @param values the keys
     * @param descending {@code true} for the largest key first
     * @param tieBreak orders equal keys, or {@code null}
     * @return the sorted indexes
     */
    public static int[] byValue(double[] values, boolean descending, IndexComparator tieBreak) {
        int n = values.length;
        if (n < 64) {
            return sorted(n, (a, b) -> {
                int c = descending ? Double.compare(values[b], values[a]) : Double.compare(values[a], values[b]);
                return c != 0 || tieBreak == null ? (c != 0 ? c : Integer.compare(a, b)) : tieBreak.compare(a, b);
            });
        }
        int bits = 32 - Integer.numberOfLeadingZeros(n - 1);
        long low = (1L << bits) - 1;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long raw = Double.doubleToLongBits(values[i]);
            long ascending = raw ^ ((raw >> 63) & Long.MAX_VALUE); // signed order == numeric order
            long key = descending ? ~ascending : ascending;
            keys[i] = (key & ~low) | i;
        }
        Arrays.parallelSort(keys); // the keys are distinct (the index is in them): one possible order
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) (keys[k] & low);
        }
        IndexComparator exact = (a, b) -> {
            int c = descending ? Double.compare(values[b], values[a]) : Double.compare(values[a], values[b]);
            if (c != 0) {
                return c;
            }
            return tieBreak == null ? Integer.compare(a, b) : tieBreak.compare(a, b);
        };
        int start = 0;
        int[] tmp = new int[0];
        for (int k = 1; k <= n; k++) {
            if (k == n || (keys[k] & ~low) != (keys[start] & ~low)) {
                if (k - start > 1) {
                    if (tmp.length < n) {
                        tmp = new int[n];
                    }
                    mergeSort(order, tmp, start, k, exact);
                }
                start = k;
            }
        }
        return order;
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, IndexComparator c) {
        int n = to - from;
        if (n < 32) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && c.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, c);
        mergeSort(a, tmp, mid, to, c);
        if (c.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, n);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            a[k++] = c.compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
        }
        while (i < mid) {
            a[k++] = tmp[i++];
        }
        while (j < to) {
            a[k++] = tmp[j++];
        }
    }

    /**
     * Compares customer ids in the order of their text form (unsigned 128-bit order), the SDK's id order.
     *
     * @param x an id
     * @param y another id
     * @return the comparison
     */
    public static int compareIds(CustomerId x, CustomerId y) {
        UUID a = x.value();
        UUID b = y.value();
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
