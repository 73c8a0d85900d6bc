package dev.guanxi.crm.internal.stewardship;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A hand-written RFC 4180 reader: comma-separated values, optionally quoted with {@code "} (a quote inside doubled),
 * quoted values may hold commas and line breaks exactly as written; records end with CRLF, LF or a lone CR; a byte
 * order mark at the very start is skipped; empty lines are skipped.
 *
 * <p>It never throws for bad syntax: a record with a quote inside an unquoted value, text after a closing quote,
 * or a quoted value that never ends comes back with {@link Record#error()} set, and reading goes on at the next
 * line (after an unterminated quote there is nothing left). Line numbers count the line breaks outside and inside
 * quotes, from 1.
 *
 * <p>O(characters), with a 64 KiB buffer. Not thread-safe.
 */
public final class CsvReader {
    private static final int EOF = -1;

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean started;
    private long line = 1;
    private final StringBuilder field = new StringBuilder(64);

    /**
     * One record.
     *
     * @param fields the values, in order (as far as they could be read for a bad record)
     * @param line the line the record starts on, from 1
     * @param error what is wrong with its syntax, or {@code null}
     */
    public record Record(List<String> fields, long line, String error) {
        /**
         * Copies the fields.
         *
         * @param fields the values, in order (as far as they could be read for a bad record)
         * @param line the line the record starts on, from 1
         * @param error what is wrong with its syntax, or {@code null}
         */
        public Record {
            fields = List.copyOf(fields);
        }
    }

    /** @param in the text; not closed by this reader */
    public CsvReader(Reader in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * Reads the next record.
     *
     * @return the record, or {@code null} at the end of the text
     * @throws IOException if the reader fails
     */
    public Record next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                position++;
            }
        }
        while (true) {
            int c = peek();
            if (c == EOF) {
                return null;
            }
            if (c == '\n' || c == '\r') { // an empty line
                consumeLineBreak();
                continue;
            }
            return record();
        }
    }

    private Record record() throws IOException {
        long start = line;
        List<String> fields = new ArrayList<>();
        String error = null;
        while (true) {
            field.setLength(0);
            int c = peek();
            if (c == '"') {
                position++;
                long quoteLine = line;
                boolean closed = false;
                while (true) {
                    int q = read();
                    if (q == EOF) {
                        break;
                    }
                    if (q == '"') {
                        if (peek() == '"') {
                            position++;
                            field.append('"');
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    if (q == '\n' || (q == '\r' && peek() != '\n')) {
                        line++;
                    }
                    field.append((char) q);
                }
                fields.add(field.toString());
                if (!closed) {
                    return new Record(fields, start, "a quoted value opened on line " + quoteLine + " never ends");
                }
                int after = peek();
                if (after != ',' && after != '\n' && after != '\r' && after != EOF) {
                    error = "text after the closing quote of value " + fields.size();
                    skipRestOfLine();
                    return new Record(fields, start, error);
                }
            } else {
                while (true) {
                    int u = peek();
                    if (u == ',' || u == '\n' || u == '\r' || u == EOF) {
                        break;
                    }
                    position++;
                    if (u == '"' && error == null) {
                        error = "a quote inside the unquoted value " + (fields.size() + 1);
                    }
                    field.append((char) u);
                }
                fields.add(field.toString());
                if (error != null) {
                    skipRestOfLine();
                    return new Record(fields, start, error);
                }
            }
            int end = peek();
            if (end == ',') {
                position++;
                continue;
            }
            if (end != EOF) {
                consumeLineBreak();
            }
            return new Record(fields, start, null);
        }
    }

    /** Skips to just after the next line break (quotes are not special any more). */
    private void skipRestOfLine() throws IOException {
        while (true) {
            int c = peek();
            if (c == EOF) {
                return;
            }
            if (c == '\n' || c == '\r') {
                consumeLineBreak();
                return;
            }
            position++;
        }
    }

    private void consumeLineBreak() throws IOException {
        int c = read();
        if (c == '\r' && peek() == '\n') {
            position++;
        }
        line++;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
