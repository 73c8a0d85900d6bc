package dev.guanxi.crm.analytics;

import java.util.Arrays;

/**
 * BFGS with a backtracking (Armijo) line search, for the few (log-)parameters of the purchase models. Fixed
 * operation order: the same objective gives the same iterates, bit for bit.
 */
final class QuasiNewton {
    /** A smooth function to minimise; returns its value and writes its gradient (or a non-finite value). */
    interface Objective {
        double evaluate(double[] theta, double[] gradient);
    }

    /** The outcome: the argmin, its value and gradient norm, and the counts. */
    record Result(
            double[] theta, double value, double gradientNorm, int iterations, int evaluations, boolean converged) {}

    /** Parameters are logarithms: beyond this bound a model is degenerate and the objective is refused. */
    static final double BOUND = 40;

    private QuasiNewton() {}

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
        if (!Double.isFinite(f)) {
            return new Result(x, f, Double.NaN, 0, evaluations, false);
        }
        int iteration = 0;
        boolean converged = norm(g) < options.gradientTolerance();
        boolean resetOnce = false;
        while (!converged && iteration < options.maxIterations()) {
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
                fNew = inBounds(xNew) ? objective.evaluate(xNew, gNew) : Double.NaN;
                evaluations++;
                if (Double.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) {
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
                if (resetOnce) {
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
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                updateInverse(h, s, y, hy, sy);
            }
            converged = norm(g) < options.gradientTolerance();
            if (!converged && fOld - f <= 1e-15 * Math.abs(f) && norm(g) < 1e3 * options.gradientTolerance()) {
                converged = true; // no more progress is possible in double precision
            }
        }
        return new Result(x, f, norm(g), iteration, evaluations, converged);
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

    private static boolean inBounds(double[] x) {
        for (double v : x) {
            if (!(Math.abs(v) <= BOUND)) {
                return false;
            }
        }
        return true;
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

    static double norm(double[] g) {
        double max = 0;
        for (double v : g) {
            max = Math.max(max, Math.abs(v));
        }
        return Double.isNaN(Arrays.stream(g).sum()) ? Double.NaN : max;
    }

    /**
     * Central-difference gradient of a value-only function in fixed order (for models without an analytic
     * gradient). Step 1e-5 in each log-parameter.
     */
    static double numericGradient(java.util.function.ToDoubleFunction<double[]> f, double[] theta, double[] gradient) {
        double[] probe = theta.clone();
        double value = f.applyAsDouble(probe);
        for (int i = 0; i < theta.length; i++) {
            double h = 1e-5;
            probe[i] = theta[i] + h;
            double up = f.applyAsDouble(probe);
            probe[i] = theta[i] - h;
            double down = f.applyAsDouble(probe);
            probe[i] = theta[i];
            gradient[i] = (up - down) / (2 * h);
        }
        return value;
    }
}
