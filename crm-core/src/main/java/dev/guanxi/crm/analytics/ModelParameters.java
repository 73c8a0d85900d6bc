package dev.guanxi.crm.analytics;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;

/** Validation of model parameters. */
final class ModelParameters {
    private ModelParameters() {}

    /** Requires a finite value greater than 0. */
    static double positive(String field, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new ValidationException(
                    field, ValidationRule.OUT_OF_RANGE, field + " must be a finite number greater than 0: " + value);
        }
        return value;
    }
}
