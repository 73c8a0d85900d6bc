package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.CrmException;

/**
 * A model fit did not converge and the caller asked for a converged one ({@link ModelFit#requireConverged()}).
 * The message says which model, after how many iterations, and the last log-likelihood and gradient norm.
 *
 * <p>Thread-safe: it carries only its message.
 */
@Beta
public class FitNotConvergedException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what did not converge, for a developer
     */
    public FitNotConvergedException(String message) {
        super(message);
    }
}
