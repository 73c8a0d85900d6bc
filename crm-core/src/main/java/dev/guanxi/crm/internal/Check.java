package dev.guanxi.crm.internal;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Field checks that throw {@link ValidationException} naming the field and the rule. Lengths are counted in
 * code points, so that limits are the same in every script and every store.
 *
 * <p>Stateless and thread-safe.
 */
public final class Check {
    /** Default limit for names and one-line texts. */
    public static final int NAME_MAX = 200;
    /** Default limit for a subject or title. */
    public static final int LINE_MAX = 500;
    /** Default limit for free text (notes, descriptions, resolutions). */
    public static final int TEXT_MAX = 20_000;
    /** How far in the future an instant may lie (clock skew between a host's machines). */
    public static final Duration FUTURE_SKEW = Duration.ofMinutes(10);
    /** How many years ahead a planned date (due date, contract end) may lie. */
    public static final int PLANNING_YEARS = 100;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    // Pragmatic address syntax: dot-atom local part (ASCII or Unicode letters), a domain of labels with a
    // top-level domain of two or more letters. Quoted local parts and IP literals are refused on purpose.
    private static final Pattern EMAIL = Pattern.compile(
            "(?U)[\\w!#$%&'*+/=?^`{|}~-]+(\\.[\\w!#$%&'*+/=?^`{|}~-]+)*@([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}");

    private Check() {}

    /** Creates a validation exception for the caller to throw ({@code throw fail(...)}). */
    public static ValidationException fail(String field, ValidationRule rule, String message) {
        return new ValidationException(field, rule, message);
    }

    /** Requires a non-null value. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw fail(field, ValidationRule.REQUIRED, field + " is required");
        }
        return value;
    }

    /**
     * Requires a one-line text: not null, not blank, at most {@code max} code points, no control characters.
     * Returns it unchanged (never trimmed: names round-trip byte-identical).
     */
    public static String text(String field, String value, int max) {
        required(field, value);
        if (value.isBlank()) {
            throw fail(field, ValidationRule.BLANK, field + " must not be blank");
        }
        return characters(field, value, max, false);
    }

    /** Like {@link #text} but {@code null} is allowed (and returned). */
    public static String optionalText(String field, String value, int max) {
        return value == null ? null : text(field, value, max);
    }

    /** Requires multi-line free text: line breaks and tabs allowed, other controls not; may be null. */
    public static String optionalMultiline(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw fail(field, ValidationRule.BLANK, field + " must not be blank (use null for none)");
        }
        return characters(field, value, max, true);
    }

    private static String characters(String field, String value, int max, boolean multiline) {
        int count = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw fail(field, ValidationRule.ILLEGAL_CHARACTER, field + " contains an unpaired surrogate");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw fail(field, ValidationRule.ILLEGAL_CHARACTER, field + " contains an unpaired surrogate");
            } else if (c == 0) {
                throw fail(field, ValidationRule.ILLEGAL_CHARACTER, field + " contains a NUL character");
            } else if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                throw fail(
                        field,
                        ValidationRule.ILLEGAL_CHARACTER,
                        field + " contains control character U+" + String.format("%04X", (int) c));
            } else if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                throw fail(
                        field,
                        ValidationRule.ILLEGAL_CHARACTER,
                        field + " contains a bidirectional override U+" + String.format("%04X", (int) c));
            }
            count++;
            if (count > max) {
                throw fail(field, ValidationRule.TOO_LONG, field + " is longer than " + max + " characters");
            }
        }
        return value;
    }

    /** Requires a code of 1 to 64 characters of {@code [A-Za-z0-9_.-]}. */
    public static String code(String field, String value) {
        required(field, value);
        if (!CODE.matcher(value).matches()) {
            throw fail(field, ValidationRule.INVALID_FORMAT, field + " must be 1 to 64 characters of [A-Za-z0-9_.-]");
        }
        return value;
    }

    /** Requires a syntactically valid e-mail address of at most 254 characters. */
    public static String email(String field, String value) {
        text(field, value, 254);
        int at = value.lastIndexOf('@');
        if (!EMAIL.matcher(value).matches() || at > 64) {
            throw fail(field, ValidationRule.INVALID_FORMAT, "'" + value + "' is not a valid e-mail address");
        }
        return value;
    }

    /**
     * Requires a phone number: an optional leading {@code +}, then digits with optional spaces, dots, dashes
     * and parentheses, 6 to 15 digits in all (ITU-T E.164).
     *
     * @return the number normalised to {@code +} and digits if it had a {@code +}, else to digits only
     */
    public static String phone(String field, String value) {
        text(field, value, 40);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == firstNonSpace(value)) {
                continue;
            } else if (" .-()/".indexOf(c) < 0) {
                throw fail(field, ValidationRule.INVALID_FORMAT, "'" + value + "' is not a valid phone number");
            }
        }
        if (digits.length() < 6 || digits.length() > 15) {
            throw fail(field, ValidationRule.INVALID_FORMAT, "'" + value + "' must have 6 to 15 digits");
        }
        return (value.strip().startsWith("+") ? "+" : "") + digits;
    }

    private static int firstNonSpace(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Requires money that is zero or more. */
    public static Money nonNegative(String field, Money value) {
        required(field, value);
        if (value.isNegative()) {
            throw fail(field, ValidationRule.OUT_OF_RANGE, field + " must not be negative");
        }
        return value;
    }

    /** Requires money above zero. */
    public static Money positive(String field, Money value) {
        required(field, value);
        if (!value.isPositive()) {
            throw fail(field, ValidationRule.OUT_OF_RANGE, field + " must be greater than zero");
        }
        return value;
    }

    /** Requires a decimal above zero. */
    public static BigDecimal positive(String field, BigDecimal value) {
        required(field, value);
        if (value.signum() <= 0) {
            throw fail(field, ValidationRule.OUT_OF_RANGE, field + " must be greater than zero");
        }
        return value;
    }

    /** Requires an int within [min, max]. */
    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw fail(field, ValidationRule.OUT_OF_RANGE, field + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** Requires a decimal within [min, max]. */
    public static BigDecimal range(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        required(field, value);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw fail(field, ValidationRule.OUT_OF_RANGE, field + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** Requires an instant not later than now plus {@link #FUTURE_SKEW}. */
    public static Instant notFuture(String field, Instant value, Clock clock) {
        required(field, value);
        if (value.isAfter(clock.instant().plus(FUTURE_SKEW))) {
            throw fail(field, ValidationRule.FUTURE, field + " lies in the future");
        }
        return value;
    }

    /** Requires a date not after today (in UTC, plus one day for time zones ahead of UTC). */
    public static LocalDate notFuture(String field, LocalDate value, Clock clock) {
        required(field, value);
        if (value.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1))) {
            throw fail(field, ValidationRule.FUTURE, field + " lies in the future");
        }
        return value;
    }

    /** Requires a planned date no more than {@link #PLANNING_YEARS} years ahead. */
    public static LocalDate plannable(String field, LocalDate value, Clock clock) {
        if (value != null
                && value.isAfter(
                        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(PLANNING_YEARS))) {
            throw fail(field, ValidationRule.FUTURE, field + " lies more than " + PLANNING_YEARS + " years ahead");
        }
        return value;
    }

    /** Requires {@code from <= to} when both are given. */
    public static void order(String field, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw fail(field, ValidationRule.DATE_ORDER, field + " ends before it starts");
        }
    }

    /** Requires {@code from <= to} when both are given. */
    public static void order(String field, Instant from, Instant to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw fail(field, ValidationRule.DATE_ORDER, field + " ends before it starts");
        }
    }

    /** Requires a collection of at most {@code max} elements, none null; returns an immutable copy. */
    public static <T> List<T> list(String field, Collection<T> values, int max) {
        required(field, values);
        if (values.size() > max) {
            throw fail(field, ValidationRule.TOO_LONG, field + " has more than " + max + " entries");
        }
        int i = 0;
        for (T v : values) {
            if (v == null) {
                throw fail(field + "[" + i + "]", ValidationRule.REQUIRED, "entries must not be null");
            }
            i++;
        }
        return List.copyOf(values);
    }
}
