package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;

/**
 * Options of a maximum-likelihood fit: the optimiser (BFGS on the logarithms of the parameters) stops when the
 * largest component of the gradient of the mean log-likelihood per customer with respect to the log-parameters
 * is below {@code gradientTolerance} (converged), or after {@code maxIterations} iterations (not converged).
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxIterations the largest number of BFGS iterations, at least 1
 * @param gradientTolerance the convergence threshold, greater than 0
 */
@Beta
public record FitOptions(int maxIterations, double gradientTolerance) {
    private static final FitOptions DEFAULTS = new FitOptions(500, 1e-7);

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if {@code maxIterations} is below 1 or the tolerance is not positive
     */
    public FitOptions {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1: " + maxIterations);
        }
        if (!(gradientTolerance > 0) || Double.isInfinite(gradientTolerance)) {
            throw new IllegalArgumentException("gradientTolerance must be positive and finite: " + gradientTolerance);
        }
    }

    /** @return 500 iterations, gradient tolerance 1e-7 */
    public static FitOptions defaults() {
        return DEFAULTS;
    }
}
