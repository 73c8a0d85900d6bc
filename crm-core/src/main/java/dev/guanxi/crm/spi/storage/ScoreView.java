package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A read-only view of one customer's stored score snapshot, as {@link ScoreRepository#scan} hands it out: a
 * reader who needs a few values (the scoring run reads five per customer) gets them without the store building
 * the snapshot's maps, which a store that keeps snapshots as columns need not do. {@link ScoreSnapshot} is a view
 * of itself.
 *
 * <p>Implementations are immutable and thread-safe; a view stays valid after its unit of work ends.
 *
 * @since 0.1.0
 */
@Beta
public interface ScoreView {
    /** @return the customer */
    CustomerId customerId();

    /** @return the scoring run that wrote the snapshot */
    UUID runId();

    /** @return the date the scores describe */
    LocalDate asOf();

    /** @return the hash of the inputs the scores were computed from, or {@code null} */
    String inputsHash();

    /**
     * @param name a label's name
     * @return the label's value, or {@code null} if the snapshot has no such label
     */
    String label(String name);

    /**
     * @param name a metric's name
     * @return the metric's value, or {@code null} if the snapshot has no such metric
     */
    BigDecimal metric(String name);

    /** @return the whole snapshot (built on each call by a store that keeps columns) */
    ScoreSnapshot snapshot();
}
