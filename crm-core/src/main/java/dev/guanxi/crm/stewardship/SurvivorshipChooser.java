package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.Customer;
import java.util.Objects;

/**
 * A host's choice of one field's value in a merge ({@link SurvivorshipRule#HOST}), given per field in {@link
 * MergeOptions.Builder#choose}. It returns a value of the field's {@link MergeField#valueType() type} (a {@code
 * List} for contact points, contact persons and important dates, a {@code Set} of strings for tags), or {@code
 * null} where the field may be empty; a value of another type is refused by {@code planMerge} with a {@link
 * dev.guanxi.crm.ValidationException} ({@link dev.guanxi.crm.ValidationRule#WRONG_TYPE}).
 *
 * <p>It runs while a merge is planned, outside any transaction, once per planning; it should be a pure function
 * of its arguments (the merge itself executes the plan's value, it does not call the chooser again).
 * Implementations must be thread-safe if the options are shared between threads.
 *
 * @since 0.1.0
 */
@Beta
@FunctionalInterface
public interface SurvivorshipChooser {
    /**
     * Chooses a field's value.
     *
     * @param field the field
     * @param survivor the customer that stays
     * @param loser the customer merged into it
     * @return the value the merged customer gets
     */
    Object choose(MergeField field, Customer survivor, Customer loser);

    /** @return a chooser that takes the survivor's value (as {@link SurvivorshipRule#SURVIVOR_WINS}) */
    static SurvivorshipChooser survivor() {
        return (field, survivor, loser) -> field.valueOf(survivor);
    }

    /** @return a chooser that takes the loser's value, even if it is empty */
    static SurvivorshipChooser loser() {
        return (field, survivor, loser) -> field.valueOf(loser);
    }

    /**
     * @param value the value to give the merged customer whatever the two customers hold
     * @return a chooser that always returns {@code value}
     */
    static SurvivorshipChooser fixed(Object value) {
        return (field, survivor, loser) -> value;
    }

    /**
     * @param fallback the chooser to ask when this one returns {@code null}
     * @return a chooser that asks this one first
     */
    default SurvivorshipChooser orElse(SurvivorshipChooser fallback) {
        Objects.requireNonNull(fallback, "fallback");
        return (field, survivor, loser) -> {
            Object value = choose(field, survivor, loser);
            return value != null ? value : fallback.choose(field, survivor, loser);
        };
    }
}
