package dev.guanxi.crm.analytics;

/** Holdout statistics of FHL 2005: mean conditional expectation of the zero class, and Pearson correlation. */
final class Holdout {
    private Holdout() {}

    static double[] zeroClassAndCorrelation(RepeatPurchaseModel model, CustomerSummaries s) {
        double zero = 0;
        int zeros = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = s.size();
        for (int i = 0; i < n; i++) {
            double e = model.conditionalExpectedPurchases(s.holdoutDuration(), s.frequency(i), s.recency(i), s.age(i));
            double y = s.holdoutFrequency(i);
            if (s.frequency(i) == 0) {
                zero += e;
                zeros++;
            }
            sx += e;
            sy += y;
            sxx += e * e;
            syy += y * y;
            sxy += e * y;
        }
        double corr = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
        return new double[] {zero / zeros, corr};
    }
}
