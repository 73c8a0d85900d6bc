package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One move of a customer between lifecycle stages: an event to store and publish. Only moves that {@link
 * LifecycleStage}'s table allows can be created, so a stored transition is legal by construction.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer that moved, required
 * @param from the stage left, or {@code null} for the customer's first placement
 * @param to the stage entered
 * @param at when; truncated to microseconds, the precision every store keeps
 * @param cause what triggered the move
 * @param reason a one-line human-readable reason, at most 500 characters
 * @param reasons the rules and numbers behind the move (copied); may be empty, e.g. for a manual move
 */
@Beta
public record StageTransition(
        CustomerId customerId,
        LifecycleStage from,
        LifecycleStage to,
        Instant at,
        TransitionCause cause,
        String reason,
        List<LifecycleReason> reasons) {
    /**
     * Validates the transition.
     *
     * @param customerId the customer that moved, required
     * @param from the stage left, or {@code null} for the customer's first placement
     * @param to the stage entered
     * @param at when; truncated to microseconds, the precision every store keeps
     * @param cause what triggered the move
     * @param reason a one-line human-readable reason, at most 500 characters
     * @param reasons the rules and numbers behind the move (copied); may be empty, e.g. for a manual move
     * @throws IllegalStageTransitionException if the table does not allow {@code from -> to}
     * @throws dev.guanxi.crm.ValidationException naming {@code customerId}, {@code to}, {@code at}, {@code
     *     cause} (REQUIRED) or {@code reason} (REQUIRED, BLANK, TOO_LONG, ILLEGAL_CHARACTER)
     * @throws NullPointerException if {@code reasons} or one of its elements is null
     */
    public StageTransition {
        Check.required("customerId", customerId);
        Check.required("to", to);
        Check.required("at", at);
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Check.required("cause", cause);
        Check.text("reason", reason, Check.LINE_MAX);
        Objects.requireNonNull(reasons, "reasons");
        reasons = List.copyOf(reasons);
        LifecycleStage.requireAllowed(from, to);
    }
}
