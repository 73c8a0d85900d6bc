package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;

/**
 * How a merge chooses the value of one customer field from the survivor's and the loser's (survivorship). Every
 * rule is deterministic: a tie goes to the survivor. Which rules a field accepts is {@link
 * MergeField#supports(SurvivorshipRule)}; each field's default is {@link MergeField#defaultRule()}.
 *
 * @since 0.1.0
 */
@Beta
public enum SurvivorshipRule {
    /** The value of the customer changed last (the later {@code updatedAt}); the survivor's on a tie. */
    NEWEST,
    /**
     * The survivor's value unless it is empty ({@code null}, a blank text, an empty collection), then the
     * loser's.
     */
    NON_EMPTY,
    /**
     * The longer text (in code points) or the larger collection; a {@code null} is shorter than any value; the
     * survivor's on a tie. Only texts and collections.
     */
    LONGEST,
    /** The survivor's value, even if it is empty. */
    SURVIVOR_WINS,
    /**
     * Both collections, without duplicates: the survivor's elements in their order, then each of the loser's
     * whose key is not yet there. The key of each collection field is documented on {@link MergeField}. Only
     * collections.
     */
    UNION,
    /**
     * The value a host's {@link SurvivorshipChooser} returns. Set with {@link MergeOptions.Builder#choose};
     * never given as a plain rule.
     */
    HOST
}
