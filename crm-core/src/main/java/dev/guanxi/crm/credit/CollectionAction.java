package dev.guanxi.crm.credit;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Objects;

/**
 * One step of a collection policy (催收): what to do about a customer of a credit grade, from the convenience
 * good grades earn to requiring prepayment. Only a {@link Kind#DEFERRAL} carries a number of days.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what to do
 * @param days for a {@link Kind#DEFERRAL}, the days payment may be deferred (1 to 366); 0 for every other kind
 */
@Beta
public record CollectionAction(Kind kind, int days) {
    /** The longest deferral, in days. */
    public static final int MAX_DEFERRAL_DAYS = 366;

    /** What a collection step does, in order of escalation. */
    public enum Kind {
        /** No collection action: a good grade earns convenience (e.g. longer terms, no deposit). */
        CONVENIENCE,
        /** Remind the customer of the amount due (message, call). */
        REMIND,
        /** Allow a time-limited deferral (限时缓缴) of the payment. */
        DEFERRAL,
        /** Visit the customer to collect (上门促缴). */
        DUNNING_VISIT,
        /** Suspend the service until paid (停电催缴 in utilities). */
        SUSPEND_SERVICE,
        /** Require payment in advance (预缴) for further service. */
        REQUIRE_PREPAYMENT
    }

    /**
     * Validates the action.
     *
     * @param kind what to do
     * @param days for a {@link Kind#DEFERRAL}, the days payment may be deferred (1 to 366); 0 for every other kind
     * @throws ValidationException with field {@code kind} and rule {@link ValidationRule#REQUIRED} without a
     *     kind; with field {@code days} and rule {@link ValidationRule#OUT_OF_RANGE} for a deferral outside 1 to
     *     366 days or days on another kind
     */
    public CollectionAction {
        if (kind == null) {
            throw new ValidationException("kind", ValidationRule.REQUIRED, "kind is required");
        }
        if (kind == Kind.DEFERRAL) {
            if (days < 1 || days > MAX_DEFERRAL_DAYS) {
                throw CreditChecks.outOfRange(
                        "days", "of a deferral must be 1 to " + MAX_DEFERRAL_DAYS + ", was " + days);
            }
        } else if (days != 0) {
            throw CreditChecks.outOfRange("days", "must be 0 for " + kind + ", was " + days);
        }
    }

    /** @return the convenience of a good grade: no collection action */
    public static CollectionAction convenience() {
        return new CollectionAction(Kind.CONVENIENCE, 0);
    }

    /** @return a reminder */
    public static CollectionAction remind() {
        return new CollectionAction(Kind.REMIND, 0);
    }

    /**
     * @param days the days payment may be deferred, 1 to 366
     * @return a time-limited deferral
     */
    public static CollectionAction deferral(int days) {
        return new CollectionAction(Kind.DEFERRAL, days);
    }

    /** @return a dunning visit */
    public static CollectionAction dunningVisit() {
        return new CollectionAction(Kind.DUNNING_VISIT, 0);
    }

    /** @return a suspension of service */
    public static CollectionAction suspendService() {
        return new CollectionAction(Kind.SUSPEND_SERVICE, 0);
    }

    /** @return a prepayment requirement */
    public static CollectionAction requirePrepayment() {
        return new CollectionAction(Kind.REQUIRE_PREPAYMENT, 0);
    }

    /** @return the kind, with the days of a deferral, e.g. {@code DEFERRAL(15 days)} or {@code REMIND} */
    @Override
    public String toString() {
        return kind == Kind.DEFERRAL ? "DEFERRAL(" + days + " days)" : Objects.toString(kind);
    }
}
