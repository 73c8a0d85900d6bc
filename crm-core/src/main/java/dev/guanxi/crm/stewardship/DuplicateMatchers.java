package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.stewardship.AddressMatcher;
import dev.guanxi.crm.internal.stewardship.EmailMatcher;
import dev.guanxi.crm.internal.stewardship.ExternalIdMatcher;
import dev.guanxi.crm.internal.stewardship.NameMatcher;
import dev.guanxi.crm.internal.stewardship.PhoneMatcher;
import java.util.Objects;

/**
 * The built-in {@link DuplicateMatcher}s. Each is immutable and thread-safe. What they fire on and how they block
 * (which customers they propose for comparison):
 *
 * <table>
 *   <caption>Built-in matchers</caption>
 *   <tr><th>factory</th><th>fires on (score)</th><th>blocks by</th></tr>
 *   <tr><td>{@link #externalId()}</td><td>the same external id (1), or equal after folding case, width and
 *       punctuation (0.9)</td><td>the folded id</td></tr>
 *   <tr><td>{@link #email}</td><td>a shared normalised e-mail address (1)</td><td>each address</td></tr>
 *   <tr><td>{@link #phone}</td><td>a shared number in E.164 (1); where one number has no country code and no
 *       default region helps, the same national number (0.9)</td><td>the last 8 digits of each number</td></tr>
 *   <tr><td>{@link #name}</td><td>folded names (display or legal) with a Jaro-Winkler similarity of at least
 *       the minimum (the similarity; romanised forms count 0.9 of it); never a person with an organisation</td>
 *       <td>the sorted words' first 3 characters, and the words' last 3 characters</td></tr>
 *   <tr><td>{@link #address}</td><td>addresses in one country and postal code (or locality, where a postal code
 *       is missing) whose street words have a Dice coefficient of at least the minimum (the
 *       coefficient)</td><td>nothing: an address only adds evidence</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
@Beta
public final class DuplicateMatchers {
    /** The name of {@link #externalId()}. */
    public static final String EXTERNAL_ID = "externalId";
    /** The name of {@link #email}. */
    public static final String EMAIL = "email";
    /** The name of {@link #phone}. */
    public static final String PHONE = "phone";
    /** The name of {@link #name}. */
    public static final String NAME = "name";
    /** The name of {@link #address}. */
    public static final String ADDRESS = "address";
    /** The default minimum name similarity: 0.9. */
    public static final double DEFAULT_NAME_SIMILARITY = 0.9;
    /** The default minimum street-word similarity: 0.5. */
    public static final double DEFAULT_ADDRESS_SIMILARITY = 0.5;

    private DuplicateMatchers() {}

    /** @return the external id matcher, named {@value #EXTERNAL_ID} */
    public static DuplicateMatcher<?> externalId() {
        return new ExternalIdMatcher(EXTERNAL_ID);
    }

    /**
     * @param normalizer how addresses are normalised, e.g. {@link EmailNormalizer#standard()}
     * @return the e-mail matcher, named {@value #EMAIL}
     */
    public static DuplicateMatcher<?> email(EmailNormalizer normalizer) {
        return new EmailMatcher(EMAIL, normalizer);
    }

    /**
     * @param normalizer the E.164 normaliser with the tenant's default region
     * @return the phone matcher, named {@value #PHONE}
     */
    public static DuplicateMatcher<?> phone(PhoneNormalizer normalizer) {
        return new PhoneMatcher(PHONE, normalizer);
    }

    /**
     * @param normalizer how names are folded (legal forms, romanizer)
     * @param minSimilarity the Jaro-Winkler similarity at which it fires, above 0 and at most 1
     * @return the name matcher, named {@value #NAME}
     * @throws ValidationException on {@code minSimilarity} with {@link ValidationRule#OUT_OF_RANGE}
     */
    public static DuplicateMatcher<?> name(NameNormalizer normalizer, double minSimilarity) {
        Objects.requireNonNull(normalizer, "normalizer");
        return new NameMatcher(NAME, normalizer, checkSimilarity("minSimilarity", minSimilarity));
    }

    /**
     * @param minSimilarity the street-word Dice coefficient at which it fires, above 0 and at most 1
     * @return the address matcher, named {@value #ADDRESS}
     * @throws ValidationException on {@code minSimilarity} with {@link ValidationRule#OUT_OF_RANGE}
     */
    public static DuplicateMatcher<?> address(double minSimilarity) {
        return new AddressMatcher(ADDRESS, NameNormalizer.defaults(), checkSimilarity("minSimilarity", minSimilarity));
    }

    static double checkSimilarity(String field, double value) {
        if (!(value > 0.0 && value <= 1.0)) {
            throw new ValidationException(
                    field, ValidationRule.OUT_OF_RANGE, field + " must be above 0 and at most 1, got " + value);
        }
        return value;
    }
}
