package dev.guanxi.crm.analytics;

/**
 * A test-only BG/NBD purchase model with fixed parameters (Fader, Hardie &amp; Lee 2005, "Counting Your Customers
 * the Easy Way"): the closed-form conditional expectation of eq. 10 with the Gauss hypergeometric function 2F1
 * summed as its power series. Enough to drive {@link CustomerLifetimeValue} in tests; the production BG/NBD lives
 * elsewhere.
 */
record ClvReferencePurchaseModel(double r, double alpha, double a, double b) implements RepeatPurchaseModel {
    /** The published CDNOW fit (Fader, Hardie &amp; Lee 2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426. */
    static final ClvReferencePurchaseModel CDNOW = new ClvReferencePurchaseModel(0.243, 4.414, 0.793, 2.426);

    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        if (t == 0) {
            return 0;
        }
        double z = t / (alpha + age + t);
        double numerator = (a + b + x - 1)
                / (a - 1)
                * (1
                        - Math.pow((alpha + age) / (alpha + age + t), r + x)
                                * hypergeometric2F1(r + x, b + x, a + b + x - 1, z));
        return numerator / (1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + age) / (alpha + tx), r + x) : 0));
    }

    @Override
    public double probabilityAlive(double x, double tx, double age) {
        return x == 0 ? 1 : 1 / (1 + a / (b + x - 1) * Math.pow((alpha + age) / (alpha + tx), r + x));
    }

    @Override
    public double expectedPurchases(double t) {
        double z = t / (alpha + t);
        return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * hypergeometric2F1(r, b, a + b - 1, z));
    }

    @Override
    public double logLikelihood() {
        return Double.NaN;
    }

    /** 2F1(a, b; c; z) for 0 ≤ z &lt; 1 by its series Σ (a)_k (b)_k / ((c)_k k!) z^k. */
    static double hypergeometric2F1(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int k = 0; k < 100_000; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1 series did not converge for z = " + z);
    }
}
