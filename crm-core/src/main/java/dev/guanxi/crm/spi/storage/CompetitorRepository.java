package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.competitor.Competitor;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.util.Optional;

/**
 * Stores the tenant's competitors. A competitor's {@link Competitor#nameKey() name key} is unique per tenant:
 * {@link #insert} and {@link #update} throw {@link DuplicateKeyException} on field {@code name} when another
 * competitor holds it.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface CompetitorRepository extends AggregateRepository<CompetitorId, Competitor> {
    /**
     * Finds a competitor by name, comparing {@linkplain Competitor#nameKey(String) name keys}.
     *
     * @param name a name; its key is computed with {@link Competitor#nameKey(String)}
     * @return the competitor, or empty if none matches
     */
    Optional<Competitor> findByName(String name);

    /**
     * Lists the tenant's competitors by {@link Competitor#nameKey() name key} ascending in Unicode code point
     * order (the order of the key's UTF-8 bytes, e.g. {@code COLLATE "C"}), ties by the id's text form.
     *
     * @param page the slice wanted
     * @return one page
     */
    Page<Competitor> list(PageRequest page);
}
