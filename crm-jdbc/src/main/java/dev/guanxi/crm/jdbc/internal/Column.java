package dev.guanxi.crm.jdbc.internal;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * A column an aggregate's row has besides its id, version and document: a projection of the aggregate that
 * queries filter and sort on. Projections are computed from the aggregate on every write, so the document
 * stays the one source of truth and a projection can never disagree with it.
 *
 * @param name the column name (a constant, never user input)
 * @param kind how the value is bound
 * @param type the Java type of a plain column's values (binding {@code null} needs it)
 * @param value computes the value from the aggregate (may return {@code null})
 * @param <A> the aggregate type
 */
public record Column<A>(String name, Kind kind, Class<?> type, Function<? super A, ?> value) {
    /** How a column's value is bound. */
    public enum Kind {
        /** Bound as is (strings, numbers, dates, booleans, byte arrays). */
        PLAIN,
        /** A {@link UUID}, bound the dialect's way. */
        UUID,
        /** An {@link Instant}, bound the dialect's way. */
        INSTANT,
        /** JSON text, cast to the dialect's JSON type. */
        JSON
    }

    /**
     * @param name the name
     * @param type the Java type of the values
     * @param value the value
     * @param <A> the aggregate type
     * @param <T> the value type
     * @return a plain column
     */
    public static <A, T> Column<A> of(String name, Class<T> type, Function<? super A, ? extends T> value) {
        return new Column<>(name, Kind.PLAIN, type, value);
    }

    /**
     * @param name the name
     * @param value the value
     * @param <A> the aggregate type
     * @return an id column
     */
    public static <A> Column<A> uuid(String name, Function<? super A, UUID> value) {
        return new Column<>(name, Kind.UUID, UUID.class, value);
    }

    /**
     * @param name the name
     * @param value the value
     * @param <A> the aggregate type
     * @return an instant column
     */
    public static <A> Column<A> instant(String name, Function<? super A, Instant> value) {
        return new Column<>(name, Kind.INSTANT, Instant.class, value);
    }

    /**
     * @param name the name
     * @param value the JSON text
     * @param <A> the aggregate type
     * @return a JSON column
     */
    public static <A> Column<A> json(String name, Function<? super A, String> value) {
        return new Column<>(name, Kind.JSON, String.class, value);
    }
}
