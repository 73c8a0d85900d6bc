package dev.guanxi.crm.analytics;

/**
 * Gauss hypergeometric series for the arguments the purchase models need (real parameters, 0 &lt;= z &lt; 1),
 * summed term by term in a fixed order (deterministic) without allocation.
 */
final class Hypergeometric {
    /** Relative size of the last term at which a series stops. */
    private static final double EPS = 1e-17;
    /** A cap on the terms; reached only for z extremely close to 1. */
    static final int MAX_TERMS = 2_000_000;

    private Hypergeometric() {}

    /**
     * ln 2F1(a, b; a + 1; z) for a &gt; 0, b &gt; 0, 0 &lt;= z &lt; 1, through Euler's transformation
     * 2F1(a, b; a+1; z) = (1 - z)^(1-b) 2F1(1, a+1-b; a+1; z), whose terms are positive, decrease and shrink at
     * least as fast as z^k when b &gt; 0 (no cancellation). The Pareto/NBD likelihood uses it.
     */
    static double logSeriesAPlusOne(double a, double b, double z) {
        if (z == 0) {
            return 0;
        }
        double p = a + 1 - b;
        double q = a + 1;
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (p + k) / (q + k) * z;
            sum += term;
            if (term * z <= EPS * sum * (1 - z)) { // the ratios stay below z: the tail is below term z/(1-z)
                break;
            }
        }
        return (1 - b) * Math.log1p(-z) + Math.log(sum);
    }

    /**
     * ln 2F1(a, b; c; z) by the plain series for a, b, c &gt; 0 and 0 &lt;= z &lt; 1 (positive terms).
     */
    static double logSeries(double a, double b, double c, double z) {
        if (z == 0) {
            return 0;
        }
        double term = 1;
        double sum = 1;
        double logScale = 0;
        for (int k = 0; k < MAX_TERMS; k++) {
            double ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            term *= ratio;
            sum += term;
            if (sum > 1e250) { // rescale to stay finite for large parameters
                logScale += Math.log(sum);
                term /= sum;
                sum = 1;
            }
            double q = Math.max(ratio, z); // the ratios tend to z: the tail is below term q / (1 - q)
            if (q < 1 && term * q <= EPS * sum * (1 - q)) {
                break;
            }
        }
        return logScale + Math.log(sum);
    }

    /**
     * G = (2F1(A, B; C; z) - 1) / B without dividing by B: the series sum over k &gt;= 1 of (A)_k (B+1)_(k-1) /
     * ((C)_k k!) z^k, for C &gt; 0, 0 &lt;= z &lt; 1 and any real A, B. Stable as B tends to 0 (a = 1 in BG/NBD).
     */
    static double reducedSeries(double bigA, double bigB, double bigC, double z) {
        if (z == 0) {
            return 0;
        }
        double term = bigA / bigC * z;
        double sum = term;
        for (int k = 1; k < MAX_TERMS; k++) {
            double ratio = (bigA + k) * (bigB + k) / ((bigC + k) * (k + 1)) * z;
            term *= ratio;
            sum += term;
            double q = Math.max(Math.abs(ratio), z); // |ratio| tends to z once k exceeds |A| + |B|
            if (k > Math.abs(bigA) + Math.abs(bigB) + 2
                    && q < 1
                    && Math.abs(term) * q <= EPS * Math.abs(sum) * (1 - q)) {
                break;
            }
            if (term == 0) {
                break;
            }
        }
        return sum;
    }

    /** expm1(b * l) / b, equal to l in the limit b = 0. */
    static double expm1Ratio(double b, double l) {
        if (b == 0) {
            return l;
        }
        double bl = b * l;
        if (Math.abs(bl) < 1e-300) {
            return l;
        }
        return Math.expm1(bl) / b;
    }

    /** ln(e^u + e^v) without overflow; -inf when both are -inf. */
    static double logAddExp(double u, double v) {
        double m = Math.max(u, v);
        if (m == Double.NEGATIVE_INFINITY) {
            return m;
        }
        return m + Math.log1p(Math.exp(Math.min(u, v) - m));
    }

    /** 1 / (1 + e^z) without overflow: 0 for large z, 1 for very negative z. */
    static double logistic(double z) {
        if (z > 0) {
            double e = Math.exp(-z);
            return e / (1 + e);
        }
        return 1 / (1 + Math.exp(z));
    }
}
