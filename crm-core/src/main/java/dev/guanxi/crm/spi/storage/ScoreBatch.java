package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One batch of a scoring run's snapshots, as rows over the run's results rather than as built snapshots: what
 * {@link ScoreRepository#upsertBatch} writes. Each row's {@link ScoreView} answers from the run's result columns
 * and renders a reason, or the whole {@link ScoreSnapshot}, only when asked. A store that keeps the views (the
 * in-memory store does) writes a batch without building a snapshot, a map or a reason; a store that writes rows
 * builds each row's snapshot once ({@code view(row).snapshot()}), as the default method does.
 *
 * <p>Immutable and thread-safe, and so are its views: they stay valid, and answer the same, after the unit of
 * work that wrote them (they keep the run's results reachable while a store keeps them).
 *
 * @since 0.1.0
 */
@Beta
public interface ScoreBatch {
    /** @return the run that wrote the batch (every row's {@link ScoreView#runId()}) */
    UUID runId();

    /** @return the date the scores describe (every row's {@link ScoreView#asOf()}) */
    LocalDate asOf();

    /** @return the number of rows, at least 0 */
    int size();

    /**
     * @param row a row, 0 to {@code size() - 1}
     * @return the row's customer (at most one row per customer)
     * @throws IndexOutOfBoundsException if there is no such row
     */
    CustomerId customerId(int row);

    /**
     * @param row a row, 0 to {@code size() - 1}
     * @return the row's snapshot as a view
     * @throws IndexOutOfBoundsException if there is no such row
     */
    ScoreView view(int row);
}
