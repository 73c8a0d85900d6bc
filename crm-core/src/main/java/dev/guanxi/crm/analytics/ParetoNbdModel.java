package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import java.util.Objects;
import org.hipparchus.special.Gamma;

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987): while alive, a customer buys as a Poisson
 * process with rate λ ~ Gamma(r, α); the lifetime is exponential with rate μ ~ Gamma(s, β). On the CDNOW
 * sample (weeks) the fit reported by Fader, Hardie and Lee (2005) is r = 0.553, α = 10.578, s = 0.606, β =
 * 11.669, log-likelihood −9595.0; β is poorly identified (the likelihood is flat along a ridge), so compare
 * log-likelihoods and predictions rather than β.
 *
 * <p>The likelihood is evaluated in log-space in the form of Fader and Hardie's note "A Note on Deriving the
 * Pareto/NBD Model and Related Expressions" (2005) with the Gauss hypergeometric function 2F1(r+s+x, ·;
 * r+s+x+1; |α−β|/(max(α,β)+t)), as in lifetimes' {@code ParetoNBDFitter} and BTYD's {@code pnbd.LL}: the
 * argument is always in [0, 1), and the series is summed after Euler's transformation, with positive terms
 * only (no cancellation). Convergence is geometric in that argument: when one of α, β is many times the other
 * and t is small it needs many terms (capped at two million).
 *
 * <p>Immutable and thread-safe; predictions do not allocate.
 */
@Beta
public final class ParetoNbdModel implements RepeatPurchaseModel {
    private final double r;
    private final double alpha;
    private final double s;
    private final double beta;
    private final double logLikelihood;

    private ParetoNbdModel(double r, double alpha, double s, double beta, double logLikelihood) {
        this.r = ModelParameters.positive("r", r);
        this.alpha = ModelParameters.positive("alpha", alpha);
        this.s = ModelParameters.positive("s", s);
        this.beta = ModelParameters.positive("beta", beta);
        this.logLikelihood = logLikelihood;
    }

    /**
     * A model with given parameters.
     *
     * @param r shape of the purchase-rate gamma
     * @param alpha scale of the purchase-rate gamma
     * @param s shape of the dropout-rate gamma
     * @param beta scale of the dropout-rate gamma
     * @return the model; its {@link #logLikelihood()} is {@code NaN}
     * @throws ValidationException naming the parameter if one is not a finite positive number
     */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta) {
        return new ParetoNbdModel(r, alpha, s, beta, Double.NaN);
    }

    /**
     * Fits the model by maximum likelihood to customer summaries (compressed to weighted patterns first).
     *
     * @param summaries the calibration summaries
     * @return the fit, which says whether it converged
     */
    public static ModelFit<ParetoNbdModel> fit(CustomerSummaries summaries) {
        return fit(PurchasePatterns.of(summaries), FitOptions.defaults());
    }

    /**
     * Fits the model by maximum likelihood to weighted patterns: BFGS on the logarithms of r, α, s, β from
     * (1, 1, 1, 1) with central-difference gradients (9 likelihood evaluations per gradient). Each evaluation
     * is O(p·k) for p patterns and k series terms, in a fixed order; the result is bit-for-bit reproducible.
     *
     * @param patterns the weighted patterns
     * @param options the optimiser's limits
     * @return the fit, which says whether it converged
     */
    public static ModelFit<ParetoNbdModel> fit(PurchasePatterns patterns, FitOptions options) {
        Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(options, "options");
        double scale = Math.max(patterns.totalWeight(), 1e-300);
        double[] lgx = new double[patterns.distinctX.length];
        java.util.function.ToDoubleFunction<double[]> f = theta -> {
            double r = Math.exp(theta[0]);
            double alpha = Math.exp(theta[1]);
            double s = Math.exp(theta[2]);
            double beta = Math.exp(theta[3]);
            double lgR = Gamma.logGamma(r);
            for (int c = 0; c < lgx.length; c++) {
                lgx[c] = Gamma.logGamma(r + patterns.distinctX[c]) - lgR;
            }
            double base = r * Math.log(alpha) + s * Math.log(beta);
            double sum = 0;
            for (int i = 0; i < patterns.x.length; i++) {
                double ll = lgx[patterns.xClass[i]]
                        + base
                        + logBracket(r, alpha, s, beta, patterns.x[i], patterns.tx[i], patterns.age[i]);
                sum += patterns.weight[i] * ll;
            }
            return -sum / scale;
        };
        LogSpaceBfgs.Result result = LogSpaceBfgs.minimize(LogSpaceBfgs.numericGradient(f), new double[4], options);
        double[] t = result.theta();
        double ll = -result.value() * scale;
        ParetoNbdModel model = new ParetoNbdModel(Math.exp(t[0]), Math.exp(t[1]), Math.exp(t[2]), Math.exp(t[3]), ll);
        boolean converged = result.converged() && Double.isFinite(ll);
        return new ModelFit<>(
                model,
                ll,
                result.iterations(),
                result.evaluations(),
                converged,
                result.gradientNorm(),
                patterns.size());
    }

    /** ln of the first likelihood term, ln[(α+T)^-(r+x) (β+T)^-s]. */
    private static double logFirst(double r, double alpha, double s, double beta, double x, double age) {
        return -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
    }

    /** ln[s/(r+s+x) A0]: the second likelihood term, the probability of dying between t_x and T. */
    private static double logSecond(double r, double alpha, double s, double beta, double x, double tx, double age) {
        if (tx == age) {
            return Double.NEGATIVE_INFINITY;
        }
        double rsx = r + s + x;
        double max;
        double b;
        if (alpha >= beta) {
            max = alpha;
            b = s + 1;
        } else {
            max = beta;
            b = r + x;
        }
        double d = Math.abs(alpha - beta);
        double atTx = Hypergeometric.logSeriesAPlusOne(rsx, b, d / (max + tx)) - rsx * Math.log(max + tx);
        double atT = Hypergeometric.logSeriesAPlusOne(rsx, b, d / (max + age)) - rsx * Math.log(max + age);
        double diff = Math.min(0, atT - atTx);
        double logA0 = diff == 0 ? Double.NEGATIVE_INFINITY : atTx + Math.log(-Math.expm1(diff));
        return Math.log(s) - Math.log(rsx) + logA0;
    }

    private static double logBracket(double r, double alpha, double s, double beta, double x, double tx, double age) {
        return Hypergeometric.logAddExp(logFirst(r, alpha, s, beta, x, age), logSecond(r, alpha, s, beta, x, tx, age));
    }

    /** @return r, the shape of the purchase-rate gamma */
    public double r() {
        return r;
    }

    /** @return α, the scale of the purchase-rate gamma */
    public double alpha() {
        return alpha;
    }

    /** @return s, the shape of the dropout-rate gamma */
    public double s() {
        return s;
    }

    /** @return β, the scale of the dropout-rate gamma */
    public double beta() {
        return beta;
    }

    /**
     * The log-likelihood of one customer's summary.
     *
     * @param x frequency
     * @param tx recency
     * @param age T
     * @return ln L(r, α, s, β | x, t_x, T)
     * @throws ValidationException naming the field if the summary is invalid
     */
    public double logLikelihood(double x, double tx, double age) {
        InputChecks.check(x, tx, age);
        return Gamma.logGamma(r + x)
                - Gamma.logGamma(r)
                + r * Math.log(alpha)
                + s * Math.log(beta)
                + logBracket(r, alpha, s, beta, x, tx, age);
    }

    /**
     * The total log-likelihood of customer summaries at this model's parameters, summed in row order. O(n).
     *
     * @param summaries the customers
     * @return the sum of the individual log-likelihoods
     */
    public double logLikelihood(CustomerSummaries summaries) {
        double sum = 0;
        for (int i = 0; i < summaries.size(); i++) {
            sum += logLikelihood(summaries.frequency[i], summaries.recency[i], summaries.age[i]);
        }
        return sum;
    }

    @Override
    public double logLikelihood() {
        return logLikelihood;
    }

    @Override
    public double probabilityAlive(double x, double tx, double age) {
        InputChecks.check(x, tx, age);
        double second = logSecond(r, alpha, s, beta, x, tx, age);
        if (second == Double.NEGATIVE_INFINITY) {
            return 1;
        }
        return Hypergeometric.logistic(second - logFirst(r, alpha, s, beta, x, age));
    }

    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        InputChecks.horizon("t", t);
        double alive = probabilityAlive(x, tx, age);
        if (t == 0 || alive == 0) {
            return 0;
        }
        // (r+x)(β+T)/(α+T) [1 - ((β+T)/(β+T+t))^(s-1)]/(s-1), stable at s = 1
        double ratio = -Hypergeometric.expm1Ratio(s - 1, -Math.log1p(t / (beta + age)));
        return alive * (r + x) * (beta + age) / (alpha + age) * ratio;
    }

    @Override
    public double expectedPurchases(double t) {
        InputChecks.horizon("t", t);
        if (t == 0) {
            return 0;
        }
        return r * beta / alpha * -Hypergeometric.expm1Ratio(s - 1, -Math.log1p(t / beta));
    }

    /**
     * P(X(t) = n) for a randomly chosen new customer (Fader, Hardie and Lee, "Deriving an Expression for P(X(t)
     * = x) Under the Pareto/NBD Model", 2006). The second part is a difference of positive terms: for large n
     * (hundreds) it loses relative precision.
     *
     * @param n the number of purchases, at least 0
     * @param t the duration, at least 0
     * @return the probability, clamped to [0, 1]
     * @throws ValidationException naming {@code n} or {@code t} if negative or not finite
     */
    public double probabilityOfPurchases(int n, double t) {
        if (n < 0) {
            throw InputChecks.fail("n", "n must be at least 0: " + n);
        }
        InputChecks.horizon("t", t);
        if (t == 0) {
            return n == 0 ? 1 : 0;
        }
        double x = n;
        double first = Math.exp(Gamma.logGamma(r + x)
                - Gamma.logGamma(r)
                - Gamma.logGamma(x + 1)
                + r * (Math.log(alpha) - Math.log(alpha + t))
                + x * (Math.log(t) - Math.log(alpha + t))
                + s * (Math.log(beta) - Math.log(beta + t)));
        double rs = r + s;
        double c = rs + x + 1;
        double max = Math.max(alpha, beta);
        double b = alpha >= beta ? s + 1 : r + x;
        double d = Math.abs(alpha - beta);
        double logB1 = Hypergeometric.logSeries(rs, b, c, d / max) - rs * Math.log(max);
        double lgRs = Gamma.logGamma(rs);
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double logTerm = Gamma.logGamma(rs + i)
                    - lgRs
                    - Gamma.logGamma(i + 1.0)
                    + i * Math.log(t)
                    + Hypergeometric.logSeries(rs + i, b, c, d / (max + t))
                    - (rs + i) * Math.log(max + t);
            sum += Math.exp(logTerm - logB1);
        }
        double bracket = Math.max(0, 1 - sum);
        double logPrefix = r * Math.log(alpha)
                + s * Math.log(beta)
                + BgNbdModel.logBeta(r + x, s + 1)
                - BgNbdModel.logBeta(r, s)
                + logB1;
        return Math.min(1, Math.max(0, first + Math.exp(logPrefix) * bracket));
    }

    @Override
    public String toString() {
        return "ParetoNbdModel[r=" + r + ", alpha=" + alpha + ", s=" + s + ", beta=" + beta + "]";
    }
}
