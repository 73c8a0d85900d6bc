package dev.guanxi.crm.customer;

import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.Violations;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A structured postal address in any script. Texts are kept exactly as given (never trimmed or normalised),
 * so that an address in Chinese, Arabic or Cyrillic round-trips unchanged.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lines the street lines (street, house number, building, floor...), 1 to {@value #MAX_LINES}, each 1
 *     to 200 characters
 * @param locality the city, town or village, or {@code null}
 * @param administrativeArea the state, province, prefecture or region of the country's own division, or
 *     {@code null}
 * @param postalCode the postal code, 1 to {@value #POSTAL_CODE_MAX} characters, or {@code null}
 * @param countryCode the ISO 3166-1 alpha-2 country code in upper case, e.g. {@code CN}
 */
public record PostalAddress(
        List<String> lines, String locality, String administrativeArea, String postalCode, String countryCode) {
    /** The most street lines an address may have. */
    public static final int MAX_LINES = 5;
    /** The longest postal code, in characters. */
    public static final int POSTAL_CODE_MAX = 20;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * Validates the components.
     *
     * @param lines the street lines (street, house number, building, floor...), 1 to {@value #MAX_LINES}, each 1 to 200
     *     characters
     * @param locality the city, town or village, or {@code null}
     * @param administrativeArea the state, province, prefecture or region of the country's own division, or {@code
     *     null}
     * @param postalCode the postal code, 1 to {@value #POSTAL_CODE_MAX} characters, or {@code null}
     * @param countryCode the ISO 3166-1 alpha-2 country code in upper case, e.g. {@code CN}
     * @throws dev.guanxi.crm.ValidationException naming every offending component: {@code lines} (REQUIRED
     *     when empty, TOO_LONG), {@code lines[i]}, {@code locality}, {@code administrativeArea}, {@code
     *     postalCode}, {@code countryCode} (INVALID_FORMAT for an unknown country)
     */
    public PostalAddress {
        Violations v = new Violations();
        List<String> given = lines;
        List<String> copy = v.check(() -> Check.list("lines", given, MAX_LINES));
        if (copy != null) {
            if (copy.isEmpty()) {
                v.add("lines", ValidationRule.REQUIRED, "an address needs at least one line");
            }
            for (int i = 0; i < copy.size(); i++) {
                String field = "lines[" + i + "]";
                String line = copy.get(i);
                v.run(() -> Check.text(field, line, Check.NAME_MAX));
            }
        }
        v.run(() -> Check.optionalText("locality", locality, Check.NAME_MAX));
        v.run(() -> Check.optionalText("administrativeArea", administrativeArea, Check.NAME_MAX));
        v.run(() -> Check.optionalText("postalCode", postalCode, POSTAL_CODE_MAX));
        if (countryCode == null) {
            v.add("countryCode", ValidationRule.REQUIRED, "countryCode is required");
        } else if (!COUNTRIES.contains(countryCode)) {
            v.add(
                    "countryCode",
                    ValidationRule.INVALID_FORMAT,
                    "'" + countryCode + "' is not an ISO 3166-1 alpha-2 country code in upper case");
        }
        v.throwIfAny();
        lines = copy;
    }

    /**
     * Creates an address without administrative area.
     *
     * @param countryCode the ISO 3166-1 alpha-2 country code, e.g. {@code DE}
     * @param postalCode the postal code, or {@code null}
     * @param locality the city, or {@code null}
     * @param lines the street lines, at least one
     * @return the address
     * @throws dev.guanxi.crm.ValidationException if a component is invalid
     */
    public static PostalAddress of(String countryCode, String postalCode, String locality, String... lines) {
        return new PostalAddress(lines == null ? null : Arrays.asList(lines), locality, null, postalCode, countryCode);
    }

    /**
     * Returns this address with an administrative area.
     *
     * @param area the state, province, prefecture or region
     * @return a new address
     */
    public PostalAddress withAdministrativeArea(String area) {
        return new PostalAddress(lines, locality, area, postalCode, countryCode);
    }
}
