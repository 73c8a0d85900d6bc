package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * How a merge plan decided one field: both customers' values, the value chosen, the rule that chose it and
 * where the value came from. Explains itself with {@link #reason()}.
 *
 * <p>Immutable and thread-safe (the values are the customers' immutable components).
 *
 * @param field the survivor's field that was decided, not null
 * @param rule the rule that decided it
 * @param survivorValue the survivor's value, possibly {@code null}
 * @param loserValue the loser's value, possibly {@code null}
 * @param chosenValue the value the merged customer gets, possibly {@code null}
 * @param source where the chosen value came from
 * @since 0.1.0
 */
@Beta
public record FieldDecision(
        MergeField field,
        SurvivorshipRule rule,
        Object survivorValue,
        Object loserValue,
        Object chosenValue,
        ValueSource source) {
    /**
     * Rejects a missing field, rule or source.
     *
     * @param field the survivor's field that was decided, not null
     * @param rule the rule that decided it
     * @param survivorValue the survivor's value, possibly {@code null}
     * @param loserValue the loser's value, possibly {@code null}
     * @param chosenValue the value the merged customer gets, possibly {@code null}
     * @param source where the chosen value came from
     */
    public FieldDecision {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
    }

    /** @return whether the merged customer's value differs from the survivor's */
    public boolean changesSurvivor() {
        return !Objects.equals(survivorValue, chosenValue);
    }

    /**
     * Renders the decision as one line, e.g. {@code "legalName: NON_EMPTY took the loser's value (the survivor
     * has none)"}. Built on each call; meant for display, not for loops.
     *
     * @return the line
     */
    public String reason() {
        String what = switch (source) {
            case SURVIVOR ->
                Objects.equals(survivorValue, loserValue) ? "both have the same value" : "kept the survivor's value";
            case LOSER -> "took the loser's value";
            case BOTH -> "joined both customers' values";
            case HOST -> "took the host's value";
        };
        String why = switch (rule) {
            case NON_EMPTY -> source == ValueSource.LOSER ? " (the survivor has none)" : "";
            case NEWEST -> source == ValueSource.LOSER ? " (the loser changed last)" : "";
            case LONGEST -> source == ValueSource.LOSER ? " (the loser's is longer)" : "";
            default -> "";
        };
        return field.path() + ": " + rule + " " + what + why;
    }
}
