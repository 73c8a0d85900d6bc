package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;

/**
 * Whether a scoring run fits the customer-base models — BG/NBD for P(alive) and Gamma-Gamma for spend, giving
 * CLV — and puts their outputs into the {@link CustomerBase} (loyalty then uses P(alive); the selection matrix
 * can use CLV) and into each snapshot ({@code model.pAlive}, {@code model.clv}). The models are fitted on every
 * purchase up to the as-of day (a second purchase scan, without the value period's lower bound), in weeks.
 *
 * <p>A fit is stored with its run ({@code model.bgnbd}, {@code model.gammaGamma} attributes) and reused by the
 * next run unless {@code refit} is set: refitting every night moves the parameters a little and so every
 * score; a host refits weekly or monthly.
 *
 * <p>Immutable and thread-safe.
 *
 * @param enabled whether the models are used at all
 * @param refit whether to fit again even if an earlier run stored a fit
 * @param clvMonths the CLV horizon in months, 1 to 600
 * @param monthlyDiscount the monthly discount rate of CLV, 0 to 1
 */
@Beta
public record ScoringModels(boolean enabled, boolean refit, int clvMonths, double monthlyDiscount) {
    /**
     * Validates the options.
     *
     * @param enabled whether the models are used at all
     * @param refit whether to fit again even if an earlier run stored a fit
     * @param clvMonths the CLV horizon in months, 1 to 600
     * @param monthlyDiscount the monthly discount rate of CLV, 0 to 1
     * @throws ValidationException {@code clvMonths} or {@code monthlyDiscount}, {@link ValidationRule#OUT_OF_RANGE}
     */
    public ScoringModels {
        if (clvMonths < 1 || clvMonths > 600) {
            throw new ValidationException("clvMonths", ValidationRule.OUT_OF_RANGE, "clvMonths must be 1 to 600");
        }
        if (!(monthlyDiscount >= 0 && monthlyDiscount <= 1)) {
            throw new ValidationException(
                    "monthlyDiscount", ValidationRule.OUT_OF_RANGE, "monthlyDiscount must lie in [0, 1]");
        }
    }

    /** @return no models: P(alive) and CLV stay unknown (the default of {@link ScoringRequest#of}) */
    public static ScoringModels none() {
        return new ScoringModels(false, false, 12, 0.01);
    }

    /** @return BG/NBD and Gamma-Gamma, 12-month CLV at 1% a month, reusing a stored fit */
    public static ScoringModels bgNbdGammaGamma() {
        return new ScoringModels(true, false, 12, 0.01);
    }

    /** @return a copy that fits again even if a stored fit exists */
    public ScoringModels withRefit() {
        return new ScoringModels(enabled, true, clvMonths, monthlyDiscount);
    }
}
