package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;

/**
 * The built-in rule set of a scoring run, in order: 80/20 grading, RFM, credit, loyalty, selection matrix.
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
                .add(SelectionMatrix.defaults())
                .build();
    }
}
