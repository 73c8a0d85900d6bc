package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.util.Objects;

/**
 * A lost or at-risk customer on the win-back list (客户挽救), ranked by the value a win-back would recover.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the lost or at-risk customer, not null
 * @param displayName the customer's name
 * @param stage why the customer is on the list: its lifecycle stage ({@code AT_RISK}, {@code LOST}) or, before
 *     the lifecycle is evaluated, {@code P(alive) < 0.5}
 * @param valueIfWonBack the customer's lifetime value if it were still active: CLV / P(alive) (BG/NBD's
 *     conditional expectation factors into P(alive) × the expectation while alive), in units of the run's
 *     currency
 * @param recoverability the estimated chance of winning the customer back, 0 to 1
 * @param expectedRecovery {@code valueIfWonBack × recoverability}, the ranking key
 * @param reason the numbers behind the rank, for a person
 */
@Beta
public record WinBackCandidate(
        CustomerId customerId,
        String displayName,
        String stage,
        double valueIfWonBack,
        double recoverability,
        double expectedRecovery,
        String reason) {
    /**
     * Rejects nulls and values out of range.
     *
     * @param customerId the lost or at-risk customer, not null
     * @param displayName the customer's name
     * @param stage why the customer is on the list: its lifecycle stage ({@code AT_RISK}, {@code LOST}) or, before the
     *     lifecycle is evaluated, {@code P(alive) < 0.5}
     * @param valueIfWonBack the customer's lifetime value if it were still active: CLV / P(alive) (BG/NBD's conditional
     *     expectation factors into P(alive) × the expectation while alive), in units of the run's currency
     * @param recoverability the estimated chance of winning the customer back, 0 to 1
     * @param expectedRecovery {@code valueIfWonBack × recoverability}, the ranking key
     * @param reason the numbers behind the rank, for a person
     */
    public WinBackCandidate {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        if (!(recoverability >= 0 && recoverability <= 1)) {
            throw new IllegalArgumentException("recoverability must lie in [0, 1]: " + recoverability);
        }
    }
}
