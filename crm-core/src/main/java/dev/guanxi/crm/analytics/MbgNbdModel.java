package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import java.util.Objects;
import org.hipparchus.special.Gamma;

/**
 * The MBG/NBD model (Batislam, Denizel and Filiztekin 2007): like BG/NBD, but a customer may also drop out at
 * time zero, right after the first purchase, so that customers without repeat purchases can be inactive too.
 * Purchase rate λ ~ Gamma(r, α), dropout probability p ~ Beta(a, b). On the CDNOW sample (weeks) BTYDplus
 * reports r = 0.525, α = 6.183, a = 0.891, b = 1.614.
 *
 * <p>Log-space throughout; finite for every valid input. Immutable and thread-safe; predictions do not
 * allocate.
 */
@Beta
public final class MbgNbdModel implements RepeatPurchaseModel {
    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final double logLikelihood;

    private MbgNbdModel(double r, double alpha, double a, double b, double logLikelihood) {
        this.r = ModelParameters.positive("r", r);
        this.alpha = ModelParameters.positive("alpha", alpha);
        this.a = ModelParameters.positive("a", a);
        this.b = ModelParameters.positive("b", b);
        this.logLikelihood = logLikelihood;
    }

    /**
     * A model with given parameters.
     *
     * @param r shape of the purchase-rate gamma
     * @param alpha scale of the purchase-rate gamma
     * @param a first shape of the dropout beta
     * @param b second shape of the dropout beta
     * @return the model; its {@link #logLikelihood()} is {@code NaN}
     * @throws ValidationException naming the parameter if one is not a finite positive number
     */
    public static MbgNbdModel of(double r, double alpha, double a, double b) {
        return new MbgNbdModel(r, alpha, a, b, Double.NaN);
    }

    /**
     * Fits the model by maximum likelihood to customer summaries (compressed to weighted patterns first).
     *
     * @param summaries the calibration summaries
     * @return the fit, which says whether it converged
     */
    public static ModelFit<MbgNbdModel> fit(CustomerSummaries summaries) {
        return fit(PurchasePatterns.of(summaries), FitOptions.defaults());
    }

    /**
     * Fits the model by maximum likelihood to weighted patterns: BFGS on the logarithms of r, α, a, b from
     * (1, 1, 1, 1) with the analytic gradient; O(p + d) per evaluation for p patterns and d distinct
     * frequencies, fixed order, bit-for-bit reproducible.
     *
     * @param patterns the weighted patterns
     * @param options the optimiser's limits
     * @return the fit, which says whether it converged
     */
    public static ModelFit<MbgNbdModel> fit(PurchasePatterns patterns, FitOptions options) {
        Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(options, "options");
        double scale = Math.max(patterns.totalWeight(), 1e-300);
        double[] classWeight = new double[patterns.distinctX.length];
        double[] classC4 = new double[patterns.distinctX.length];
        for (int i = 0; i < patterns.x.length; i++) {
            classWeight[patterns.xClass[i]] += patterns.weight[i];
        }
        LogSpaceBfgs.Objective objective = (theta, gradient) -> {
            double r = Math.exp(theta[0]);
            double alpha = Math.exp(theta[1]);
            double a = Math.exp(theta[2]);
            double b = Math.exp(theta[3]);
            double logAlpha = Math.log(alpha);
            double lgR = Gamma.logGamma(r);
            double psiR = Gamma.digamma(r);
            double lgAB = Gamma.logGamma(a + b);
            double psiAB = Gamma.digamma(a + b);
            double lgB = Gamma.logGamma(b);
            double psiB = Gamma.digamma(b);
            double logA = Math.log(a);
            double value = 0;
            double gr = 0;
            double ga = 0;
            double gb = 0;
            double[] xs = patterns.distinctX;
            for (int c = 0; c < xs.length; c++) {
                double x = xs[c];
                double w = classWeight[c];
                double a1 = Gamma.logGamma(r + x) - lgR + r * logAlpha;
                double a2 = lgAB + Gamma.logGamma(b + x + 1) - lgB - Gamma.logGamma(a + b + x + 1);
                classC4[c] = logA - Math.log(b + x);
                value += w * (a1 + a2);
                double psiABX = Gamma.digamma(a + b + x + 1);
                gr += w * (Gamma.digamma(r + x) - psiR + logAlpha);
                ga += w * (psiAB - psiABX);
                gb += w * (psiAB + Gamma.digamma(b + x + 1) - psiB - psiABX);
            }
            double galpha = r / alpha * patterns.totalWeight();
            for (int i = 0; i < patterns.x.length; i++) {
                double w = patterns.weight[i];
                double x = patterns.x[i];
                double rx = r + x;
                double at = alpha + patterns.age[i];
                double atx = alpha + patterns.tx[i];
                double logT = Math.log(at);
                double logTx = Math.log(atx);
                double a3 = -rx * logT;
                double a4 = classC4[patterns.xClass[i]] - rx * logTx;
                double w3;
                double w4;
                double lse;
                if (a3 >= a4) {
                    double e = Math.exp(a4 - a3);
                    lse = a3 + Math.log1p(e);
                    w4 = e / (1 + e);
                    w3 = 1 - w4;
                } else {
                    double e = Math.exp(a3 - a4);
                    lse = a4 + Math.log1p(e);
                    w3 = e / (1 + e);
                    w4 = 1 - w3;
                }
                value += w * lse;
                gr -= w * (w3 * logT + w4 * logTx);
                galpha -= w * rx * (w3 / at + w4 / atx);
                ga += w * w4 / a;
                gb -= w * w4 / (b + x);
            }
            double inv = -1 / scale;
            gradient[0] = gr * r * inv;
            gradient[1] = galpha * alpha * inv;
            gradient[2] = ga * a * inv;
            gradient[3] = gb * b * inv;
            return value * inv;
        };
        LogSpaceBfgs.Result result = LogSpaceBfgs.minimize(objective, new double[4], options);
        double[] t = result.theta();
        double ll = -result.value() * scale;
        MbgNbdModel model = new MbgNbdModel(Math.exp(t[0]), Math.exp(t[1]), Math.exp(t[2]), Math.exp(t[3]), ll);
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

    /** @return r, the shape of the purchase-rate gamma */
    public double r() {
        return r;
    }

    /** @return α, the scale of the purchase-rate gamma */
    public double alpha() {
        return alpha;
    }

    /** @return a, the first shape of the dropout beta */
    public double a() {
        return a;
    }

    /** @return b, the second shape of the dropout beta */
    public double b() {
        return b;
    }

    /**
     * The log-likelihood of one customer's summary.
     *
     * @param x frequency
     * @param tx recency
     * @param age T
     * @return ln L(r, α, a, b | x, t_x, T)
     * @throws ValidationException naming the field if the summary is invalid
     */
    public double logLikelihood(double x, double tx, double age) {
        InputChecks.check(x, tx, age);
        double a1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
        double a2 =
                Gamma.logGamma(a + b) + Gamma.logGamma(b + x + 1) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x + 1);
        double a3 = -(r + x) * Math.log(alpha + age);
        double a4 = Math.log(a) - Math.log(b + x) - (r + x) * Math.log(alpha + tx);
        return a1 + a2 + Hypergeometric.logAddExp(a3, a4);
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
        double logOdds = Math.log(a) - Math.log(b + x) + (r + x) * Math.log1p((age - tx) / (alpha + tx));
        return Hypergeometric.logistic(logOdds);
    }

    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        InputChecks.horizon("t", t);
        double alive = probabilityAlive(x, tx, age);
        if (t == 0 || alive == 0) {
            return 0;
        }
        // (a+b+x)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; z)], Euler-transformed
        double bigB = a - 1;
        double bigC = a + b + x;
        double z = t / (alpha + age + t);
        double logOneMinusZ = -Math.log1p(t / (alpha + age));
        double g = Hypergeometric.reducedSeries(a + b - r, bigB, bigC, z);
        double value = -bigC * (Hypergeometric.expm1Ratio(bigB, logOneMinusZ) + Math.exp(bigB * logOneMinusZ) * g);
        return alive * Math.max(0, value);
    }

    @Override
    public double expectedPurchases(double t) {
        InputChecks.horizon("t", t);
        if (t == 0) {
            return 0;
        }
        // b/(a-1) [1 - (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))], Euler-transformed
        double bigB = a - 1;
        double z = t / (alpha + t);
        double logOneMinusZ = -Math.log1p(t / alpha);
        double g = Hypergeometric.reducedSeries(a + b - r, bigB, a + b, z);
        double value = -b * (Hypergeometric.expm1Ratio(bigB, logOneMinusZ) + Math.exp(bigB * logOneMinusZ) * g);
        return Math.max(0, value);
    }

    @Override
    public String toString() {
        return "MbgNbdModel[r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b + "]";
    }
}
