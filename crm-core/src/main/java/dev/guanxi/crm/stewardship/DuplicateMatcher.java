package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.util.List;
import java.util.Optional;

/**
 * One way two customers can look like the same party: the same e-mail address, the same phone number, similar
 * names... The extension point of duplicate detection; the built-ins are in {@link DuplicateMatchers}, and a
 * {@link DuplicateDetector} combines several with weights.
 *
 * <p>A matcher works in three steps, so that a whole-tenant scan normalises each customer once and compares
 * only customers that share a block:
 *
 * <ol>
 *   <li>{@link #prepare} turns a customer into the matcher's normalised view {@code F} (e.g. its e-mail
 *       addresses lower-cased), or empty if the customer has nothing this matcher compares;
 *   <li>{@link #blockingKeys} names the blocks the customer falls into (e.g. each normalised address). Only
 *       customers that share at least one block key of at least one matcher are ever compared; a matcher that
 *       returns no keys only adds evidence to pairs that other matchers propose;
 *   <li>{@link #score} compares two prepared views and returns evidence if the matcher fires.
 * </ol>
 *
 * <p>Implementations must be thread-safe (one detector serves concurrent checks); they should be stateless.
 * A prepared view is used only on the thread that prepared it, so it may cache lazily computed values.
 *
 * @param <F> the matcher's prepared view of one customer
 * @since 0.1.0
 */
@Beta
public interface DuplicateMatcher<F> {
    /**
     * The matcher's name: unique within a detector, stable (it appears in evidence and reports).
     *
     * @return the name, e.g. {@code "email"}
     */
    String name();

    /**
     * Normalises what this matcher compares of one customer.
     *
     * @param subject the customer or draft
     * @return the prepared view, or empty if the customer has nothing this matcher compares (no e-mail address)
     */
    Optional<F> prepare(MatchSubject subject);

    /**
     * The keys of the blocks a customer falls into. Two customers are compared if they share a key of the same
     * matcher. Keys should be selective (a normalised address, not a country): a block larger than the scan's
     * {@link DuplicateScanOptions#maxBlockSize()} is skipped and reported.
     *
     * @param prepared the customer's prepared view
     * @return the keys, possibly none; repeats are ignored
     */
    List<String> blockingKeys(F prepared);

    /**
     * Compares two customers.
     *
     * @param a the first customer's prepared view
     * @param b the second customer's prepared view
     * @return evidence named after this matcher if it fires, empty if it does not (absence of evidence, never
     *     evidence of difference)
     */
    Optional<MatchEvidence> score(F a, F b);
}
