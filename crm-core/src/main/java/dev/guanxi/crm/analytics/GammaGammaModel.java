package dev.guanxi.crm.analytics;

import static dev.guanxi.crm.analytics.InputChecks.nonNegative;
import static dev.guanxi.crm.analytics.InputChecks.positive;

import dev.guanxi.crm.ValidationException;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of monetary value (Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value"):
 * the value of each transaction of a customer is gamma(p, ν) distributed, and ν varies across customers as
 * gamma(q, γ). Given a customer's number of repeat transactions {@code x} and the mean value {@code zbar} of
 * those transactions, it predicts the customer's expected average transaction value.
 *
 * <p>Spend is assumed independent of the purchase process (the paper's key assumption; check it on the data with
 * the correlation of {@code x} and {@code zbar}). Monetary values here are {@code double}: these are analytic
 * estimates, not {@link dev.guanxi.crm.money.Money} amounts.
 *
 * <p>Published values on the 946 repeat buyers of the CDNOW sample: p = 6.25, q = 3.74, γ = 15.44.
 *
 * <p>Immutable and thread-safe; every method is allocation-free except the columnar ones (one result array).
 *
 * @param p the shape of the per-transaction value distribution, finite and greater than 0
 * @param q the shape of the heterogeneity distribution, finite and greater than 0 (predictions need q &gt; 1)
 * @param gamma the scale γ of the heterogeneity distribution, finite and greater than 0
 */
public record GammaGammaModel(double p, double q, double gamma) {

    /**
     * Checks the parameters.
     *
     * @param p the shape of the per-transaction value distribution
     * @param q the shape of the heterogeneity distribution
     * @param gamma the scale of the heterogeneity distribution
     * @throws ValidationException naming {@code p}, {@code q} or {@code gamma} when one is not finite and positive
     */
    public GammaGammaModel {
        positive("p", p, -1);
        positive("q", q, -1);
        positive("gamma", gamma, -1);
    }

    /**
     * Fits the model by maximum likelihood on the customers with at least one repeat transaction (rows with
     * {@code frequency = 0} are ignored). Equivalent to {@link #fit(double[], double[], double[])} with unit
     * weights.
     *
     * @param frequency the number of repeat transactions x of each customer, finite, at least 0
     * @param monetaryValue the mean value zbar of each customer's repeat transactions, finite; greater than 0
     *     where {@code frequency > 0}, at least 0 elsewhere (ignored)
     * @return the fit, which says whether the optimiser converged
     * @throws ValidationException naming {@code frequency} or {@code monetaryValue} for a bad value, or
     *     {@code frequency} when no customer has a repeat transaction
     */
    public static ModelFit<GammaGammaModel> fit(double[] frequency, double[] monetaryValue) {
        return fit(frequency, monetaryValue, null);
    }

    /**
     * Fits the model by maximum likelihood on the customers with at least one repeat transaction (rows with
     * {@code frequency = 0} are ignored), each row counted {@code weight} times. The optimiser is BFGS on the
     * logarithms of p, q and γ with analytic gradients, started at p = 1, q = 2, γ = the weighted mean of zbar;
     * deterministic. O(customers) per iteration, with one logarithm and one division per customer: the gamma and
     * digamma terms depend on the frequency alone and are evaluated once per distinct frequency, over the sums of
     * the weights and of the weighted log mean values of the customers who share it.
     *
     * @param frequency the number of repeat transactions x of each customer, finite, at least 0
     * @param monetaryValue the mean value zbar of each customer's repeat transactions, finite; greater than 0
     *     where {@code frequency > 0}, at least 0 elsewhere (ignored)
     * @param weights how many customers each row stands for, finite and greater than 0; {@code null} for 1
     * @return the fit, which says whether the optimiser converged
     * @throws ValidationException naming {@code frequency}, {@code monetaryValue} or {@code weight} for a bad
     *     value or length, or {@code frequency} when no customer has a repeat transaction
     */
    public static ModelFit<GammaGammaModel> fit(double[] frequency, double[] monetaryValue, double[] weights) {
        Rows rows = Rows.of(frequency, monetaryValue, weights);
        if (rows.count == 0) {
            throw InputChecks.outOfRange("frequency", -1, "must be greater than 0 for at least one customer");
        }
        double meanValue = 0;
        double totalWeight = 0;
        for (int i = 0; i < rows.count; i++) {
            meanValue += rows.weight[i] * rows.value[i];
            totalWeight += rows.weight[i];
        }
        meanValue /= totalWeight;
        double[] start = {0.0, Math.log(2.0), Math.log(meanValue)};
        double inverseWeight = 1 / totalWeight;
        LogSpaceBfgs.Objective meanObjective = (theta, gradient) -> {
            double value = rows.negativeLogLikelihood(theta, gradient);
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] *= inverseWeight;
            }
            return value * inverseWeight;
        };
        LogSpaceBfgs.Result result = LogSpaceBfgs.minimize(meanObjective, start, FitOptions.defaults());
        double[] theta = result.theta();
        GammaGammaModel model = new GammaGammaModel(clampedExp(theta[0]), clampedExp(theta[1]), clampedExp(theta[2]));
        double logLikelihood = model.logLikelihood(frequency, monetaryValue, weights);
        boolean converged = result.converged() && Double.isFinite(logLikelihood);
        return new ModelFit<>(
                model,
                logLikelihood,
                result.iterations(),
                result.evaluations(),
                converged,
                result.gradientNorm(),
                rows.count);
    }

    private static double clampedExp(double logValue) {
        return Math.exp(Math.max(-700, Math.min(700, logValue)));
    }

    /**
     * Log-likelihood of one customer's mean repeat-transaction value: log f(zbar | p, q, γ; x), the density of
     * the mean of x transaction values.
     *
     * @param x the number of repeat transactions, finite and greater than 0
     * @param zbar the mean value of those transactions, finite and greater than 0
     * @return the log-density, finite
     * @throws ValidationException naming {@code frequency} or {@code monetaryValue}
     */
    public double logLikelihood(double x, double zbar) {
        positive("frequency", x, -1);
        positive("monetaryValue", zbar, -1);
        return logDensity(p, q, gamma, x, Math.log(x), zbar, Math.log(zbar));
    }

    /**
     * Total log-likelihood of the customers with {@code frequency > 0} (other rows contribute 0), each row
     * counted {@code weight} times. O(customers): the gamma functions once per distinct frequency, a logarithm per
     * row.
     *
     * @param frequency the number of repeat transactions x of each customer, finite, at least 0
     * @param monetaryValue the mean repeat-transaction value of each customer, finite; greater than 0 where
     *     {@code frequency > 0}
     * @param weights how many customers each row stands for, finite and greater than 0; {@code null} for 1
     * @return the weighted sum of {@link #logLikelihood(double, double)}
     * @throws ValidationException naming {@code frequency}, {@code monetaryValue} or {@code weight}
     */
    public double logLikelihood(double[] frequency, double[] monetaryValue, double[] weights) {
        Rows rows = Rows.of(frequency, monetaryValue, weights);
        return -rows.negativeLogLikelihood(p, q, gamma, Math.log(gamma), null);
    }

    /**
     * The population mean transaction value E[Z] = p γ / (q − 1): the expected average value of a customer
     * without repeat transactions.
     *
     * @return the mean, finite and greater than 0
     * @throws IllegalStateException when q ≤ 1 (the mean does not exist)
     */
    public double populationMeanValue() {
        requireMean();
        return p * gamma / (q - 1);
    }

    /**
     * The conditional expected average transaction value E[M | x, zbar] = ((q − 1) / (p x + q − 1)) · (p γ / (q
     * − 1)) + (p x / (p x + q − 1)) · zbar (Fader &amp; Hardie 2013, eq. 5): a weighted mean of the population mean
     * and the customer's own mean. For {@code x = 0} it is the {@link #populationMeanValue() population mean}
     * whatever {@code zbar} is.
     *
     * @param x the number of repeat transactions, finite, at least 0
     * @param zbar the mean value of those transactions, finite, at least 0 (ignored when {@code x = 0})
     * @return the expected average value, finite and greater than 0
     * @throws ValidationException naming {@code frequency} or {@code monetaryValue}
     * @throws IllegalStateException when q ≤ 1 (the mean does not exist)
     */
    public double conditionalExpectedAverageValue(double x, double zbar) {
        nonNegative("frequency", x, -1);
        nonNegative("monetaryValue", zbar, -1);
        requireMean();
        return expectation(x, zbar);
    }

    /**
     * Columnar {@link #conditionalExpectedAverageValue(double, double)}: one value per row. O(customers).
     *
     * @param frequency the number of repeat transactions of each customer, finite, at least 0
     * @param monetaryValue the mean repeat-transaction value of each customer, finite, at least 0
     * @return a new array with the expected average value of each customer
     * @throws ValidationException naming {@code frequency} or {@code monetaryValue} (and the row)
     * @throws IllegalStateException when q ≤ 1
     */
    public double[] conditionalExpectedAverageValue(double[] frequency, double[] monetaryValue) {
        InputChecks.required("frequency", frequency);
        InputChecks.required("monetaryValue", monetaryValue);
        InputChecks.sameLength("monetaryValue", monetaryValue.length, frequency.length);
        requireMean();
        double[] out = new double[frequency.length];
        for (int i = 0; i < out.length; i++) {
            nonNegative("frequency", frequency[i], i);
            nonNegative("monetaryValue", monetaryValue[i], i);
            out[i] = expectation(frequency[i], monetaryValue[i]);
        }
        return out;
    }

    private double expectation(double x, double zbar) {
        double px = p * x;
        double denominator = px + q - 1;
        // (q-1)/(px+q-1) · pγ/(q-1) = pγ/(px+q-1)
        return p * gamma / denominator + (px / denominator) * zbar;
    }

    private void requireMean() {
        if (!(q > 1)) {
            throw new IllegalStateException("q = " + q + " <= 1: the Gamma-Gamma mean value does not exist");
        }
    }

    static double logDensity(double p, double q, double gamma, double x, double logX, double zbar, double logZbar) {
        double px = p * x;
        return Gamma.logGamma(px + q)
                - Gamma.logGamma(px)
                - Gamma.logGamma(q)
                + q * Math.log(gamma)
                + (px - 1) * logZbar
                + px * logX
                - (px + q) * Math.log(gamma + x * zbar);
    }

    /**
     * The rows with x > 0, validated, and their sufficient statistics per distinct x: the gamma terms of the
     * likelihood depend on x alone, so they are evaluated once per distinct x; only {@code log(γ + x·zbar)} is
     * left per row.
     */
    private static final class Rows {
        final int count;
        final double[] x;
        final double[] value;
        final double[] weight;
        /** The distinct x, ascending. */
        final double[] groupX;
        /** Per distinct x: its logarithm, the sum of the weights, the sum of weight × log(zbar). */
        final double[] groupLogX;

        final double[] groupWeight;
        final double[] groupLogValue;
        final double totalWeight;

        private Rows(int count, double[] x, double[] value, double[] weight) {
            this.count = count;
            this.x = x;
            this.value = value;
            this.weight = weight;
            double[] sorted = x.clone();
            java.util.Arrays.sort(sorted);
            int groups = 0;
            for (int i = 0; i < count; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[groups++] = sorted[i];
                }
            }
            this.groupX = java.util.Arrays.copyOf(sorted, groups);
            this.groupLogX = new double[groups];
            this.groupWeight = new double[groups];
            this.groupLogValue = new double[groups];
            for (int g = 0; g < groups; g++) {
                groupLogX[g] = Math.log(groupX[g]);
            }
            double total = 0;
            for (int i = 0; i < count; i++) {
                int g = java.util.Arrays.binarySearch(groupX, x[i]);
                groupWeight[g] += weight[i];
                groupLogValue[g] += weight[i] * Math.log(value[i]);
                total += weight[i];
            }
            this.totalWeight = total;
        }

        static Rows of(double[] frequency, double[] monetaryValue, double[] weights) {
            InputChecks.required("frequency", frequency);
            InputChecks.required("monetaryValue", monetaryValue);
            InputChecks.sameLength("monetaryValue", monetaryValue.length, frequency.length);
            if (weights != null) {
                InputChecks.sameLength("weight", weights.length, frequency.length);
            }
            int count = 0;
            for (int i = 0; i < frequency.length; i++) {
                nonNegative("frequency", frequency[i], i);
                nonNegative("monetaryValue", monetaryValue[i], i);
                if (weights != null) {
                    positive("weight", weights[i], i);
                }
                if (frequency[i] > 0) {
                    positive("monetaryValue", monetaryValue[i], i);
                    count++;
                }
            }
            double[] x = new double[count];
            double[] value = new double[count];
            double[] weight = new double[count];
            int j = 0;
            for (int i = 0; i < frequency.length; i++) {
                if (frequency[i] > 0) {
                    x[j] = frequency[i];
                    value[j] = monetaryValue[i];
                    weight[j] = weights == null ? 1.0 : weights[i];
                    j++;
                }
            }
            return new Rows(count, x, value, weight);
        }

        /** −LL and its gradient with respect to (log p, log q, log γ). */
        double negativeLogLikelihood(double[] theta, double[] gradient) {
            return negativeLogLikelihood(
                    Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]), theta[2], gradient);
        }

        /**
         * −LL at (p, q, γ) and, if {@code gradient} is not null, its gradient with respect to (log p, log q, log γ).
         * Per row i with weight w, x, zbar and s = γ + x·zbar, LL adds w·(lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ
         * + (px−1) ln zbar + px ln x − (px+q) ln s): the gamma terms and {@code ln x} are summed per distinct x
         * over its weight W and its Σ w ln zbar; the rows give Σ w x ln s, Σ w ln s and, for the γ-derivative, Σ
         * w x / s and Σ w / s.
         */
        double negativeLogLikelihood(double p, double q, double gamma, double logGamma, double[] gradient) {
            // per row: the only terms that involve zbar and γ together
            double xLogScale = 0;
            double logScale = 0;
            double xInverse = 0;
            double inverse = 0;
            for (int i = 0; i < count; i++) {
                double xi = x[i];
                double w = weight[i];
                double scale = gamma + xi * value[i];
                double l = w * Math.log(scale);
                xLogScale += xi * l;
                logScale += l;
                if (gradient != null) {
                    double r = w / scale;
                    xInverse += xi * r;
                    inverse += r;
                }
            }
            double logGammaQ = Gamma.logGamma(q);
            double ll = -p * xLogScale - q * logScale;
            double dp = -xLogScale;
            double dq = -logScale;
            double digammaQ = gradient == null ? 0 : Gamma.digamma(q);
            for (int g = 0; g < groupX.length; g++) {
                double xg = groupX[g];
                double w = groupWeight[g];
                double px = p * xg;
                ll += w * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - logGammaQ + q * logGamma + px * groupLogX[g])
                        + (px - 1) * groupLogValue[g];
                if (gradient != null) {
                    double psiPxQ = Gamma.digamma(px + q);
                    dp += xg * (w * (psiPxQ - Gamma.digamma(px) + groupLogX[g]) + groupLogValue[g]);
                    dq += w * (psiPxQ - digammaQ + logGamma);
                }
            }
            if (gradient != null) {
                double dGamma = q * totalWeight / gamma - (p * xInverse + q * inverse);
                gradient[0] = -dp * p;
                gradient[1] = -dq * q;
                gradient[2] = -dGamma * gamma;
            }
            return -ll;
        }
    }
}
