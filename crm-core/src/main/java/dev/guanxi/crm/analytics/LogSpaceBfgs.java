package dev.guanxi.crm.analytics;

import java.util.function.ToDoubleFunction;

/**
 * The one optimiser of the analytics package: BFGS with a backtracking (Armijo, quadratic-interpolation) line
 * search on the logarithms of a model's (positive) parameters. The objective supplies its gradient, either
 * analytically or through {@link #numericGradient(ToDoubleFunction)} (central differences).
 *
 * <p>Objectives are the negative <em>mean</em> log-likelihood per observation, so that the tolerance of {@link
 * FitOptions} does not depend on the size of the data. No step moves a log-parameter by more than 5.
 *
 * <p>Stopping rules, in order:
 *
 * <ul>
 *   <li>the largest gradient component is below {@link FitOptions#gradientTolerance()}: a candidate minimum;
 *   <li>no more progress is possible in double precision and the largest gradient component is below 1000 times
 *       the tolerance: a candidate minimum;
 *   <li>a log-parameter leaves ±{@link #LIMIT} (a parameter runs to 0 or infinity), no step decreases the
 *       objective even from the steepest-descent direction, or the iteration limit is reached: not converged.
 * </ul>
 *
 * A candidate minimum counts as converged only if it is a proper interior minimum: every log-parameter lies
 * within ±{@link #PROPER_LIMIT}, and the finite-difference Hessian (of the gradient) is positive definite with
 * every Cholesky pivot at least {@link #MIN_PIVOT}. This tells a maximum-likelihood estimate from a supremum
 * approached at the edge of the parameter space, where the gradient also vanishes.
 *
 * <p>Stateless and thread-safe; fixed operation order, so the same objective gives the same iterates, bit for
 * bit.
 */
final class LogSpaceBfgs {
    /** A smooth function to minimise; returns its value and writes its gradient (or returns a non-finite value). */
    @FunctionalInterface
    interface Objective {
        double evaluate(double[] theta, double[] gradient);
    }

    /**
     * The outcome: where the optimiser stopped, the objective and the largest gradient component there, the
     * counts, and whether it is a proper minimum.
     */
    record Result(
            double[] theta, double value, double gradientNorm, int iterations, int evaluations, boolean converged) {}

    /** The bound on |log parameter| beyond which a fit is declared diverging (e^30 ≈ 1e13). */
    static final double LIMIT = 30.0;

    /**
     * The bound on |log parameter| for a converged fit (e^15 ≈ 3.3e6): beyond it the likelihood is taken to rise
     * towards a supremum on the edge of the parameter space (a degenerate mixing distribution).
     */
    static final double PROPER_LIMIT = 15.0;

    /** The smallest Cholesky pivot of the Hessian of the mean objective at a proper minimum. */
    static final double MIN_PIVOT = 1e-6;

    /** The step of the finite-difference Hessian in each log-parameter. */
    private static final double HESSIAN_STEP = 1e-4;

    /** The step of the central-difference gradient in each log-parameter. */
    private static final double GRADIENT_STEP = 1e-5;

    private LogSpaceBfgs() {}

    /**
     * Minimises {@code objective} from {@code start}.
     *
     * @param objective the negative mean log-likelihood in the log-parameters, with its gradient
     * @param start the starting log-parameters (not modified)
     * @param options the iteration limit and gradient tolerance
     * @return where it stopped and whether that is a proper minimum
     */
    static Result minimize(Objective objective, double[] start, FitOptions options) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] d = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        double[] hy = new double[n];
        double[][] h = identity(n);
        int evaluations = 1;
        double f = objective.evaluate(x, g);
        if (!Double.isFinite(f) || !allFinite(g)) {
            return new Result(x, f, Double.NaN, 0, evaluations, false);
        }
        int iteration = 0;
        boolean candidate = norm(g) < options.gradientTolerance();
        boolean diverged = false;
        boolean resetOnce = false;
        while (!candidate && iteration < options.maxIterations()) {
            iteration++;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum -= h[i][j] * g[j];
                }
                d[i] = sum;
            }
            double slope = dot(d, g);
            if (!(slope < 0)) { // not a descent direction: restart from steepest descent
                h = identity(n);
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = dot(d, g);
            }
            double step = 1;
            double maxStep = 0;
            for (int i = 0; i < n; i++) {
                maxStep = Math.max(maxStep, Math.abs(d[i]));
            }
            if (maxStep > 5) { // at most 5 in any log-parameter per step
                step = 5 / maxStep;
            }
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int attempt = 0; attempt < 60; attempt++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = objective.evaluate(xNew, gNew);
                evaluations++;
                if (Double.isFinite(fNew) && allFinite(gNew) && fNew <= f + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                if (Double.isFinite(fNew)) { // quadratic interpolation, kept within [0.1, 0.5] of the step
                    double denominator = 2 * (fNew - f - slope * step);
                    double next = denominator > 0 ? -slope * step * step / denominator : 0.5 * step;
                    step = Math.max(0.1 * step, Math.min(0.5 * step, next));
                } else {
                    step *= 0.25;
                }
            }
            if (!accepted) {
                if (resetOnce) { // not even the steepest descent decreases f
                    candidate = norm(g) < 1e3 * options.gradientTolerance();
                    break;
                }
                resetOnce = true;
                h = identity(n);
                continue;
            }
            double sy = 0;
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
                sy += s[i] * y[i];
            }
            double fOld = f;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            f = fNew;
            if (maxAbs(x) > LIMIT) {
                diverged = true;
                break;
            }
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                updateInverse(h, s, y, hy, sy);
            }
            candidate = norm(g) < options.gradientTolerance();
            if (!candidate && fOld - f <= 1e-15 * Math.abs(f) && norm(g) < 1e3 * options.gradientTolerance()) {
                candidate = true; // no more progress is possible in double precision
            }
        }
        boolean converged = false;
        if (candidate && !diverged && maxAbs(x) <= PROPER_LIMIT) {
            converged = isProperMinimum(objective, x);
            evaluations += 2 * n;
        }
        return new Result(x, f, norm(g), iteration, evaluations, converged);
    }

    /**
     * Says whether the finite-difference Hessian of {@code objective} at {@code theta} (from its gradient) is
     * positive definite with every Cholesky pivot at least {@link #MIN_PIVOT}.
     */
    static boolean isProperMinimum(Objective objective, double[] theta) {
        int k = theta.length;
        double[][] hessian = new double[k][k];
        double[] plus = new double[k];
        double[] minus = new double[k];
        double[] shifted = theta.clone();
        for (int i = 0; i < k; i++) {
            shifted[i] = theta[i] + HESSIAN_STEP;
            double fPlus = objective.evaluate(shifted, plus);
            shifted[i] = theta[i] - HESSIAN_STEP;
            double fMinus = objective.evaluate(shifted, minus);
            shifted[i] = theta[i];
            if (!Double.isFinite(fPlus) || !Double.isFinite(fMinus) || !allFinite(plus) || !allFinite(minus)) {
                return false;
            }
            for (int j = 0; j < k; j++) {
                hessian[i][j] = (plus[j] - minus[j]) / (2 * HESSIAN_STEP);
            }
        }
        // Cholesky of the symmetrised Hessian
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0.5 * (hessian[i][j] + hessian[j][i]);
                for (int m = 0; m < j; m++) {
                    sum -= l[i][m] * l[j][m];
                }
                if (i == j) {
                    if (!(sum >= MIN_PIVOT)) {
                        return false;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return true;
    }

    /**
     * An objective whose gradient is the central difference (step 1e-5 in each log-parameter, fixed order) of a
     * value-only function, for models without an analytic gradient.
     *
     * @param f the function of the log-parameters
     * @return the objective
     */
    static Objective numericGradient(ToDoubleFunction<double[]> f) {
        return (theta, gradient) -> {
            double[] probe = theta.clone();
            double value = f.applyAsDouble(probe);
            for (int i = 0; i < theta.length; i++) {
                probe[i] = theta[i] + GRADIENT_STEP;
                double up = f.applyAsDouble(probe);
                probe[i] = theta[i] - GRADIENT_STEP;
                double down = f.applyAsDouble(probe);
                probe[i] = theta[i];
                gradient[i] = (up - down) / (2 * GRADIENT_STEP);
            }
            return value;
        };
    }

    private static void updateInverse(double[][] h, double[] s, double[] y, double[] hy, double sy) {
        int n = s.length;
        double rho = 1 / sy;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += h[i][j] * y[j];
            }
            hy[i] = sum;
        }
        double yhy = dot(y, hy);
        // H+ = H - rho (Hy s' + s y'H) + (rho^2 y'Hy + rho) s s'
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
    }

    private static double[][] identity(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
        }
        return h;
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double value : v) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }

    /** The largest absolute component, or NaN if any component is NaN. */
    static double norm(double[] g) {
        double max = 0;
        for (double v : g) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static boolean allFinite(double[] v) {
        for (double value : v) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }
}
