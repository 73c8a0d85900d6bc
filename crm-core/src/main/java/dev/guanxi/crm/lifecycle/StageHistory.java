package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer's lifecycle transitions, oldest first. A valid history starts with a first placement ({@code
 * from == null}), every later transition starts in the stage where the previous one ended, all belong to the
 * same customer, and time never moves backwards (equal instants are allowed: a customer first seen with a
 * purchase may be placed and moved at the same instant). Time in a stage is derived from it.
 *
 * <p>Immutable and thread-safe. {@link #append} copies the list, O(n); it suits a customer's history, which
 * holds a handful of transitions, not a log of all customers.
 */
@Beta
public final class StageHistory {
    private final CustomerId customerId;
    private final List<StageTransition> transitions;

    private StageHistory(CustomerId customerId, List<StageTransition> transitions) {
        this.customerId = customerId;
        this.transitions = transitions;
    }

    /**
     * Returns the history of a customer who has no stage yet.
     *
     * @param customerId the customer
     * @return an empty history
     */
    public static StageHistory empty(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return new StageHistory(customerId, List.of());
    }

    /**
     * Validates and copies a customer's transitions.
     *
     * @param customerId the customer
     * @param transitions the transitions, oldest first
     * @return the history
     * @throws ValidationException naming {@code transitions[i].customerId} (INVALID_STATE: another customer's
     *     transition), {@code transitions[i].from} (INVALID_STATE: does not start where the previous one ended,
     *     or the first is not a first placement) or {@code transitions[i].at} (DATE_ORDER: earlier than the
     *     previous one)
     */
    public static StageHistory of(CustomerId customerId, List<StageTransition> transitions) {
        Objects.requireNonNull(customerId, "customerId");
        List<StageTransition> copy = List.copyOf(transitions);
        for (int i = 0; i < copy.size(); i++) {
            check(customerId, i == 0 ? null : copy.get(i - 1), copy.get(i), i);
        }
        return new StageHistory(customerId, copy);
    }

    private static void check(CustomerId customerId, StageTransition previous, StageTransition next, int index) {
        String at = "transitions[" + index + "].";
        if (!next.customerId().equals(customerId)) {
            throw new ValidationException(
                    at + "customerId",
                    ValidationRule.INVALID_STATE,
                    "transition of customer " + next.customerId() + " in the history of " + customerId);
        }
        LifecycleStage expectedFrom = previous == null ? null : previous.to();
        if (next.from() != expectedFrom) {
            throw new ValidationException(
                    at + "from",
                    ValidationRule.INVALID_STATE,
                    "transition starts in " + next.from() + " but the customer is in " + expectedFrom);
        }
        if (previous != null && next.at().isBefore(previous.at())) {
            throw new ValidationException(
                    at + "at",
                    ValidationRule.DATE_ORDER,
                    "transition at " + next.at() + " is earlier than the previous one at " + previous.at());
        }
    }

    /**
     * Returns a history with one more transition.
     *
     * @param transition the newest transition
     * @return a new history; this one is unchanged
     * @throws ValidationException as {@link #of} does, if the transition does not continue this history
     */
    public StageHistory append(StageTransition transition) {
        Objects.requireNonNull(transition, "transition");
        check(
                customerId,
                transitions.isEmpty() ? null : transitions.get(transitions.size() - 1),
                transition,
                transitions.size());
        List<StageTransition> copy = new ArrayList<>(transitions.size() + 1);
        copy.addAll(transitions);
        copy.add(transition);
        return new StageHistory(customerId, List.copyOf(copy));
    }

    /** @return the customer */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return the transitions, oldest first; an immutable list */
    public List<StageTransition> transitions() {
        return transitions;
    }

    /** @return the stage the customer is in, or empty if the customer has no stage yet */
    public Optional<LifecycleStage> currentStage() {
        return transitions.isEmpty()
                ? Optional.empty()
                : Optional.of(transitions.get(transitions.size() - 1).to());
    }

    /** @return when the customer entered the current stage, or empty if the customer has no stage yet */
    public Optional<Instant> since() {
        return transitions.isEmpty()
                ? Optional.empty()
                : Optional.of(transitions.get(transitions.size() - 1).at());
    }

    /**
     * Returns the total time the customer spent in a stage, over every visit; the current visit counts up to
     * {@code now}. O(number of transitions).
     *
     * @param stage the stage
     * @param now the instant to count the current stage up to; not before the newest transition
     * @return the total time, zero if the customer never was in the stage
     * @throws IllegalArgumentException if {@code now} is before the newest transition
     */
    public Duration timeInStage(LifecycleStage stage, Instant now) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(now, "now");
        if (!transitions.isEmpty() && now.isBefore(since().orElseThrow())) {
            throw new IllegalArgumentException(
                    "now " + now + " is before the newest transition at " + since().orElseThrow());
        }
        Duration total = Duration.ZERO;
        for (int i = 0; i < transitions.size(); i++) {
            StageTransition t = transitions.get(i);
            if (t.to() == stage) {
                Instant end =
                        i + 1 < transitions.size() ? transitions.get(i + 1).at() : now;
                total = total.plus(Duration.between(t.at(), end));
            }
        }
        return total;
    }

    /** @return a short description: the customer and the stages in order */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StageHistory[").append(customerId).append(':');
        for (StageTransition t : transitions) {
            sb.append(' ').append(t.to());
        }
        return sb.append(']').toString();
    }
}
