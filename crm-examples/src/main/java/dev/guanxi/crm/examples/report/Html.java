package dev.guanxi.crm.examples.report;

import java.util.Locale;

/** Escaping and number formatting for the report. Stateless, thread-safe. */
final class Html {
    private Html() {}

    /**
     * Escapes text for an HTML/XML text node or a quoted attribute value.
     *
     * @param text the text, or {@code null} (rendered as an empty string)
     * @return the text with {@code & < > " '} replaced by character references
     */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep == null && (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
                rep = " "; // control characters are not allowed in XML
            }
            if (rep != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(rep);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** An integer with thousands separators. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** An amount with two decimals and thousands separators. */
    static String amount(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** A share (0 to 1) as a percentage with one decimal. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** A coordinate with one decimal, without locale or exponent. */
    static void coord(StringBuilder out, double v) {
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            out.append('-');
            tenths = -tenths;
        }
        out.append(tenths / 10).append('.').append(tenths % 10);
    }

    /** A coordinate with one decimal. */
    static String coord(double v) {
        StringBuilder out = new StringBuilder(8);
        coord(out, v);
        return out.toString();
    }

    /** An enum-like name (e.g. {@code POTENTIAL_LOYALIST}) for a person: {@code Potential loyalist}. */
    static String humanize(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        if (name.equals("CANT_LOSE")) {
            return "Can't lose";
        }
        String lower = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
