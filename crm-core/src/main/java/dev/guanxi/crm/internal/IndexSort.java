package dev.guanxi.crm.internal;

import dev.guanxi.crm.customer.CustomerId;
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
