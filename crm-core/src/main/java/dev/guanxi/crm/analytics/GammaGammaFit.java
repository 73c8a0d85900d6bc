package dev.guanxi.crm.analytics;

/**
 * The outcome of fitting a {@link GammaGammaModel} by maximum likelihood: the parameters, the log-likelihood at
 * them, how many optimiser iterations it took and whether the optimiser converged. A fit that did not converge
 * does not hand out its parameters as if they were an answer: {@link #model()} throws, and {@link #lastIterate()}
 * gives them for diagnosis.
 *
 * <p>Immutable and thread-safe.
 */
public final class GammaGammaFit {
    private final GammaGammaModel model;
    private final double logLikelihood;
    private final int iterations;
    private final boolean converged;
    private final int customers;

    GammaGammaFit(GammaGammaModel model, double logLikelihood, int iterations, boolean converged, int customers) {
        this.model = model;
        this.logLikelihood = logLikelihood;
        this.iterations = iterations;
        this.converged = converged;
        this.customers = customers;
    }

    /**
     * Returns the fitted model.
     *
     * @return the maximum-likelihood parameters
     * @throws IllegalStateException when the fit did not converge (see {@link #lastIterate()})
     */
    public GammaGammaModel model() {
        if (!converged) {
            throw new IllegalStateException("the Gamma-Gamma fit did not converge after " + iterations
                    + " iterations (last iterate " + model + ", log-likelihood " + logLikelihood + ")");
        }
        return model;
    }

    /**
     * Returns the optimiser's last iterate, converged or not; for diagnosis.
     *
     * @return the parameters where the optimiser stopped
     */
    public GammaGammaModel lastIterate() {
        return model;
    }

    /**
     * Returns the total log-likelihood at the {@linkplain #lastIterate() last iterate}.
     *
     * @return the log-likelihood (of the rows with frequency &gt; 0, weighted)
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
     * Returns how many rows (customers with frequency &gt; 0, not weighted) the model was fitted on.
     *
     * @return the number of rows used
     */
    public int customers() {
        return customers;
    }

    /**
     * Describes the fit.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        return "GammaGammaFit[" + model + ", logLikelihood=" + logLikelihood + ", iterations=" + iterations
                + ", converged=" + converged + ", customers=" + customers + "]";
    }
}
