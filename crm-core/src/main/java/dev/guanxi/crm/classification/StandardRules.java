package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;

/**
 * The built-in rule set of a scoring run, in order: 80/20 grading, RFM, credit, loyalty (with the recent window
 * of {@link ScoringRequest#DEFAULT_RECENT_DAYS} days), lifecycle (the stage from the standard lifecycle
 * policy), selection matrix.
 *
 * <p>Thread-safe (stateless).
 */
@Beta
public final class StandardRules {
    private StandardRules() {}

    /** @return every built-in rule with its defaults, in run order */
    public static CustomerScoring all() {
        return CustomerScoring.builder()
                .add(AbcGrading.defaults())
                .add(RfmAnalysis.standard())
                .add(dev.guanxi.crm.credit.CreditRule.defaults())
                .add(dev.guanxi.crm.loyalty.LoyaltyRule.of(dev.guanxi.crm.loyalty.LoyaltyScoring.builder()
                        .recentWindowDays(ScoringRequest.DEFAULT_RECENT_DAYS)
                        .build()))
                .add(dev.guanxi.crm.lifecycle.LifecycleRule.standard())
                .add(SelectionMatrix.defaults())
                .build();
    }
}
