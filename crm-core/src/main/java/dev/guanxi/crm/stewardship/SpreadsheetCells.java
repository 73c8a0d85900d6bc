package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * The formula escape of the CSV files this SDK writes (customer exports, error reports), against spreadsheet
 * formula injection (CVE-2021-25960): a spreadsheet runs a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return as a formula, so such a cell is written with a leading apostrophe, which
 * spreadsheets show as text. The import strips exactly that escape, so an exported file imports back to the
 * original values.
 *
 * <p>The rule, exact in both directions ({@code restore(neutralise(v)).equals(v)} for every {@code v}):
 *
 * <ul>
 *   <li>{@link #neutralise}: a value starting with one of {@code = + - @ \t \r} gets a leading {@code '}; so does
 *       a value that already starts with {@code '} followed by one of those characters or by another {@code '}
 *       (otherwise the import would take its apostrophe for an escape); every other value is unchanged;
 *   <li>{@link #restore}: a value starting with {@code '} followed by one of {@code = + - @ \t \r '} loses the
 *       first {@code '}; every other value (e.g. {@code 'Hello}) is unchanged.
 * </ul>
 *
 * A number such as {@code -12.50} is therefore written {@code '-12.50} and read back as {@code -12.50}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public final class SpreadsheetCells {
    private SpreadsheetCells() {}

    /**
     * Escapes a value for a CSV cell that a spreadsheet may open.
     *
     * @param value the value, or {@code null}
     * @return the value, with a leading apostrophe if it needs one; {@code null} for {@code null}
     */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return startsFormula(value.charAt(0)) || isEscaped(value) ? "'" + value : value;
    }

    /**
     * Removes the escape {@link #neutralise} added.
     *
     * @param cell a cell as read from a CSV file, or {@code null}
     * @return the original value; {@code null} for {@code null}
     */
    public static String restore(String cell) {
        return cell != null && isEscaped(cell) ? cell.substring(1) : cell;
    }

    /**
     * Tells whether a value would be run as a formula by a spreadsheet.
     *
     * @param value any text
     * @return whether it starts with one of {@code = + - @ \t \r}
     */
    public static boolean isFormula(String value) {
        Objects.requireNonNull(value, "value");
        return !value.isEmpty() && startsFormula(value.charAt(0));
    }

    private static boolean isEscaped(String s) {
        if (s.length() < 2 || s.charAt(0) != '\'') {
            return false;
        }
        char c = s.charAt(1);
        return c == '\'' || startsFormula(c);
    }

    private static boolean startsFormula(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
