package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.lifecycle.ChurnReason;
import dev.guanxi.crm.lifecycle.LifecycleState;
import dev.guanxi.crm.lifecycle.StageTransition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The customers' lifecycle transition logs (append-only), each customer's current stage, and the churn reasons
 * recorded for losses. Scoped to the unit of work's tenant like every repository.
 *
 * <p>A log is kept in the order appended; each appended transition must continue its customer's log: its
 * {@link StageTransition#from() from} is the customer's current stage ({@code null} for a customer without
 * one). That check is the log's optimistic lock: two writers who both read stage X and move the customer on
 * cannot both append — the second gets a {@link StaleVersionException} and its unit of work rolls back. The
 * store does not re-check the transition table (a {@link StageTransition} is legal by construction) nor that
 * time does not move backwards (the SDK evaluates at the clock's instant; {@link
 * dev.guanxi.crm.lifecycle.StageHistory#of} checks it when a log is read into a history).
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe (see {@link AggregateRepository}).
 *
 * @since 0.1.0
 */
@Beta
public interface LifecycleRepository {
    /**
     * Appends transitions to their customers' logs and makes each the customer's current stage, in list order
     * (a customer may appear more than once; each entry continues the one before). O(transitions); a store
     * should batch the writes.
     *
     * @param transitions the transitions to append
     * @throws StaleVersionException (entity type {@code "LifecycleStage"}, the customer id, the number of
     *     transitions in the customer's log) if a transition's {@code from} is not the customer's current stage
     *     — another writer moved the customer; the caller's unit of work must then roll back
     */
    void appendAll(List<StageTransition> transitions);

    /**
     * Reads a customer's log.
     *
     * @param customerId a customer
     * @return the customer's transitions in the order appended (oldest first), empty if it has none
     */
    List<StageTransition> history(CustomerId customerId);

    /**
     * Reads a customer's current stage.
     *
     * @param customerId a customer
     * @return the stage the newest transition entered and its instant, or empty if the customer has no stage
     */
    Optional<LifecycleState> current(CustomerId customerId);

    /**
     * Streams every customer's current stage, in customer id order (the order of {@link AggregateRepository#scan}).
     * O(customers with a stage) without materialising the logs.
     *
     * @param visitor receives each customer and its current stage
     * @return how many customers were visited
     */
    long scanCurrent(BiConsumer<CustomerId, LifecycleState> visitor);

    /**
     * Streams the transitions of a period, by instant, then customer id, then position in the customer's log.
     *
     * @param from the start of the period, inclusive
     * @param to the end of the period, exclusive
     * @param visitor receives each transition
     * @return how many transitions were visited
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    long scanTransitions(Instant from, Instant to, Consumer<StageTransition> visitor);

    /**
     * Stores a churn reason, replacing the one of the same customer and loss ({@code lostAt}) if there is one.
     * The caller has checked that the loss is in the customer's log and that the code and competitor exist.
     *
     * @param reason the reason
     */
    void putChurnReason(ChurnReason reason);

    /**
     * Reads a customer's churn reasons.
     *
     * @param customerId a customer
     * @return the reasons, by {@code lostAt}, empty if it has none
     */
    List<ChurnReason> churnReasons(CustomerId customerId);

    /**
     * Streams the churn reasons of the losses in a period, by {@code lostAt} then customer id.
     *
     * @param from the start of the period, inclusive
     * @param to the end of the period, exclusive
     * @param visitor receives each reason
     * @return how many reasons were visited
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    long scanChurnReasons(Instant from, Instant to, Consumer<ChurnReason> visitor);
}
