package dev.guanxi.crm.analytics;

/**
 * The outcome of fitting a {@link BetaGeometricBetaBinomialModel} (BG/BB) by maximum likelihood: the parameters, the log-likelihood at
 * them, how many optimiser iterations it took and whether the optimiser converged. A fit that did not converge
 * does not hand out its parameters as if they were an answer: {@link #model()} throws, and {@link #lastIterate()}
 * gives them for diagnosis.
 *
 * <p>Immutable and thread-safe.
 */
public final class BgBbFit {
    private final BetaGeometricBetaBinomialModel model;
    private final double logLikelihood;
    private final int iterations;
    private final boolean converged;
    private final int patterns;

    BgBbFit(
            BetaGeometricBetaBinomialModel model,
            double logLikelihood,
            int iterations,
            boolean converged,
            int patterns) {
        this.model = model;
        this.logLikelihood = logLikelihood;
        this.iterations = iterations;
        this.converged = converged;
        this.patterns = patterns;
    }

    /**
     * Returns the fitted model.
     *
     * @return the maximum-likelihood parameters
     * @throws IllegalStateException when the fit did not converge (see {@link #lastIterate()})
     */
    public BetaGeometricBetaBinomialModel model() {
        if (!converged) {
            throw new IllegalStateException("the BG/BB fit did not converge after " + iterations
                    + " iterations (last iterate " + model + ", log-likelihood " + logLikelihood + ")");
        }
        return model;
    }

    /**
     * Returns the optimiser's last iterate, converged or not; for diagnosis.
     *
     * @return the parameters where the optimiser stopped
     */
    public BetaGeometricBetaBinomialModel lastIterate() {
        return model;
    }

    /**
     * Returns the total log-likelihood at the {@linkplain #lastIterate() last iterate}.
     *
     * @return the log-likelihood (weighted by the patterns' weights)
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /**
     * Returns the number of optimiser iterations.
     *
     * @return the iterations, at least 0
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Says whether the optimiser converged to a stationary point with finite parameters.
     *
     * @return {@code true} when it converged
     */
    public boolean isConverged() {
        return converged;
    }

    /**
     * Returns how many patterns (rows, not weighted) the model was fitted on.
     *
     * @return the number of patterns
     */
    public int patterns() {
        return patterns;
    }

    /**
     * Describes the fit.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        return "BgBbFit[" + model + ", logLikelihood=" + logLikelihood + ", iterations=" + iterations + ", converged="
                + converged + ", patterns=" + patterns + "]";
    }
}
