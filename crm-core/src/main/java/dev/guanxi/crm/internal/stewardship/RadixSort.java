package dev.guanxi.crm.internal.stewardship;

/**
 * Stable least-significant-digit radix sort of 64-bit keys (as unsigned numbers) carrying an {@code int} each:
 * 8 passes of 8 bits, O(8·n) time, O(n) extra memory. Stability keeps the carried values of equal keys in their
 * original order. Not thread-safe on shared arrays; pure otherwise.
 */
final class RadixSort {
    private RadixSort() {}

    /** Sorts {@code keys[0, n)} ascending as unsigned numbers, moving {@code values} along. */
    static void sort(long[] keys, int[] values, int n) {
        if (n < 2) {
            return;
        }
        long[] k2 = new long[n];
        int[] v2 = new int[n];
        long[] srcK = keys;
        int[] srcV = values;
        long[] dstK = k2;
        int[] dstV = v2;
        int[] count = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((srcK[i] >>> shift) & 0xFF) + 1]++;
            }
            if (count[(int) ((srcK[0] >>> shift) & 0xFF) + 1] == n) {
                continue; // every key has the same digit here: the pass would not move anything
            }
            for (int d = 0; d < 256; d++) {
                count[d + 1] += count[d];
            }
            for (int i = 0; i < n; i++) {
                int d = (int) ((srcK[i] >>> shift) & 0xFF);
                int to = count[d]++;
                dstK[to] = srcK[i];
                dstV[to] = srcV[i];
            }
            long[] tk = srcK;
            srcK = dstK;
            dstK = tk;
            int[] tv = srcV;
            srcV = dstV;
            dstV = tv;
        }
        if (srcK != keys) {
            System.arraycopy(srcK, 0, keys, 0, n);
            System.arraycopy(srcV, 0, values, 0, n);
        }
    }
}
