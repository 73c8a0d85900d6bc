package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;

/**
 * Where the value a merge chose for a field came from.
 *
 * @since 0.1.0
 */
@Beta
public enum ValueSource {
    /** The survivor's value (also when both customers had the same value). */
    SURVIVOR,
    /** The loser's value. */
    LOSER,
    /** A union: the survivor's elements plus at least one of the loser's. */
    BOTH,
    /** A value a host's {@link SurvivorshipChooser} returned that is neither customer's. */
    HOST
}
