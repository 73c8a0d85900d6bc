package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;

/**
 * Options of a maximum-likelihood fit: the optimiser (BFGS on the logarithms of the parameters) stops when the
 * largest component of the gradient of the mean log-likelihood per customer with respect to the log-parameters
 * is below {@code gradientTolerance} (converged), or after {@code maxIterations} iterations (not converged).
 *
 * <p>Immutable and thread-safe.
 *
 * <p>{@code parallelism} is how many threads may evaluate the likelihood of one fit: 1 (the default) runs on
 * the caller's thread only; more uses the common {@link java.util.concurrent.ForkJoinPool} (the SDK starts no
 * threads of its own). The likelihood is always summed in fixed chunks, in chunk order, so a fit gives the same
 * bits whatever the parallelism.
 *
 * @param maxIterations the largest number of BFGS iterations, at least 1
 * @param gradientTolerance the convergence threshold, greater than 0
 * @param parallelism how many threads may share one evaluation, at least 1
 */
@Beta
public record FitOptions(int maxIterations, double gradientTolerance, int parallelism) {
    private static final FitOptions DEFAULTS = new FitOptions(500, 1e-7, 1);

    /**
     * Validates the options.
     *
     * @param maxIterations the largest number of BFGS iterations, at least 1
     * @param gradientTolerance the convergence threshold, greater than 0
     * @param parallelism how many threads may share one evaluation, at least 1
     * @throws IllegalArgumentException if {@code maxIterations} or {@code parallelism} is below 1 or the
     *     tolerance is not positive
     */
    public FitOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1: " + maxIterations);
        }
        if (!(gradientTolerance > 0) || Double.isInfinite(gradientTolerance)) {
            throw new IllegalArgumentException("gradientTolerance must be positive and finite: " + gradientTolerance);
        }
    }

    /**
     * Options evaluated on the caller's thread only.
     *
     * @param maxIterations the largest number of BFGS iterations, at least 1
     * @param gradientTolerance the convergence threshold, greater than 0
     */
    public FitOptions(int maxIterations, double gradientTolerance) {
        this(maxIterations, gradientTolerance, 1);
    }

    /** @return 500 iterations, gradient tolerance 1e-7, on the caller's thread */
    public static FitOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns these options with another parallelism.
     *
     * @param threads how many threads may share one evaluation, at least 1
     * @return the new options
     */
    public FitOptions withParallelism(int threads) {
        return new FitOptions(maxIterations, gradientTolerance, threads);
    }

    /** @return these options with one thread per available processor */
    public FitOptions parallel() {
        return withParallelism(Runtime.getRuntime().availableProcessors());
    }
}
