package dev.guanxi.crm.privacy;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.CustomerId;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one tenant holds about one customer, as flat entries: each record, from each source, with its
 * fields rendered as text and the instant they were set. Immutable and thread-safe.
 *
 * @param tenant the tenant whose data was exported, not null
 * @param customerId the customer the data is about, not null
 * @param exportedAt when the export was taken, from the CRM's clock
 * @param entries the records, by source in a fixed order, then as each source lists them
 * @since 0.1.0
 */
@Beta
public record PersonalDataExport(TenantId tenant, CustomerId customerId, Instant exportedAt, List<Entry> entries) {
    /**
     * Copies.
     *
     * @param tenant the tenant whose data was exported, not null
     * @param customerId the customer the data is about, not null
     * @param exportedAt when the export was taken, from the CRM's clock
     * @param entries the records, by source in a fixed order, then as each source lists them
     */
    public PersonalDataExport {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(exportedAt, "exportedAt");
        entries = List.copyOf(entries);
    }

    /**
     * One record of the export.
     *
     * @param source the kind of record (e.g. {@code "customer"}, {@code "interaction"}, {@code "order"})
     * @param id the record's id within its source
     * @param setAt when its values were set (its last change, or when it happened), or {@code null} if the
     *     store does not know
     * @param fields the record's fields as text, by path ({@code contactPoints[0].value}); absent values are
     *     left out
     */
    public record Entry(String source, String id, Instant setAt, SortedMap<String, String> fields) {
        /**
         * Copies.
         *
         * @param source the kind of record (e.g. {@code "customer"}, {@code "interaction"}, {@code "order"})
         * @param id the record's id within its source
         * @param setAt when its values were set (its last change, or when it happened), or {@code null} if the store
         *     does not know
         * @param fields the record's fields as text, by path ({@code contactPoints[0].value}); absent values are left
         *     out
         */
        public Entry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(id, "id");
            fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
        }
    }

    /**
     * @param source a source
     * @return the entries of that source
     */
    public List<Entry> entries(String source) {
        return entries.stream().filter(e -> e.source().equals(source)).toList();
    }

    /**
     * Renders the export as one JSON object: {@code tenant}, {@code customerId}, {@code exportedAt} and {@code
     * entries}, an array of objects with {@code source}, {@code id}, {@code setAt} and {@code fields}. Strings
     * are escaped per RFC 8259; no type information is embedded.
     *
     * @return the JSON text
     */
    public String toJson() {
        return dev.guanxi.crm.internal.privacy.JsonText.export(this);
    }
}
