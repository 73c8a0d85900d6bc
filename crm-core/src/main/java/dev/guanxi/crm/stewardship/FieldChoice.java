package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * The short form of a {@link FieldDecision} kept in the merge log: which rule decided a field and where the value
 * came from (the values themselves are in the log's before and after states).
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the survivor's field that was decided, not null
 * @param rule the survivorship rule that decided it, not null
 * @param source where the chosen value came from
 * @since 0.1.0
 */
@Beta
public record FieldChoice(MergeField field, SurvivorshipRule rule, ValueSource source) {
    /**
     * Rejects nulls.
     *
     * @param field the survivor's field that was decided, not null
     * @param rule the survivorship rule that decided it, not null
     * @param source where the chosen value came from
     */
    public FieldChoice {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
    }

    /**
     * @param decision a decision of a plan
     * @return its short form
     */
    public static FieldChoice of(FieldDecision decision) {
        return new FieldChoice(decision.field(), decision.rule(), decision.source());
    }
}
