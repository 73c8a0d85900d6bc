package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The customers' current score snapshots and the scoring runs that wrote them. Snapshots are written in bulk
 * (one call per batch of a run): each call is all or nothing, so an interrupted run leaves every customer
 * with either the old or the new snapshot, and running it again completes it.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface ScoreRepository {
    /**
     * Writes snapshots, replacing each customer's current one. All or nothing.
     *
     * @param snapshots the snapshots; at most one per customer
     * @throws IllegalArgumentException if two snapshots are for the same customer
     */
    void upsertAll(List<ScoreSnapshot> snapshots);

    /**
     * Writes a batch of a run's snapshots, replacing each customer's current one, as {@link #upsertAll} does: all
     * or nothing, at most one row per customer. A store may keep the batch's {@link ScoreView}s as they are (they
     * are immutable and answer from the run's results) and build a snapshot only when one is read; the scoring
     * run writes this way. The default builds each row's snapshot ({@code view(row).snapshot()}, which renders
     * its reasons) and calls {@link #upsertAll}.
     *
     * @param batch the rows
     * @throws IllegalArgumentException if two rows are for the same customer
     * @since 0.1.0
     */
    default void upsertBatch(ScoreBatch batch) {
        Objects.requireNonNull(batch, "batch");
        List<ScoreSnapshot> snapshots = new java.util.ArrayList<>(batch.size());
        for (int row = 0; row < batch.size(); row++) {
            snapshots.add(batch.view(row).snapshot());
        }
        upsertAll(snapshots);
    }

    /**
     * @param customerId a customer
     * @return the customer's current snapshot, or empty if it was never scored (in this tenant)
     */
    Optional<ScoreSnapshot> find(CustomerId customerId);

    /**
     * Lists the current snapshots in the order of the customer ids' canonical text.
     *
     * @param page which slice
     * @return the page
     */
    Page<ScoreSnapshot> list(PageRequest page);

    /**
     * Visits every current snapshot once, in an order the store chooses (not necessarily that of {@link
     * #list(PageRequest)}), streaming: a store reads them in one pass (one query with a fetch size, not a query
     * per page), so a whole pass is O(snapshots) rather than the O(snapshots² / page size) of {@code
     * LIMIT/OFFSET} paging, and need not sort them; and it hands out {@link ScoreView}s, so a store that keeps
     * snapshots as columns need not build each one. The scoring run reads the previous snapshots this way. The
     * default pages through {@link #list(PageRequest)}.
     *
     * @param visitor called once per snapshot, on the calling thread; an exception it throws ends the scan
     * @return how many snapshots were visited
     * @since 0.1.0
     */
    default long scan(Consumer<? super ScoreView> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        long n = 0;
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<ScoreSnapshot> p = list(page);
            for (ScoreSnapshot s : p.items()) {
                visitor.accept(s);
                n++;
            }
            if (!p.hasMore()) {
                return n;
            }
            page = new PageRequest(page.offset() + page.limit(), page.limit());
        }
    }

    /**
     * @param runId a run
     * @return how many current snapshots that run wrote
     */
    long countByRun(UUID runId);

    /**
     * Stores a run, replacing a stored run with the same id.
     *
     * @param run the run
     */
    void saveRun(ScoreRun run);

    /**
     * @param runId a run's id
     * @return the run, or empty
     */
    Optional<ScoreRun> findRun(UUID runId);

    /** @return the run that started last, or empty if there was none */
    Optional<ScoreRun> latestRun();
}
