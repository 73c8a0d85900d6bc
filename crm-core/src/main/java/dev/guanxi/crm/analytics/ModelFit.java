package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * The outcome of a maximum-likelihood fit: the fitted model, its log-likelihood on the data, how many
 * iterations and likelihood evaluations it took, and whether it converged. A fit that did not converge still
 * carries its last (best) parameters, but says so: {@link #isConverged()} is {@code false} and {@link
 * #requireConverged()} throws.
 *
 * <p>Immutable and thread-safe when the model is.
 *
 * @param <M> the model type
 */
@Beta
public final class ModelFit<M> {
    private final M model;
    private final double logLikelihood;
    private final int iterations;
    private final int evaluations;
    private final boolean converged;
    private final double gradientNorm;

    /**
     * Creates a fit result.
     *
     * @param model the fitted model
     * @param logLikelihood the log-likelihood of the data at the fitted parameters
     * @param iterations the optimiser's iterations
     * @param evaluations the likelihood evaluations
     * @param converged whether the convergence criterion was met
     * @param gradientNorm the largest absolute component of the final gradient (per customer, log-parameters)
     */
    public ModelFit(
            M model, double logLikelihood, int iterations, int evaluations, boolean converged, double gradientNorm) {
        this.model = Objects.requireNonNull(model, "model");
        this.logLikelihood = logLikelihood;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.converged = converged;
        this.gradientNorm = gradientNorm;
    }

    /** @return the fitted model (also when the fit did not converge: check {@link #isConverged()}) */
    public M model() {
        return model;
    }

    /** @return the log-likelihood of the data at the fitted parameters */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return the optimiser's iterations */
    public int iterations() {
        return iterations;
    }

    /** @return the likelihood (and gradient) evaluations */
    public int evaluations() {
        return evaluations;
    }

    /** @return {@code true} if the convergence criterion was met */
    public boolean isConverged() {
        return converged;
    }

    /** @return the largest absolute component of the final gradient of the mean log-likelihood */
    public double gradientNorm() {
        return gradientNorm;
    }

    /**
     * Returns the model if the fit converged.
     *
     * @return the fitted model
     * @throws FitNotConvergedException if it did not converge
     */
    public M requireConverged() {
        if (!converged) {
            throw new FitNotConvergedException("fit of " + model + " did not converge after " + iterations
                    + " iterations (log-likelihood " + logLikelihood + ", gradient " + gradientNorm + ")");
        }
        return model;
    }

    @Override
    public String toString() {
        return "ModelFit[" + model + ", logLikelihood=" + logLikelihood + ", iterations=" + iterations + ", converged="
                + converged + "]";
    }
}
