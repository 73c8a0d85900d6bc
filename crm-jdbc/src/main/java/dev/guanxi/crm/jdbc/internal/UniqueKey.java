package dev.guanxi.crm.jdbc.internal;

import java.util.List;
import java.util.function.Function;

/**
 * A value that must be unique per tenant in a table (besides the id), backed by a unique index whose columns
 * follow {@code tenant_id}.
 *
 * @param field the field named in a {@link dev.guanxi.crm.DuplicateKeyException}
 * @param columns the indexed columns
 * @param display how the value is shown in the exception's message
 * @param <A> the aggregate type
 */
public record UniqueKey<A>(String field, List<Column<A>> columns, Function<? super A, String> display) {
    /**
     * @param field the field
     * @param column the one column
     * @param <A> the aggregate type
     * @return a single-column key, displayed as its value
     */
    public static <A> UniqueKey<A> of(String field, Column<A> column) {
        return new UniqueKey<>(
                field, List.of(column), a -> String.valueOf(column.value().apply(a)));
    }
}
