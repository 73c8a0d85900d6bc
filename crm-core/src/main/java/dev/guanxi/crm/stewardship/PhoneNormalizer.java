package dev.guanxi.crm.stewardship;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Objects;

/**
 * Turns a phone number into E.164 ({@code +} country code and national number, digits only), reading numbers
 * written without a country code as numbers of a default region. {@code "138-1234-5678"}, {@code "+86 138 1234
 * 5678"} and {@code "0086 13812345678"} all become {@code "+8613812345678"} for the default region {@code CN};
 * {@code "030 1234567"} becomes {@code "+49301234567"} for {@code DE}.
 *
 * <p>Parsing uses Google's libphonenumber and its metadata for every region (national prefixes such as the
 * trunk {@code 0}, international prefixes such as {@code 00}, full-width digits, letters on the keypad). A
 * number is accepted when it is <em>possible</em> for its region (its length fits), not only when it is
 * assigned: duplicate detection compares what was typed, and a number need not be in service to identify a
 * customer.
 *
 * <p>{@link #international()} has no default region: it reads only numbers written with their country code
 * ({@code +49 30 1234567}, or after an international prefix such as {@code 00} where libphonenumber knows it
 * without a region) and rejects the others.
 *
 * <p>Immutable and thread-safe (libphonenumber's {@code PhoneNumberUtil} is thread-safe).
 *
 * @since 0.1.0
 */
@Beta
public final class PhoneNormalizer {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** libphonenumber's "unknown region": numbers must carry their country code. */
    private static final String UNKNOWN_REGION = "ZZ";

    private static final PhoneNormalizer INTERNATIONAL = new PhoneNormalizer(UNKNOWN_REGION);

    private final String defaultRegion;

    private PhoneNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /**
     * Creates a normaliser for numbers of a default region.
     *
     * @param defaultRegion the ISO 3166-1 alpha-2 code (upper case) of the region whose numbers may be written
     *     without country code, e.g. {@code CN}
     * @return the normaliser
     * @throws ValidationException on {@code defaultRegion} with {@link ValidationRule#INVALID_FORMAT} for a code
     *     that is not a region with a telephone numbering plan
     * @throws NullPointerException if {@code defaultRegion} is {@code null}
     */
    public static PhoneNormalizer forRegion(String defaultRegion) {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        if (!UTIL.getSupportedRegions().contains(defaultRegion)) {
            throw new ValidationException(
                    "defaultRegion",
                    ValidationRule.INVALID_FORMAT,
                    "'" + defaultRegion + "' is not an ISO 3166-1 alpha-2 region with a numbering plan");
        }
        return new PhoneNormalizer(defaultRegion);
    }

    /** @return the normaliser without default region: only numbers written with a country code are read */
    public static PhoneNormalizer international() {
        return INTERNATIONAL;
    }

    /** @return the region whose numbers may be written without country code, or empty for {@link #international()} */
    public java.util.Optional<String> defaultRegion() {
        return UNKNOWN_REGION.equals(defaultRegion) ? java.util.Optional.empty() : java.util.Optional.of(defaultRegion);
    }

    /**
     * Normalises one number to E.164.
     *
     * @param number the number as stored or typed, with or without country code
     * @return the E.164 form, e.g. {@code +8613812345678}
     * @throws ValidationException on {@code phone} with {@link ValidationRule#INVALID_FORMAT} if the text is not
     *     a phone number, not a possible one for its region (too short or too long), or has no country code and
     *     this normaliser no default region
     * @throws NullPointerException if {@code number} is {@code null}
     */
    public String normalize(String number) {
        Objects.requireNonNull(number, "number");
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(number, defaultRegion);
        } catch (NumberParseException e) {
            throw new ValidationException(
                    "phone",
                    ValidationRule.INVALID_FORMAT,
                    "'" + number + "' is not a phone number: " + e.getErrorType());
        }
        if (!UTIL.isPossibleNumber(parsed)) {
            throw new ValidationException(
                    "phone", ValidationRule.INVALID_FORMAT, "'" + number + "' is not a possible phone number");
        }
        return UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    @Override
    public String toString() {
        return "PhoneNormalizer[" + (UNKNOWN_REGION.equals(defaultRegion) ? "international" : defaultRegion) + "]";
    }
}
