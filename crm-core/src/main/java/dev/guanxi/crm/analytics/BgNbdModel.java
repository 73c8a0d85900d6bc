package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import java.util.Objects;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005, "Counting Your Customers the Easy Way", Marketing Science
 * 24(2)): while alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase
 * the customer drops out with probability p ~ Beta(a, b). Parameters {@code r, α, a, b} in the time unit of
 * the summaries. On the CDNOW sample (weeks) the maximum-likelihood fit is r = 0.243, α = 4.414, a = 0.793,
 * b = 2.426 with log-likelihood −9582.4.
 *
 * <p>Everything is computed in log-space: predictions are finite for every valid input (e.g. x = 1000,
 * t_x = 10, T = 100 gives P(alive) = 0; huge α; x = 0). Invalid summaries throw {@link ValidationException}
 * naming {@code frequency}, {@code recency} or {@code T}. The hypergeometric series of the expectations
 * converge geometrically in t/(α+T+t): horizons of many times α + T cost more terms.
 *
 * <p>Immutable and thread-safe; predictions do not allocate.
 */
@Beta
public final class BgNbdModel implements RepeatPurchaseModel {
    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final double logLikelihood;

    private BgNbdModel(double r, double alpha, double a, double b, double logLikelihood) {
        this.r = ModelParameters.positive("r", r);
        this.alpha = ModelParameters.positive("alpha", alpha);
        this.a = ModelParameters.positive("a", a);
        this.b = ModelParameters.positive("b", b);
        this.logLikelihood = logLikelihood;
    }

    /**
     * A model with given parameters (e.g. published or previously fitted ones).
     *
     * @param r shape of the purchase-rate gamma
     * @param alpha scale of the purchase-rate gamma
     * @param a first shape of the dropout beta
     * @param b second shape of the dropout beta
     * @return the model; its {@link #logLikelihood()} is {@code NaN}
     * @throws ValidationException naming the parameter if one is not a finite positive number
     */
    public static BgNbdModel of(double r, double alpha, double a, double b) {
        return new BgNbdModel(r, alpha, a, b, Double.NaN);
    }

    /**
     * Fits the model by maximum likelihood to customer summaries (compressed to weighted patterns first).
     *
     * @param summaries the calibration summaries
     * @return the fit, which says whether it converged
     */
    public static ModelFit<BgNbdModel> fit(CustomerSummaries summaries) {
        return fit(PurchasePatterns.of(summaries), FitOptions.defaults());
    }

    /**
     * Fits the model by maximum likelihood to weighted patterns: BFGS on the logarithms of r, α, a, b from
     * (1, 1, 1, 1) with the analytic gradient. Each evaluation is O(p + d) for p patterns and d distinct
     * frequencies (the gamma and digamma terms are computed once per distinct x), in a fixed order, allocation
     * free; the result is bit-for-bit reproducible.
     *
     * @param patterns the weighted patterns
     * @param options the optimiser's limits
     * @return the fit, which says whether it converged
     */
    public static ModelFit<BgNbdModel> fit(PurchasePatterns patterns, FitOptions options) {
        Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(options, "options");
        Likelihood likelihood = new Likelihood(patterns, options.parallelism());
        LogSpaceBfgs.Result result = LogSpaceBfgs.minimize(likelihood, new double[4], options);
        double[] t = result.theta();
        double ll = -result.value() * likelihood.scale;
        BgNbdModel model = new BgNbdModel(Math.exp(t[0]), Math.exp(t[1]), Math.exp(t[2]), Math.exp(t[3]), ll);
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

    /** Patterns per chunk of a likelihood evaluation (fixed, so the sums do not depend on the thread count). */
    private static final int CHUNK = 8192;

    /** The negative mean log-likelihood and its gradient in the log-parameters. */
    private static final class Likelihood implements LogSpaceBfgs.Objective {
        private final PurchasePatterns p;
        private final double scale;
        private final double[] classWeight;
        private final double[] classTerm;
        private final double[] classC4;
        private final double[] classInverseB;
        private final double[] logAge;
        private final double[] inverseAge;
        private final int parallelism;
        private final int chunks;
        /** Per chunk: value, d/dr, d/dalpha, dead weight, d/db partial sums. */
        private final double[] partial;

        Likelihood(PurchasePatterns patterns, int parallelism) {
            this.p = patterns;
            this.parallelism = parallelism;
            this.chunks = Math.max(1, (patterns.x.length + CHUNK - 1) / CHUNK);
            this.partial = new double[chunks * 5];
            this.scale = Math.max(patterns.totalWeight(), 1e-300);
            int d = patterns.distinctX.length;
            this.classWeight = new double[d];
            this.classTerm = new double[d];
            this.classC4 = new double[d];
            this.classInverseB = new double[d];
            this.logAge = new double[patterns.distinctAge.length];
            this.inverseAge = new double[patterns.distinctAge.length];
            for (int i = 0; i < patterns.x.length; i++) {
                classWeight[patterns.xClass[i]] += patterns.weight[i];
            }
        }

        @Override
        public double evaluate(double[] theta, double[] gradient) {
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
            double[] xs = p.distinctX;
            for (int c = 0; c < xs.length; c++) {
                double x = xs[c];
                double w = classWeight[c];
                double a1 = Gamma.logGamma(r + x) - lgR + r * logAlpha;
                double a2 = lgAB + Gamma.logGamma(b + x) - lgB - Gamma.logGamma(a + b + x);
                classTerm[c] = a1 + a2;
                classC4[c] = x > 0 ? logA - Math.log(b + x - 1) : Double.NEGATIVE_INFINITY;
                classInverseB[c] = x > 0 ? 1 / (b + x - 1) : 0;
                value += w * (a1 + a2);
                double psiABX = Gamma.digamma(a + b + x);
                gr += w * (Gamma.digamma(r + x) - psiR + logAlpha);
                ga += w * (psiAB - psiABX);
                gb += w * (psiAB + Gamma.digamma(b + x) - psiB - psiABX);
            }
            double galpha = r / alpha * p.totalWeight();
            double deadWeight = 0;
            double[] ages = p.distinctAge;
            for (int c = 0; c < ages.length; c++) {
                logAge[c] = Math.log(alpha + ages[c]);
                inverseAge[c] = 1 / (alpha + ages[c]);
            }
            if (parallelism > 1 && chunks > 1) {
                java.util.stream.IntStream.range(0, chunks).parallel().forEach(k -> accumulate(k, r, alpha));
            } else {
                for (int k = 0; k < chunks; k++) {
                    accumulate(k, r, alpha);
                }
            }
            // Summed in chunk order: the same bits whatever the parallelism.
            for (int k = 0; k < chunks; k++) {
                value += partial[5 * k];
                gr += partial[5 * k + 1];
                galpha += partial[5 * k + 2];
                deadWeight += partial[5 * k + 3];
                gb += partial[5 * k + 4];
            }
            ga += deadWeight / a;
            double inv = -1 / scale;
            gradient[0] = gr * r * inv;
            gradient[1] = galpha * alpha * inv;
            gradient[2] = ga * a * inv;
            gradient[3] = gb * b * inv;
            return value * inv;
        }

        /** The partial sums of chunk {@code k} of the patterns, into {@link #partial}. */
        private void accumulate(int k, double r, double alpha) {
            double value = 0;
            double gr = 0;
            double galpha = 0;
            double deadWeight = 0;
            double gb = 0;
            double[] px = p.x;
            double[] ptx = p.tx;
            double[] pw = p.weight;
            int[] cls = p.xClass;
            int[] ageCls = p.ageClass;
            int end = Math.min(px.length, (k + 1) * CHUNK);
            for (int i = k * CHUNK; i < end; i++) {
                double w = pw[i];
                double x = px[i];
                double rx = r + x;
                int ac = ageCls[i];
                double logT = logAge[ac];
                double a3 = -rx * logT;
                if (x > 0) {
                    double atx = alpha + ptx[i];
                    double logTx = Math.log(atx);
                    double a4 = classC4[cls[i]] - rx * logTx;
                    // log(1 + e) instead of log1p: e <= 1, and the absolute error (1e-16) is far below the
                    // ulp of the sum; log1p is not a JIT intrinsic and would double the cost of this loop
                    double w3;
                    double w4;
                    double lse;
                    if (a3 >= a4) {
                        double e = Math.exp(a4 - a3);
                        double onePlus = 1 + e;
                        lse = a3 + Math.log(onePlus);
                        w4 = e / onePlus;
                        w3 = 1 - w4;
                    } else {
                        double e = Math.exp(a3 - a4);
                        double onePlus = 1 + e;
                        lse = a4 + Math.log(onePlus);
                        w3 = e / onePlus;
                        w4 = 1 - w3;
                    }
                    value += w * lse;
                    gr -= w * (w3 * logT + w4 * logTx);
                    galpha -= w * rx * (w3 * inverseAge[ac] + w4 / atx);
                    deadWeight += w * w4;
                    gb -= w * w4 * classInverseB[cls[i]];
                } else {
                    value += w * a3;
                    gr -= w * logT;
                    galpha -= w * rx * inverseAge[ac];
                }
            }
            partial[5 * k] = value;
            partial[5 * k + 1] = gr;
            partial[5 * k + 2] = galpha;
            partial[5 * k + 3] = deadWeight;
            partial[5 * k + 4] = gb;
        }
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
     * The log-likelihood of one customer's summary (FHL 2005, eq. 6, in log-space).
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
        double a2 = Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x);
        double a3 = -(r + x) * Math.log(alpha + age);
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
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
        if (x == 0) {
            return 1;
        }
        // odds of having dropped out: a/(b+x-1) ((α+T)/(α+t_x))^(r+x)
        double logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((age - tx) / (alpha + tx));
        return Hypergeometric.logistic(logOdds);
    }

    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        InputChecks.horizon("t", t);
        double alive = probabilityAlive(x, tx, age);
        if (t == 0 || alive == 0) {
            return 0;
        }
        return alive * expectationIfAlive(t, x, age);
    }

    /**
     * (a+b+x-1)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)], z = t/(α+T+t), rewritten by
     * Euler's transformation as -C [expm1(B L)/B + (1-z)^B G] with B = a-1, C = a+b+x-1, L = ln(1-z) and G the
     * reduced series: no cancellation, no pole at a = 1, no overflow for large x.
     */
    double expectationIfAlive(double t, double x, double age) {
        double bigB = a - 1;
        double bigC = a + b + x - 1;
        double bigA = a + b - 1 - r;
        double z = t / (alpha + age + t);
        double logOneMinusZ = -Math.log1p(t / (alpha + age));
        double g = Hypergeometric.reducedSeries(bigA, bigB, bigC, z);
        double value = -bigC * (Hypergeometric.expm1Ratio(bigB, logOneMinusZ) + Math.exp(bigB * logOneMinusZ) * g);
        return Math.max(0, value);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The hypergeometric part of the expectation depends on x and T only: it is computed once per distinct
     * (x, T) pair (a hash table per call), so scoring costs about one P(alive) per customer. O(n) expected time,
     * O(d) extra memory for d distinct pairs.
     */
    @Override
    public void score(
            CustomerSummaries summaries, double horizon, double[] probabilityAlive, double[] expectedPurchases) {
        int n = summaries.size();
        if (probabilityAlive.length < n || expectedPurchases.length < n) {
            throw new IllegalArgumentException("the output arrays must hold " + n + " values");
        }
        InputChecks.horizon("t", horizon);
        double[] fx = summaries.frequency;
        double[] fr = summaries.recency;
        double[] ft = summaries.age;
        int capacity = 1024;
        long[] keyX = new long[capacity];
        long[] keyT = new long[capacity];
        double[] cached = new double[capacity];
        boolean[] used = new boolean[capacity];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double x = fx[i];
            double age = ft[i];
            double alive = probabilityAlive(x, fr[i], age);
            probabilityAlive[i] = alive;
            if (horizon == 0 || alive == 0) {
                expectedPurchases[i] = 0;
                continue;
            }
            long bx = Double.doubleToLongBits(x);
            long bt = Double.doubleToLongBits(age);
            int slot = slot(bx, bt, capacity);
            while (used[slot] && (keyX[slot] != bx || keyT[slot] != bt)) {
                slot = (slot + 1) & (capacity - 1);
            }
            if (!used[slot]) {
                if (2 * (count + 1) > capacity) { // grow and re-insert, then look the slot up again
                    int grown = capacity * 2;
                    long[] nx = new long[grown];
                    long[] nt = new long[grown];
                    double[] nc = new double[grown];
                    boolean[] nu = new boolean[grown];
                    for (int k = 0; k < capacity; k++) {
                        if (used[k]) {
                            int s = slot(keyX[k], keyT[k], grown);
                            while (nu[s]) {
                                s = (s + 1) & (grown - 1);
                            }
                            nx[s] = keyX[k];
                            nt[s] = keyT[k];
                            nc[s] = cached[k];
                            nu[s] = true;
                        }
                    }
                    keyX = nx;
                    keyT = nt;
                    cached = nc;
                    used = nu;
                    capacity = grown;
                    slot = slot(bx, bt, capacity);
                    while (used[slot]) {
                        slot = (slot + 1) & (capacity - 1);
                    }
                }
                keyX[slot] = bx;
                keyT[slot] = bt;
                cached[slot] = expectationIfAlive(horizon, x, age);
                used[slot] = true;
                count++;
            }
            expectedPurchases[i] = alive * cached[slot];
        }
    }

    private static int slot(long bx, long bt, int capacity) {
        return PurchasePatterns.mix(bx, bt, 0) & (capacity - 1);
    }

    @Override
    public double expectedPurchases(double t) {
        InputChecks.horizon("t", t);
        if (t == 0) {
            return 0;
        }
        return expectationIfAlive(t, 0, 0);
    }

    /**
     * P(X(t) = n): the probability that a randomly chosen new customer makes exactly {@code n} purchases in
     * {@code t} time units (FHL 2005, eq. 8; the sum over j &lt; n is the regularised incomplete beta function,
     * so there is no cancellation).
     *
     * @param n the number of purchases, at least 0
     * @param t the duration, at least 0
     * @return the probability
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
        double lnB = logBeta(a, b);
        double logP = Math.log(alpha) - Math.log(alpha + t);
        double logQ = Math.log(t) - Math.log(alpha + t);
        double first = Math.exp(logBeta(a, b + n)
                - lnB
                + Gamma.logGamma(r + n)
                - Gamma.logGamma(r)
                - Gamma.logGamma(n + 1.0)
                + r * logP
                + n * logQ);
        if (n == 0) {
            return first;
        }
        double tail = org.hipparchus.special.Beta.regularizedBeta(t / (alpha + t), n, r);
        double second = Math.exp(logBeta(a + 1, b + n - 1) - lnB) * tail;
        return Math.min(1, first + second);
    }

    static double logBeta(double p, double q) {
        return Gamma.logGamma(p) + Gamma.logGamma(q) - Gamma.logGamma(p + q);
    }

    @Override
    public String toString() {
        return "BgNbdModel[r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b + "]";
    }
}
