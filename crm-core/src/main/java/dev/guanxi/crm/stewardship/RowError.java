package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationRule;
import java.util.Objects;

/**
 * One problem of one bad row of an import: which row, which field, which rule, and a message. A row with several
 * problems has several errors (same row, in the order found).
 *
 * <p>Immutable and thread-safe.
 *
 * @param row the row's number in the source, from 1: the first data row after a CSV file's header, or the first
 *     element of an iterable
 * @param line for a CSV file, the line of the file where the row starts (the header is line 1; a quoted value
 *     may span lines); 0 for an iterable
 * @param externalId the row's external id as given, or {@code null} if it has none (or it is unreadable)
 * @param field for a CSV file, the layout column (e.g. {@code display_name}, see {@link ImportKind#columns()}),
 *     or {@code row} for a problem of the whole row (bad quoting, a wrong number of values); for an iterable, the
 *     path in the record (e.g. {@code draft.contactPoints[1].value})
 * @param rule the rule the value broke
 * @param message a human-readable explanation; control characters other than line breaks and tabs, and unpaired
 *     surrogates (which a quoted cell may carry into a message), are replaced by U+FFFD so that every store keeps it
 * @since 0.1.0
 */
@Beta
public record RowError(long row, long line, String externalId, String field, ValidationRule rule, String message) {
    /** The longest message kept; longer ones are cut, ending with {@code "…"}. */
    public static final int MESSAGE_MAX = 1_000;

    /**
     * Validates the components and cuts an overlong message.
     *
     * @param row the row's number in the source, from 1: the first data row after a CSV file's header, or the first
     *     element of an iterable
     * @param line for a CSV file, the line of the file where the row starts (the header is line 1; a quoted value may
     *     span lines); 0 for an iterable
     * @param externalId the row's external id as given, or {@code null} if it has none (or it is unreadable)
     * @param field for a CSV file, the layout column (e.g. {@code display_name}, see {@link ImportKind#columns()}), or
     *     {@code row} for a problem of the whole row (bad quoting, a wrong number of values); for an iterable, the path
     *     in the record (e.g. {@code draft.contactPoints[1].value})
     * @param rule the rule the value broke
     * @param message a human-readable explanation; control characters other than line breaks and tabs, and unpaired
     *     surrogates (which a quoted cell may carry into a message), are replaced by U+FFFD so that every store keeps
     *     it
     * @throws IllegalArgumentException if {@code row} is below 1 or {@code line} below 0
     * @throws NullPointerException if {@code field}, {@code rule} or {@code message} is null
     */
    public RowError {
        if (row < 1) {
            throw new IllegalArgumentException("row must be at least 1, got " + row);
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative, got " + line);
        }
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        message = printable(message);
        if (message.length() > MESSAGE_MAX) {
            int end = MESSAGE_MAX - 1;
            if (Character.isHighSurrogate(message.charAt(end - 1))) {
                end--;
            }
            message = message.substring(0, end) + "…";
        }
    }

    private static String printable(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                    || (Character.isHighSurrogate(c)
                            && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))))
                    || (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))));
            if (bad && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(bad ? '\uFFFD' : c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** @return a short human-readable line, e.g. {@code "row 9999: email INVALID_FORMAT (…)"} */
    public String reason() {
        return "row " + row + (externalId == null ? "" : " (" + externalId + ")") + ": " + field + " " + rule + " ("
                + message + ")";
    }
}
