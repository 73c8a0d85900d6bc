package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * The outcome of a maximum-likelihood fit of any model of this package (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB,
 * Gamma-Gamma): the fitted model, its log-likelihood on the data, how many observations it was fitted on, how
 * many iterations and likelihood evaluations it took, and whether it converged. A fit that did not converge still
 * carries the optimiser's final iterate, but says so: {@link #isConverged()} is {@code false} and {@link
 * #requireConverged()} throws {@link FitNotConvergedException}. Use {@link #requireConverged()} wherever the
 * parameters are used as an answer, {@link #model()} for diagnosis.
 *
 * <p>Converged means a proper interior maximum: the gradient vanishes, the Hessian there is positive definite,
 * and no parameter has run towards 0 or infinity (|log parameter| at most 15).
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
    private final int observations;
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
     * @param observations the number of data rows the likelihood was summed over, unweighted
     */
    ModelFit(
            M model,
            double logLikelihood,
            int iterations,
            int evaluations,
            boolean converged,
            double gradientNorm,
            int observations) {
        this.model = Objects.requireNonNull(model, "model");
        this.observations = observations;
        this.logLikelihood = logLikelihood;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.converged = converged;
        this.gradientNorm = gradientNorm;
    }

    /**
     * Returns the optimiser's final iterate, converged or not: check {@link #isConverged()}, or call {@link
     * #requireConverged()} instead.
     *
     * @return the fitted model (the last iterate when the fit did not converge)
     */
    public M model() {
        return model;
    }

    /**
     * Returns the total log-likelihood of the data (weighted) at {@link #model()}.
     *
     * @return the log-likelihood
     */
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

    /**
     * Says whether the optimiser stopped at a proper maximum of the likelihood (see the class description).
     *
     * @return {@code true} if {@link #model()} can be trusted as the maximum-likelihood estimate
     */
    public boolean isConverged() {
        return converged;
    }

    /** @return the largest absolute component of the final gradient of the mean log-likelihood */
    public double gradientNorm() {
        return gradientNorm;
    }

    /**
     * Returns how many data rows the model was fitted on, each counted once whatever its weight: the weighted
     * patterns of a {@link PurchasePatterns} (BG/NBD, Pareto/NBD, MBG/NBD), the patterns of a BG/BB fit, or the
     * customers with at least one repeat transaction of a Gamma-Gamma fit.
     *
     * @return the number of rows, at least 0
     */
    public int observations() {
        return observations;
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
                    + " iterations on " + observations + " observations (log-likelihood " + logLikelihood
                    + ", gradient " + gradientNorm + ")");
        }
        return model;
    }

    /**
     * Describes the fit.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        return "ModelFit[" + model + ", logLikelihood=" + logLikelihood + ", iterations=" + iterations + ", converged="
                + converged + ", observations=" + observations + "]";
    }
}
