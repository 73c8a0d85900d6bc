package dev.guanxi.crm.analytics;

import java.util.Arrays;

/**
 * A small, deterministic BFGS minimiser with analytic gradients, used to fit the spend and discrete-time models
 * on the logarithms of their (positive) parameters. Backtracking Armijo line search; the inverse-Hessian
 * approximation is reset to the identity when a step fails to decrease the objective or the curvature condition
 * does not hold.
 *
 * <p>Stopping rules, in order: the largest gradient component is at most {@code 1e-8 · max(1, |f|)}
 * (converged); no step along the search direction or the steepest-descent direction decreases {@code f} any more
 * (converged only if the largest gradient component is at most {@code 1e-5 · max(1, |f|)}); a log-parameter
 * leaves {@code [-LIMIT, LIMIT]}, that is a parameter runs to 0 or infinity (not converged); the iteration limit
 * (not converged). A gradient stop is then confirmed as a proper interior minimum (see
 * {@link #minimize(Objective, double[], double)}).
 *
 * <p>Stateless and thread-safe; the same input gives the same bits.
 */
final class LogSpaceBfgs {
    /** The bound on |log parameter| beyond which a fit is declared diverging (e^30 ≈ 1e13). */
    static final double LIMIT = 30.0;

    /**
     * The bound on |log parameter| for a converged fit (e^15 ≈ 3.3e6): beyond it the likelihood is taken to rise
     * towards a supremum on the edge of the parameter space (a degenerate mixing distribution).
     */
    static final double PROPER_LIMIT = 15.0;

    /** The smallest Cholesky pivot of the Hessian per observation at a proper minimum. */
    static final double MIN_PIVOT = 1e-6;

    private static final int MAX_ITERATIONS = 1000;
    private static final double STRICT = 1e-8;
    private static final double LOOSE = 1e-5;

    private LogSpaceBfgs() {}

    /** An objective: returns f(θ) and writes ∇f(θ) into {@code gradient}; may return +∞ or NaN outside its domain. */
    @FunctionalInterface
    interface Objective {
        double evaluate(double[] theta, double[] gradient);
    }

    /** The outcome of a minimisation. */
    record Result(double[] theta, double value, int iterations, boolean converged) {}

    /**
     * Minimises {@code objective} from {@code start}. A stopping point that meets a gradient criterion counts as
     * converged only if it is a proper minimum: the finite-difference Hessian (of the analytic gradient) divided by
     * {@code curvatureScale} (the number of observations) is positive definite with every Cholesky pivot at least
     * {@link #MIN_PIVOT}, and every log-parameter lies within ±{@link #PROPER_LIMIT}. This tells a
     * maximum-likelihood estimate from a supremum approached at the edge of the parameter space, where the
     * gradient also vanishes.
     */
    static Result minimize(Objective objective, double[] start, double curvatureScale) {
        Result result = minimize(objective, start);
        if (!result.converged()) {
            return result;
        }
        boolean proper =
                maxAbs(result.theta()) <= PROPER_LIMIT && isProperMinimum(objective, result.theta(), curvatureScale);
        return new Result(result.theta(), result.value(), result.iterations(), proper);
    }

    static boolean isProperMinimum(Objective objective, double[] theta, double curvatureScale) {
        int k = theta.length;
        double[][] hessian = new double[k][k];
        double[] plus = new double[k];
        double[] minus = new double[k];
        double[] shifted = theta.clone();
        double step = 1e-5;
        for (int i = 0; i < k; i++) {
            shifted[i] = theta[i] + step;
            double fPlus = objective.evaluate(shifted, plus);
            shifted[i] = theta[i] - step;
            double fMinus = objective.evaluate(shifted, minus);
            shifted[i] = theta[i];
            if (!isFinite(fPlus) || !isFinite(fMinus) || !allFinite(plus) || !allFinite(minus)) {
                return false;
            }
            for (int j = 0; j < k; j++) {
                hessian[i][j] = (plus[j] - minus[j]) / (2 * step) / curvatureScale;
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

    static Result minimize(Objective objective, double[] start) {
        int k = start.length;
        double[] x = start.clone();
        double[] g = new double[k];
        double f = objective.evaluate(x, g);
        if (!isFinite(f) || !allFinite(g)) {
            return new Result(x, f, 0, false);
        }
        double[][] h = identity(k);
        double[] direction = new double[k];
        double[] xNew = new double[k];
        double[] gNew = new double[k];
        double[] s = new double[k];
        double[] y = new double[k];
        int iteration = 0;
        while (iteration < MAX_ITERATIONS) {
            double gMax = maxAbs(g);
            if (gMax <= STRICT * Math.max(1.0, Math.abs(f))) {
                return new Result(x, f, iteration, true);
            }
            iteration++;
            multiply(h, g, direction);
            negate(direction);
            double slope = dot(direction, g);
            if (!(slope < 0)) {
                h = identity(k);
                System.arraycopy(g, 0, direction, 0, k);
                negate(direction);
                slope = dot(direction, g);
            }
            double fNew = lineSearch(objective, x, f, direction, slope, xNew, gNew);
            if (Double.isNaN(fNew) && !isIdentity(h)) {
                // retry along the steepest descent
                h = identity(k);
                System.arraycopy(g, 0, direction, 0, k);
                negate(direction);
                slope = dot(direction, g);
                fNew = lineSearch(objective, x, f, direction, slope, xNew, gNew);
            }
            if (Double.isNaN(fNew)) {
                return new Result(x, f, iteration, gMax <= LOOSE * Math.max(1.0, Math.abs(f)));
            }
            for (int i = 0; i < k; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            System.arraycopy(xNew, 0, x, 0, k);
            System.arraycopy(gNew, 0, g, 0, k);
            f = fNew;
            if (maxAbs(x) > LIMIT) {
                return new Result(x, f, iteration, false);
            }
            double sy = dot(s, y);
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                update(h, s, y, sy);
            } else {
                h = identity(k);
            }
        }
        return new Result(x, f, iteration, false);
    }

    /**
     * Backtracking line search; returns the new value (and fills {@code xNew}, {@code gNew}) or NaN when no step
     * decreases the objective.
     */
    private static double lineSearch(
            Objective objective, double[] x, double f, double[] d, double slope, double[] xNew, double[] gNew) {
        int k = x.length;
        // never move a log-parameter by more than 5 in one step
        double step = Math.min(1.0, 5.0 / Math.max(maxAbs(d), 1e-300));
        for (int trial = 0; trial < 60; trial++) {
            for (int i = 0; i < k; i++) {
                xNew[i] = x[i] + step * d[i];
            }
            double fNew = objective.evaluate(xNew, gNew);
            if (isFinite(fNew) && allFinite(gNew) && fNew < f && fNew <= f + 1e-4 * step * slope) {
                return fNew;
            }
            step *= 0.5;
        }
        return Double.NaN;
    }

    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int k = s.length;
        double[] hy = new double[k];
        multiply(h, y, hy);
        double yhy = dot(y, hy);
        double rho = 1.0 / sy;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                h[i][j] += (1.0 + yhy * rho) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
            }
        }
    }

    private static double[][] identity(int k) {
        double[][] h = new double[k][k];
        for (int i = 0; i < k; i++) {
            h[i][i] = 1.0;
        }
        return h;
    }

    private static boolean isIdentity(double[][] h) {
        for (int i = 0; i < h.length; i++) {
            double[] expected = new double[h.length];
            expected[i] = 1.0;
            if (!Arrays.equals(h[i], expected)) {
                return false;
            }
        }
        return true;
    }

    private static void multiply(double[][] m, double[] v, double[] out) {
        for (int i = 0; i < v.length; i++) {
            double sum = 0;
            for (int j = 0; j < v.length; j++) {
                sum += m[i][j] * v[j];
            }
            out[i] = sum;
        }
    }

    private static void negate(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = -v[i];
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
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

    private static boolean isFinite(double value) {
        return Double.isFinite(value);
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
