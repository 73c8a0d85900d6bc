package dev.guanxi.crm.jdbc.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.guanxi.crm.Aggregate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How one aggregate type is stored: a table {@code (tenant_id, id, version, doc, projections...)} with
 * {@code PRIMARY KEY (tenant_id, id)}, the aggregate as a JSON document in {@code doc}, and projection columns
 * that queries use. The SQL of the common operations is built once here from constant names.
 *
 * @param <I> the id type
 * @param <A> the aggregate type
 */
public final class Table<I, A extends Aggregate<I>> {
    final String name;
    final String entityType;
    final Function<I, UUID> idValue;
    final List<Column<A>> columns;
    final List<UniqueKey<A>> uniqueKeys;
    final Optional<Children<A>> children;
    final ObjectReader reader;
    final ObjectWriter writer;
    final String findSql;
    final String existsSql;
    final String deleteSql;

    private Table(Builder<I, A> b) {
        this.name = b.name;
        this.entityType = b.type.getSimpleName();
        this.idValue = b.idValue;
        this.columns = List.copyOf(b.columns);
        this.uniqueKeys = List.copyOf(b.uniqueKeys);
        this.children = Optional.ofNullable(b.children);
        this.reader = Json.reader(b.type);
        this.writer = Json.writer(b.type);
        this.findSql = "SELECT doc FROM " + name + " WHERE tenant_id = ? AND id = ?";
        this.existsSql = "SELECT version FROM " + name + " WHERE tenant_id = ? AND id = ?";
        this.deleteSql = "DELETE FROM " + name + " WHERE tenant_id = ? AND id = ? AND version = ?";
    }

    /**
     * @param name the table name
     * @param type the aggregate class
     * @param idValue the UUID of an id
     * @param <I> the id type
     * @param <A> the aggregate type
     * @return a builder
     */
    public static <I, A extends Aggregate<I>> Builder<I, A> builder(
            String name, Class<A> type, Function<I, UUID> idValue) {
        return new Builder<>(name, type, idValue);
    }

    /** @return the table name */
    public String name() {
        return name;
    }

    /**
     * @param dialect the dialect
     * @param onConflictDoNothing whether to add PostgreSQL's {@code ON CONFLICT DO NOTHING}
     * @return the insert statement: tenant, id, version, doc, then the projections in order
     */
    String insertSql(SqlDialect dialect, boolean onConflictDoNothing) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(name).append(" (tenant_id, id, version, doc");
        StringBuilder values = new StringBuilder(" VALUES (?, ?, ?, ?");
        for (Column<A> c : columns) {
            sql.append(", ").append(c.name());
            values.append(", ").append(dialect.placeholder(c.kind()));
        }
        sql.append(')').append(values).append(')');
        if (onConflictDoNothing) {
            sql.append(" ON CONFLICT DO NOTHING");
        }
        return sql.toString();
    }

    /**
     * @param dialect the dialect
     * @return the update statement: version, doc, projections, then tenant, id and expected version
     */
    String updateSql(SqlDialect dialect) {
        String sets = columns.stream()
                .map(c -> ", " + c.name() + " = " + dialect.placeholder(c.kind()))
                .collect(Collectors.joining());
        return "UPDATE " + name + " SET version = ?, doc = ?" + sets
                + " WHERE tenant_id = ? AND id = ? AND version = ?";
    }

    /**
     * @param key a unique key
     * @param dialect the dialect
     * @return the query for the id holding a value of the key
     */
    String ownerSql(UniqueKey<A> key, SqlDialect dialect) {
        return "SELECT id FROM " + name + " WHERE tenant_id = ?"
                + key.columns().stream().map(c -> " AND " + c.name() + " = ?").collect(Collectors.joining());
    }

    /**
     * Describes a table.
     *
     * @param <I> the id type
     * @param <A> the aggregate type
     */
    public static final class Builder<I, A extends Aggregate<I>> {
        private final String name;
        private final Class<A> type;
        private final Function<I, UUID> idValue;
        private final List<Column<A>> columns = new ArrayList<>();
        private final List<UniqueKey<A>> uniqueKeys = new ArrayList<>();
        private Children<A> children;

        private Builder(String name, Class<A> type, Function<I, UUID> idValue) {
            this.name = name;
            this.type = type;
            this.idValue = idValue;
        }

        /**
         * @param column a projection column
         * @return this builder
         */
        public Builder<I, A> column(Column<A> column) {
            columns.add(column);
            return this;
        }

        /**
         * Adds a single-column unique key; the column must also be added with {@link #column}.
         *
         * @param field the field name for errors
         * @param column the column
         * @return this builder
         */
        public Builder<I, A> unique(String field, Column<A> column) {
            uniqueKeys.add(UniqueKey.of(field, column));
            return this;
        }

        /**
         * @param key a unique key whose columns were added with {@link #column}
         * @return this builder
         */
        public Builder<I, A> unique(UniqueKey<A> key) {
            uniqueKeys.add(key);
            return this;
        }

        /**
         * @param rows the child rows
         * @return this builder
         */
        public Builder<I, A> children(Children<A> rows) {
            this.children = rows;
            return this;
        }

        /** @return the table */
        public Table<I, A> build() {
            return new Table<>(this);
        }
    }
}
