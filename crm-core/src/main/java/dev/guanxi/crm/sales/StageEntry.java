package dev.guanxi.crm.sales;

import dev.guanxi.crm.internal.Check;
import java.time.Instant;

/**
 * One entry of an {@link Opportunity}'s stage history: a stage it entered and when.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stage the stage's code
 * @param enteredAt when the opportunity entered it
 */
public record StageEntry(String stage, Instant enteredAt) {
    /**
     * Validates the components.
     *
     * @param stage the stage's code
     * @param enteredAt when the opportunity entered it
     * @throws dev.guanxi.crm.ValidationException naming the field and the rule
     */
    public StageEntry {
        Check.code("stage", stage);
        Check.required("enteredAt", enteredAt);
    }
}
