package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.Violation;
import dev.guanxi.crm.stewardship.RowError;
import dev.guanxi.crm.stewardship.SpreadsheetCells;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The cells of one CSV row by layout column, and the row's errors: every parse failure becomes a {@link RowError}
 * naming the column, and reading goes on, so that a row reports all its problems at once. Not thread-safe.
 */
final class Cells {
    private final List<String> fields;
    private final Map<String, Integer> index;
    private final long row;
    private final long line;
    private String externalId;
    private final List<RowError> errors = new ArrayList<>();

    Cells(List<String> fields, Map<String, Integer> index, long row, long line) {
        this.fields = fields;
        this.index = index;
        this.row = row;
        this.line = line;
    }

    long row() {
        return row;
    }

    long line() {
        return line;
    }

    void externalId(String id) {
        this.externalId = id;
    }

    String externalId() {
        return externalId;
    }

    List<RowError> errors() {
        return errors;
    }

    /** @return whether the header has the column */
    boolean has(String column) {
        return index.containsKey(column);
    }

    /** @return the cell, formula escape removed, {@code null} if empty or not in the header; never trimmed */
    String text(String column) {
        Integer i = index.get(column);
        if (i == null) {
            return null;
        }
        String raw = SpreadsheetCells.restore(fields.get(i));
        return raw.isEmpty() ? null : raw;
    }

    /** @return the cell stripped of surrounding white space, {@code null} if that leaves nothing */
    String token(String column) {
        String t = text(column);
        if (t == null) {
            return null;
        }
        t = t.strip();
        return t.isEmpty() ? null : t;
    }

    /** Parses a non-empty cell; a failure is an error of the column and gives {@code null}. */
    <T> T parse(String column, Function<String, T> parser) {
        String t = token(column);
        if (t == null) {
            return null;
        }
        try {
            return parser.apply(t);
        } catch (ValidationException e) {
            fail(e, field -> column);
        } catch (RuntimeException e) {
            fail(column, ValidationRule.INVALID_FORMAT, "'" + t + "' is not a valid " + column);
        }
        return null;
    }

    <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        String t = token(column);
        if (t == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, t);
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
            }
            fail(column, ValidationRule.INVALID_FORMAT, "'" + t + "' is not one of " + allowed);
            return null;
        }
    }

    LocalDate date(String column) {
        return parse(column, LocalDate::parse);
    }

    Instant instant(String column) {
        return parse(column, Instant::parse);
    }

    BigDecimal decimal(String column) {
        return parse(column, BigDecimal::new);
    }

    Boolean bool(String column) {
        return parse(column, t -> switch (t) {
            case "true", "TRUE", "True" -> Boolean.TRUE;
            case "false", "FALSE", "False" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(t);
        });
    }

    /** @return the cell as text, or {@code null} with a {@code REQUIRED} error if it is empty */
    String required(String column) {
        String t = text(column);
        if (t == null) {
            fail(column, ValidationRule.REQUIRED, column + " is required");
        }
        return t;
    }

    /** Runs a construction; a validation failure becomes errors, each violation's field mapped to a column. */
    <T> T build(java.util.function.Supplier<T> construction, UnaryOperator<String> fieldOf) {
        try {
            return construction.get();
        } catch (ValidationException e) {
            fail(e, fieldOf);
            return null;
        }
    }

    void fail(String column, ValidationRule rule, String message) {
        errors.add(new RowError(row, line, externalId, column, rule, message));
    }

    void fail(ValidationException e, Function<String, String> fieldOf) {
        for (Violation v : e.violations()) {
            errors.add(new RowError(row, line, externalId, fieldOf.apply(v.field()), v.rule(), v.message()));
        }
    }

    /**
     * The snake_case form of a path's first segment, e.g. {@code receivedOn} → {@code received_on}, {@code
     * lines[0].quantity} → {@code lines}.
     */
    static String snake(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        StringBuilder b = new StringBuilder(end + 4);
        for (int i = 0; i < end; i++) {
            char c = path.charAt(i);
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
