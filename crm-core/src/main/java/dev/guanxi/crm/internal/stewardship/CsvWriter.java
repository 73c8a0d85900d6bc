package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.stewardship.SpreadsheetCells;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Writes RFC 4180 lines: values separated by commas, quoted (quotes doubled) when they hold a comma, a quote, a
 * line break or start or end with a space, lines ending CRLF; every value {@linkplain SpreadsheetCells#neutralise
 * neutralised} against formula injection; {@code null} as an empty cell. Not thread-safe.
 */
public final class CsvWriter {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    /** @param out where to write; not closed */
    public CsvWriter(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Writes one line.
     *
     * @param cells the values, {@code null} for empty
     * @throws IOException if the writer fails
     */
    public void row(List<String> cells) throws IOException {
        line.setLength(0);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            append(line, SpreadsheetCells.neutralise(cells.get(i)));
        }
        line.append("\r\n");
        out.append(line);
    }

    /**
     * Appends one value, quoted if it needs to be.
     *
     * @param to where
     * @param value the value (already neutralised), or {@code null}
     */
    static void append(StringBuilder to, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean quote = value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            to.append(value);
            return;
        }
        to.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                to.append('"');
            }
            to.append(c);
        }
        to.append('"');
    }
}
