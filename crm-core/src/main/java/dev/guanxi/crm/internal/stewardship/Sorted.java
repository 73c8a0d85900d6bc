package dev.guanxi.crm.internal.stewardship;

/** Merging sorted arrays without repeats. Pure functions; thread-safe. */
final class Sorted {
    private Sorted() {}

    /** @return the smallest element in both sorted arrays, or {@code null} */
    static String firstCommon(String[] a, String[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int c = a[i].compareTo(b[j]);
            if (c == 0) {
                return a[i];
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return null;
    }
}
