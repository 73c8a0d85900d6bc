package dev.guanxi.crm.internal.stewardship;

/**
 * String similarity for duplicate detection: Jaro and Jaro-Winkler on UTF-16 code units (a supplementary
 * character, rare in names once emoji are folded away, counts as two). No allocation for strings of up to 64
 * units (bit masks mark the matched characters); longer strings allocate two flag arrays.
 *
 * <p>Pure functions; thread-safe.
 */
public final class Similarity {
    /** Winkler's prefix scale: each common leading character (at most {@value #MAX_PREFIX}) adds this share. */
    public static final double PREFIX_SCALE = 0.1;
    /** The longest common prefix Winkler rewards. */
    public static final int MAX_PREFIX = 4;
    /** Winkler's boost threshold: only pairs with a Jaro similarity above it get the prefix bonus. */
    public static final double BOOST_THRESHOLD = 0.7;

    private Similarity() {}

    /**
     * The Jaro similarity: with {@code m} characters matching within a window of {@code max(|a|, |b|) / 2 - 1}
     * positions and {@code t} half the number of matched characters out of order, {@code (m/|a| + m/|b| + (m -
     * t)/m) / 3}; 0 if nothing matches, 1 for two empty strings.
     *
     * @param a one string
     * @param b the other string (the result is symmetric in {@code a} and {@code b})
     * @return the similarity in [0, 1]
     */
    public static double jaro(CharSequence a, CharSequence b) {
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return la == lb ? 1.0 : 0.0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        if (la <= 64 && lb <= 64) {
            return jaroMasked(a, b, la, lb, window);
        }
        boolean[] ma = new boolean[la];
        boolean[] mb = new boolean[lb];
        int m = 0;
        for (int i = 0; i < la; i++) {
            int hi = Math.min(lb - 1, i + window);
            char c = a.charAt(i);
            for (int j = Math.max(0, i - window); j <= hi; j++) {
                if (!mb[j] && b.charAt(j) == c) {
                    ma[i] = true;
                    mb[j] = true;
                    m++;
                    break;
                }
            }
        }
        if (m == 0) {
            return 0.0;
        }
        int outOfOrder = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            if (ma[i]) {
                while (!mb[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    outOfOrder++;
                }
                k++;
            }
        }
        return combine(m, outOfOrder / 2, la, lb);
    }

    private static double jaroMasked(CharSequence a, CharSequence b, int la, int lb, int window) {
        long ma = 0;
        long mb = 0;
        int m = 0;
        for (int i = 0; i < la; i++) {
            int hi = Math.min(lb - 1, i + window);
            char c = a.charAt(i);
            for (int j = Math.max(0, i - window); j <= hi; j++) {
                if ((mb & (1L << j)) == 0 && b.charAt(j) == c) {
                    ma |= 1L << i;
                    mb |= 1L << j;
                    m++;
                    break;
                }
            }
        }
        if (m == 0) {
            return 0.0;
        }
        int outOfOrder = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            if ((ma & (1L << i)) != 0) {
                while ((mb & (1L << k)) == 0) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    outOfOrder++;
                }
                k++;
            }
        }
        return combine(m, outOfOrder / 2, la, lb);
    }

    private static double combine(int m, int t, int la, int lb) {
        double md = m;
        return (md / la + md / lb + (md - t) / md) / 3.0;
    }

    /**
     * The Jaro-Winkler similarity: the {@linkplain #jaro Jaro similarity} {@code j}, plus {@code l · 0.1 · (1 -
     * j)} for a common prefix of {@code l ≤ 4} characters when {@code j > 0.7} (Winkler's boost threshold).
     *
     * @param a one string
     * @param b the other string
     * @return the similarity in [0, 1], never below the Jaro similarity
     */
    public static double jaroWinkler(CharSequence a, CharSequence b) {
        double j = jaro(a, b);
        if (j <= BOOST_THRESHOLD) {
            return j;
        }
        int n = Math.min(MAX_PREFIX, Math.min(a.length(), b.length()));
        int l = 0;
        while (l < n && a.charAt(l) == b.charAt(l)) {
            l++;
        }
        return j + l * PREFIX_SCALE * (1.0 - j);
    }

    /**
     * The Sørensen-Dice coefficient of two sets of words given as sorted arrays without repeats: {@code 2|A ∩ B|
     * / (|A| + |B|)}; 0 if both are empty.
     *
     * @param a one set of words, sorted by {@link String#compareTo}, without repeats
     * @param b the other set of words, sorted the same way, without repeats
     * @return the coefficient in [0, 1]
     */
    public static double dice(String[] a, String[] b) {
        if (a.length + b.length == 0) {
            return 0.0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            int c = a[i].compareTo(b[j]);
            if (c == 0) {
                common++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (a.length + b.length);
    }

    /**
     * Formats a value in [0, 1] with two decimals, e.g. {@code 0.93} (no String.format: used per pair).
     *
     * @param value a value in [0, 1], rounded half up to hundredths
     * @return the value's text with exactly two decimals
     */
    public static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        long rest = hundredths % 100;
        return (hundredths / 100) + (rest < 10 ? ".0" : ".") + rest;
    }
}
