package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The relationship lifecycle of one tenant's customers (acquire → maintain → recover): each customer's stored
 * transition log and current stage, manual moves, churn reasons and reports over a period. Obtained from {@code
 * crm.tenant(id).lifecycle()}; thread-safe.
 *
 * <p>The scoring run ({@link dev.guanxi.crm.classification.Scoring#run}) evaluates every customer with the
 * lifecycle rule and appends each move to the log in the transaction that writes the customer's score snapshot,
 * publishing a {@link dev.guanxi.crm.event.LifecycleStageChanged}; the next run reads the customers' current
 * stages from the log. {@link #move} moves a customer by hand.
 *
 * <pre>{@code
 * Lifecycle lifecycle = crm.tenant(tenant).lifecycle();
 * StageHistory history = lifecycle.history(customerId);
 * Duration atRisk = history.timeInStage(LifecycleStage.AT_RISK, clock.instant());
 * // a salesperson learns why a lost customer left
 * lifecycle.recordChurnReason(customerId, "competitor", rivalId, "moved to a cheaper supplier", staff);
 * }</pre>
 *
 * <p>Needs a store that keeps lifecycle logs ({@link dev.guanxi.crm.spi.storage.UnitOfWork#lifecycle()}): the
 * in-memory store and crm-jdbc do; with another store every method throws {@link UnsupportedOperationException}.
 *
 * @since 0.1.0
 */
@Beta
public interface Lifecycle {
    /**
     * Reads a customer's transition log. O(its length).
     *
     * @param customerId the customer
     * @return the history, oldest first; empty if the customer was never placed
     * @throws NoSuchCustomerException if the tenant has no such customer
     */
    StageHistory history(CustomerId customerId);

    /**
     * Reads a customer's current stage.
     *
     * @param customerId the customer
     * @return the stage and since when, or empty if the customer was never placed
     * @throws NoSuchCustomerException if the tenant has no such customer
     */
    Optional<LifecycleState> current(CustomerId customerId);

    /**
     * Moves a customer by hand (cause {@link TransitionCause#MANUAL}) at the clock's instant. The transition table
     * and the guards of the CRM's {@link LifecycleEngine} ({@code Crm.Builder.lifecycle}) apply. A move that
     * goes through is appended to the log, published as a {@link dev.guanxi.crm.event.LifecycleStageChanged}, and
     * written into the customer's latest score snapshot (its {@code lifecycle} label, reason and {@code
     * lifecycle.sinceDay}), all in one transaction; a vetoed move changes nothing. The guards see the facts of
     * the latest snapshot: the current stage, the 80/20 grade and P(alive) (no purchases are read).
     *
     * @param customerId the customer
     * @param to the stage to move to
     * @param reason why, one line of at most 500 characters (e.g. who decided)
     * @return the applied or the vetoed transition
     * @throws NoSuchCustomerException if the tenant has no such customer
     * @throws IllegalStageTransitionException if the table does not allow the move from the current stage
     * @throws dev.guanxi.crm.ValidationException naming {@code reason} if it is blank, too long or not one line
     * @throws dev.guanxi.crm.StaleVersionException if another writer moved the customer meanwhile (retry)
     */
    LifecycleOutcome move(CustomerId customerId, LifecycleStage to, String reason);

    /**
     * Records why a customer was lost: for the customer's latest move into {@link LifecycleStage#LOST}, replacing
     * a reason recorded for the same loss before.
     *
     * @param customerId the customer
     * @param code a code of the tenant's {@link dev.guanxi.crm.customer.ReferenceCodeType#CHURN_REASON} list
     * @param competitorId the competitor the customer went to, or {@code null}
     * @param note a free-text note of at most {@value ChurnReason#NOTE_MAX} characters, or {@code null}
     * @param recordedBy who records it, or {@code null}
     * @return the stored reason
     * @throws NoSuchCustomerException if the tenant has no such customer
     * @throws dev.guanxi.crm.ValidationException naming {@code customerId} (INVALID_STATE: the customer was never
     *     lost), {@code code} (INVALID_FORMAT, or UNKNOWN_CODE: not a defined, active churn reason code), {@code
     *     competitorId} (UNKNOWN_REFERENCE: no such competitor in the tenant) or {@code note}
     */
    ChurnReason recordChurnReason(
            CustomerId customerId, String code, CompetitorId competitorId, String note, StaffId recordedBy);

    /**
     * Reads the reasons recorded for a customer's losses.
     *
     * @param customerId the customer
     * @return the reasons, oldest loss first
     * @throws NoSuchCustomerException if the tenant has no such customer
     */
    List<ChurnReason> churnReasons(CustomerId customerId);

    /**
     * Counts the losses of a period (moves into {@link LifecycleStage#LOST} on the days {@code from} to {@code
     * to}, inclusive, UTC) by churn reason code and by competitor. O(transitions and reasons of the period).
     *
     * @param from the first day
     * @param to the last day
     * @return the report
     * @throws dev.guanxi.crm.ValidationException naming {@code to} (DATE_ORDER) if it is before {@code from}
     */
    ChurnReport churnReport(LocalDate from, LocalDate to);

    /**
     * Counts the transitions of a period (days {@code from} to {@code to}, inclusive, UTC) by from and to stage:
     * the stage flow of the tenant. O(transitions of the period).
     *
     * @param from the first day
     * @param to the last day
     * @return the flow
     * @throws dev.guanxi.crm.ValidationException naming {@code to} (DATE_ORDER) if it is before {@code from}
     */
    StageFlow flow(LocalDate from, LocalDate to);
}
