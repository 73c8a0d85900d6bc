package dev.guanxi.crm.analytics;

import static dev.guanxi.crm.analytics.InputChecks.discretePattern;
import static dev.guanxi.crm.analytics.InputChecks.positive;

import dev.guanxi.crm.ValidationException;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The beta-geometric/beta-binomial (BG/BB) model of repeat transactions in discrete time (Fader, Hardie &amp;
 * Shang 2010, "Customer-Base Analysis in a Discrete-Time Noncontractual Setting", Marketing Science 29(6)): a
 * customer has one transaction opportunity per period (a yearly donation, an annual event); while alive she
 * transacts at each opportunity with probability p, and she dies at the start of each opportunity with
 * probability θ; p ~ beta(α, β) and θ ~ beta(γ, δ) across customers.
 *
 * <p>A customer's history is summarised by the pattern (x, t_x, n): x transactions in the n opportunities after
 * the first transaction, the last of them at opportunity t_x (0 when x = 0), so 0 ≤ x ≤ t_x ≤ n. The
 * computations are in log space with Beta-function ratios updated by recurrences: O(n − t_x) for a likelihood,
 * O(min(n*, 4096)) for an expectation over n* future opportunities.
 *
 * <p>Published values on the 11,104 donors of {@code donations.csv}: α = 1.204, β = 0.750, γ = 0.657, δ =
 * 2.783, log-likelihood −33,225.6.
 *
 * <p>Immutable and thread-safe; the scalar methods do not allocate.
 *
 * @param alpha α of the beta distribution of the transaction probability p, finite and greater than 0
 * @param beta β of the beta distribution of p, finite and greater than 0
 * @param gamma γ of the beta distribution of the dropout probability θ, finite and greater than 0
 * @param delta δ of the beta distribution of θ, finite and greater than 0
 */
public record BetaGeometricBetaBinomialModel(double alpha, double beta, double gamma, double delta) {
    private static final int SUM_LIMIT = 4096;

    /**
     * Checks the parameters.
     *
     * @param alpha α of the beta distribution of p
     * @param beta β of the beta distribution of p
     * @param gamma γ of the beta distribution of θ
     * @param delta δ of the beta distribution of θ
     * @throws ValidationException naming {@code alpha}, {@code beta}, {@code gamma} or {@code delta} when one is not
     *     finite and positive
     */
    public BetaGeometricBetaBinomialModel {
        positive("alpha", alpha, -1);
        positive("beta", beta, -1);
        positive("gamma", gamma, -1);
        positive("delta", delta, -1);
    }

    /**
     * Fits the model by maximum likelihood on patterns, each counted once. See {@link #fit(int[], int[], int[],
     * double[])}.
     *
     * @param frequency x of each pattern
     * @param recency t_x of each pattern
     * @param periods n of each pattern
     * @return the fit, which says whether the optimiser converged
     * @throws ValidationException naming {@code frequency}, {@code recency} or {@code periods}
     */
    public static ModelFit<BetaGeometricBetaBinomialModel> fit(int[] frequency, int[] recency, int[] periods) {
        return fit(frequency, recency, periods, null);
    }

    /**
     * Fits the model by maximum likelihood on weighted patterns (one row per distinct (x, t_x, n), with the number
     * of customers who share it). The optimiser is BFGS on the logarithms of α, β, γ, δ with analytic gradients,
     * started at α = β = γ = δ = 1; deterministic. O(Σ (n − t_x + 1)) per iteration.
     *
     * @param frequency x of each pattern: transactions after the first, at least 0
     * @param recency t_x of each pattern: the opportunity of the last transaction, x ≤ t_x ≤ n, 0 when x = 0
     * @param periods n of each pattern: the number of opportunities observed, at least 0
     * @param weights how many customers each pattern stands for, finite and greater than 0; {@code null} for 1
     * @return the fit, which says whether the optimiser converged
     * @throws ValidationException naming {@code frequency}, {@code recency}, {@code periods} or {@code weight} for
     *     a bad value or array length (the message names the row)
     */
    public static ModelFit<BetaGeometricBetaBinomialModel> fit(
            int[] frequency, int[] recency, int[] periods, double[] weights) {
        double[] w = checkPatterns(frequency, recency, periods, weights);
        double[] gradient = new double[4];
        double inverseWeight = 1 / totalWeight(w);
        LogSpaceBfgs.Objective objective = (theta, grad) -> {
            double a = Math.exp(theta[0]);
            double b = Math.exp(theta[1]);
            double g = Math.exp(theta[2]);
            double d = Math.exp(theta[3]);
            double ll = 0;
            grad[0] = grad[1] = grad[2] = grad[3] = 0;
            for (int i = 0; i < frequency.length; i++) {
                ll += w[i] * logLikelihood(a, b, g, d, frequency[i], recency[i], periods[i], gradient);
                for (int j = 0; j < 4; j++) {
                    grad[j] += w[i] * gradient[j];
                }
            }
            grad[0] *= -a * inverseWeight;
            grad[1] *= -b * inverseWeight;
            grad[2] *= -g * inverseWeight;
            grad[3] *= -d * inverseWeight;
            return -ll * inverseWeight;
        };
        LogSpaceBfgs.Result result = LogSpaceBfgs.minimize(objective, new double[4], FitOptions.defaults());
        double[] theta = result.theta();
        BetaGeometricBetaBinomialModel model = new BetaGeometricBetaBinomialModel(
                clampedExp(theta[0]), clampedExp(theta[1]), clampedExp(theta[2]), clampedExp(theta[3]));
        double logLikelihood = model.logLikelihood(frequency, recency, periods, weights);
        boolean converged = result.converged() && Double.isFinite(logLikelihood);
        return new ModelFit<>(
                model,
                logLikelihood,
                result.iterations(),
                result.evaluations(),
                converged,
                result.gradientNorm(),
                frequency.length);
    }

    private static double totalWeight(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        return Math.max(sum, Double.MIN_NORMAL);
    }

    private static double clampedExp(double logValue) {
        return Math.exp(Math.max(-700, Math.min(700, logValue)));
    }

    /**
     * Log-likelihood of one pattern, log L(α, β, γ, δ | x, t_x, n) (Fader, Hardie &amp; Shang 2010, eq. 5).
     *
     * @param x transactions after the first, at least 0
     * @param tx the opportunity of the last transaction, x ≤ t_x ≤ n, 0 when x = 0
     * @param n the number of opportunities observed, at least 0
     * @return the log-likelihood, at most 0 and finite
     * @throws ValidationException naming {@code frequency}, {@code recency} or {@code periods}
     */
    public double logLikelihood(int x, int tx, int n) {
        discretePattern(x, tx, n, -1);
        return logLikelihood(alpha, beta, gamma, delta, x, tx, n, null);
    }

    /**
     * Total log-likelihood of weighted patterns: Σ weight · log L(x, t_x, n). O(Σ (n − t_x + 1)).
     *
     * @param frequency x of each pattern
     * @param recency t_x of each pattern
     * @param periods n of each pattern
     * @param weights how many customers each pattern stands for, finite and greater than 0; {@code null} for 1
     * @return the total log-likelihood
     * @throws ValidationException naming {@code frequency}, {@code recency}, {@code periods} or {@code weight}
     */
    public double logLikelihood(int[] frequency, int[] recency, int[] periods, double[] weights) {
        double[] w = checkPatterns(frequency, recency, periods, weights);
        double sum = 0;
        for (int i = 0; i < frequency.length; i++) {
            sum += w[i] * logLikelihood(alpha, beta, gamma, delta, frequency[i], recency[i], periods[i], null);
        }
        return sum;
    }

    /**
     * P(alive in period n + 1 | x, t_x, n): the probability that the customer is still alive at the next
     * opportunity (Fader, Hardie &amp; Shang 2010, eq. 11). Equals {@link #probabilityAlive(int, int, int, int)}
     * with {@code m = 1}.
     *
     * @param x transactions after the first, at least 0
     * @param tx the opportunity of the last transaction, x ≤ t_x ≤ n, 0 when x = 0
     * @param n the number of opportunities observed, at least 0
     * @return a probability in [0, 1]
     * @throws ValidationException naming {@code frequency}, {@code recency} or {@code periods}
     */
    public double probabilityAlive(int x, int tx, int n) {
        return probabilityAlive(x, tx, n, 1);
    }

    /**
     * P(alive at opportunity n + m | x, t_x, n): the probability that the customer survives the next {@code m}
     * dropout draws; {@code m = 0} gives the probability of being alive at the last observed opportunity n.
     *
     * @param x transactions after the first, at least 0
     * @param tx the opportunity of the last transaction, x ≤ t_x ≤ n, 0 when x = 0
     * @param n the number of opportunities observed, at least 0
     * @param m opportunities ahead, at least 0
     * @return a probability in [0, 1], not increasing in {@code m}
     * @throws ValidationException naming {@code frequency}, {@code recency}, {@code periods} or {@code
     *     futurePeriods} (for m)
     */
    public double probabilityAlive(int x, int tx, int n, int m) {
        discretePattern(x, tx, n, -1);
        futurePeriods(m);
        return alive(x, tx, n, m);
    }

    /**
     * Columnar {@link #probabilityAlive(int, int, int)}: P(alive in period n + 1) of each pattern. O(Σ (n − t_x +
     * 1)).
     *
     * @param frequency x of each customer
     * @param recency t_x of each customer
     * @param periods n of each customer
     * @return a new array of probabilities in [0, 1]
     * @throws ValidationException naming {@code frequency}, {@code recency} or {@code periods} (and the row)
     */
    public double[] probabilityAlive(int[] frequency, int[] recency, int[] periods) {
        checkPatterns(frequency, recency, periods, null);
        double[] out = new double[frequency.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = alive(frequency[i], recency[i], periods[i], 1);
        }
        return out;
    }

    /**
     * E[X(n, n + n*) | x, t_x, n]: the expected number of transactions in the next {@code futurePeriods}
     * opportunities n + 1, ..., n + n* (Fader, Hardie &amp; Shang 2010, eq. 13).
     *
     * @param futurePeriods n*, the number of future opportunities, at least 0
     * @param x transactions after the first, at least 0
     * @param tx the opportunity of the last transaction, x ≤ t_x ≤ n, 0 when x = 0
     * @param n the number of opportunities observed, at least 0
     * @return the expectation, in [0, n*]
     * @throws ValidationException naming {@code futurePeriods}, {@code frequency}, {@code recency} or {@code
     *     periods}
     */
    public double conditionalExpectedTransactions(int futurePeriods, int x, int tx, int n) {
        futurePeriods(futurePeriods);
        discretePattern(x, tx, n, -1);
        return conditional(futurePeriods, x, tx, n);
    }

    /**
     * Columnar {@link #conditionalExpectedTransactions(int, int, int, int)}. O(Σ (n − t_x + 1) + customers ·
     * min(n*, 4096)).
     *
     * @param futurePeriods n*, the number of future opportunities, at least 0
     * @param frequency x of each customer
     * @param recency t_x of each customer
     * @param periods n of each customer
     * @return a new array of expectations
     * @throws ValidationException naming {@code futurePeriods}, {@code frequency}, {@code recency} or {@code
     *     periods} (and the row)
     */
    public double[] conditionalExpectedTransactions(int futurePeriods, int[] frequency, int[] recency, int[] periods) {
        futurePeriods(futurePeriods);
        checkPatterns(frequency, recency, periods, null);
        double[] out = new double[frequency.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = conditional(futurePeriods, frequency[i], recency[i], periods[i]);
        }
        return out;
    }

    /**
     * E[X(n)]: the expected number of transactions of a randomly chosen customer in her first {@code n}
     * opportunities after the first transaction (Fader, Hardie &amp; Shang 2010, eq. 7).
     *
     * @param n the number of opportunities, at least 0
     * @return the expectation, in [0, n], not decreasing in {@code n}
     * @throws ValidationException naming {@code periods}
     */
    public double expectedTransactions(int n) {
        if (n < 0) {
            throw InputChecks.outOfRange("periods", -1, "must be at least 0 but was " + n);
        }
        if (n == 0) {
            return 0;
        }
        return alpha / (alpha + beta) * Math.exp(logSurvivalSum(gamma, delta, 0, n));
    }

    private double alive(int x, int tx, int n, int m) {
        double logL = logLikelihood(alpha, beta, gamma, delta, x, tx, n, null);
        double logAlive = Beta.logBeta(alpha + x, beta + n - x)
                - Beta.logBeta(alpha, beta)
                + Beta.logBeta(gamma, delta + n + (double) m)
                - Beta.logBeta(gamma, delta)
                - logL;
        return Math.min(1.0, Math.exp(Math.min(0.0, logAlive)));
    }

    private double conditional(int futurePeriods, int x, int tx, int n) {
        if (futurePeriods == 0) {
            return 0;
        }
        double logL = logLikelihood(alpha, beta, gamma, delta, x, tx, n, null);
        double log = Beta.logBeta(alpha + x + 1, beta + n - x)
                - Beta.logBeta(alpha, beta)
                - logL
                + logSurvivalSum(gamma, delta, n, futurePeriods);
        return Math.min(futurePeriods, Math.exp(log));
    }

    /**
     * log Σ_{k=1..count} B(γ, δ + n + k) / B(γ, δ): the log of the expected number of the opportunities n + 1,
     * ..., n + count at which a customer alive at n is still alive, unconditionally on θ's posterior.
     */
    static double logSurvivalSum(double g, double d, int n, int count) {
        double first = Beta.logBeta(g, d + n + 1) - Beta.logBeta(g, d);
        if (count <= SUM_LIMIT) {
            // terms decrease: term_{k+1} / term_k = (δ + n + k) / (γ + δ + n + k) < 1
            double sum = 1.0;
            double ratio = 1.0;
            for (int k = 1; k < count; k++) {
                ratio *= (d + n + k) / (g + d + n + k);
                sum += ratio;
            }
            return first + Math.log(sum);
        }
        double logNormaliser = Gamma.logGamma(g + d) - Gamma.logGamma(d);
        if (Math.abs(g - 1) < 1e-6) {
            // γ = 1: B(1, δ + m) / B(1, δ) = δ / (δ + m); the sum is δ (ψ(δ + n + count + 1) − ψ(δ + n + 1))
            return Math.log(d) + Math.log(Gamma.digamma(d + n + count + 1.0) - Gamma.digamma(d + n + 1.0));
        }
        // Σ_{m=n+1}^{n+count} Γ(δ+m)/Γ(γ+δ+m) = (f(n+1) − f(n+count+1)) / (γ − 1), f(m) = Γ(δ+m)/Γ(γ+δ+m−1)
        double u = Gamma.logGamma(d + n + 1.0) - Gamma.logGamma(g + d + n);
        double v = Gamma.logGamma(d + n + count + 1.0) - Gamma.logGamma(g + d + n + count);
        return logNormaliser + u + Math.log(-Math.expm1(v - u) / (g - 1));
    }

    /**
     * log L(x, t_x, n) and, when {@code gradient} is not null, its gradient with respect to (α, β, γ, δ). The
     * likelihood is the alive-through-n term plus Σ_{i=0}^{n−t_x−1} of the died-after-opportunity-t_x+i terms;
     * all terms are at most the larger of the first two, which anchors the log-sum-exp.
     */
    static double logLikelihood(double a, double b, double g, double d, int x, int tx, int n, double[] gradient) {
        double logBab = Beta.logBeta(a, b);
        double logBgd = Beta.logBeta(g, d);
        double logAlive = Beta.logBeta(a + x, b + n - x) - logBab + Beta.logBeta(g, d + n) - logBgd;
        int deaths = n - tx;
        if (deaths == 0) {
            if (gradient != null) {
                aliveGradient(a, b, g, d, x, n, gradient);
            }
            return logAlive;
        }
        double logFirst = Beta.logBeta(a + x, b + tx - x) - logBab + Beta.logBeta(g + 1, d + tx) - logBgd;
        double anchor = Math.max(logAlive, logFirst);
        double aliveShare = Math.exp(logAlive - anchor);
        double sum = aliveShare;
        double logTerm = logFirst;
        if (gradient == null) {
            for (int i = 0; i < deaths; i++) {
                if (i > 0) {
                    int j = i - 1;
                    logTerm += Math.log((b + tx - x + j) / (a + b + tx + j))
                            + Math.log((d + tx + j) / (g + 1 + d + tx + j));
                }
                sum += Math.exp(logTerm - anchor);
            }
            return anchor + Math.log(sum);
        }
        // weighted sum of the terms' log-gradients
        aliveGradient(a, b, g, d, x, n, gradient);
        double ga = aliveShare * gradient[0];
        double gb = aliveShare * gradient[1];
        double gg = aliveShare * gradient[2];
        double gd = aliveShare * gradient[3];
        double psiAb = Gamma.digamma(a + b);
        double psiGd = Gamma.digamma(g + d);
        double ta = Gamma.digamma(a + x) - Gamma.digamma(a + b + tx) - Gamma.digamma(a) + psiAb;
        double tb = Gamma.digamma(b + tx - x) - Gamma.digamma(a + b + tx) - Gamma.digamma(b) + psiAb;
        double tg = Gamma.digamma(g + 1) - Gamma.digamma(g + 1 + d + tx) - Gamma.digamma(g) + psiGd;
        double td = Gamma.digamma(d + tx) - Gamma.digamma(g + 1 + d + tx) - Gamma.digamma(d) + psiGd;
        for (int i = 0; i < deaths; i++) {
            if (i > 0) {
                int j = i - 1;
                double ab = a + b + tx + j;
                double bj = b + tx - x + j;
                double dj = d + tx + j;
                double gdj = g + 1 + d + tx + j;
                logTerm += Math.log(bj / ab) + Math.log(dj / gdj);
                ta -= 1 / ab;
                tb += 1 / bj - 1 / ab;
                tg -= 1 / gdj;
                td += 1 / dj - 1 / gdj;
            }
            double share = Math.exp(logTerm - anchor);
            sum += share;
            ga += share * ta;
            gb += share * tb;
            gg += share * tg;
            gd += share * td;
        }
        gradient[0] = ga / sum;
        gradient[1] = gb / sum;
        gradient[2] = gg / sum;
        gradient[3] = gd / sum;
        return anchor + Math.log(sum);
    }

    private static void aliveGradient(double a, double b, double g, double d, int x, int n, double[] gradient) {
        double psiAbn = Gamma.digamma(a + b + n);
        double psiAb = Gamma.digamma(a + b);
        double psiGdn = Gamma.digamma(g + d + n);
        double psiGd = Gamma.digamma(g + d);
        gradient[0] = Gamma.digamma(a + x) - psiAbn - Gamma.digamma(a) + psiAb;
        gradient[1] = Gamma.digamma(b + n - x) - psiAbn - Gamma.digamma(b) + psiAb;
        gradient[2] = psiGd - psiGdn;
        gradient[3] = Gamma.digamma(d + n) - psiGdn - Gamma.digamma(d) + psiGd;
    }

    private static void futurePeriods(int m) {
        if (m < 0) {
            throw InputChecks.outOfRange("futurePeriods", -1, "must be at least 0 but was " + m);
        }
    }

    private static double[] checkPatterns(int[] frequency, int[] recency, int[] periods, double[] weights) {
        InputChecks.required("frequency", frequency);
        InputChecks.required("recency", recency);
        InputChecks.required("periods", periods);
        InputChecks.sameLength("recency", recency.length, frequency.length);
        InputChecks.sameLength("periods", periods.length, frequency.length);
        if (weights != null) {
            InputChecks.sameLength("weight", weights.length, frequency.length);
        }
        double[] w = new double[frequency.length];
        for (int i = 0; i < frequency.length; i++) {
            discretePattern(frequency[i], recency[i], periods[i], i);
            w[i] = weights == null ? 1.0 : positive("weight", weights[i], i);
        }
        return w;
    }
}
