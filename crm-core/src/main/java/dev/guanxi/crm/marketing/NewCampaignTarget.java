package dev.guanxi.crm.marketing;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;

/**
 * What a host supplies to put a customer on a campaign's target list; see {@link Marketing#addTargets}. The
 * components mean what they mean on {@link CampaignTarget}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer to reach
 * @param source where the target comes from, a code such as {@code manual} or {@value CampaignTarget#WIN_BACK}
 * @param rank the position on the list, 1 or more, or {@code null} if unranked
 * @param expectedValue a finite score, higher meaning more worth reaching, or {@code null}
 * @param reason why, one line of at most 500 characters, or {@code null}
 * @since 0.1.0
 */
@Beta
public record NewCampaignTarget(
        CustomerId customerId, String source, Integer rank, Double expectedValue, String reason) {
    /** The most targets one call of {@link Marketing#addTargets} takes. */
    public static final int MAX_PER_CALL = 10_000;

    /**
     * Validates the components.
     *
     * @param customerId the customer to reach
     * @param source where the target comes from, a code such as {@code manual} or {@value CampaignTarget#WIN_BACK}
     * @param rank the position on the list, 1 or more, or {@code null} if unranked
     * @param expectedValue a finite score, higher meaning more worth reaching, or {@code null}
     * @param reason why, one line of at most 500 characters, or {@code null}
     * @throws dev.guanxi.crm.ValidationException naming the first field that breaks a rule ({@code customerId}
     *     and {@code source} are required)
     */
    public NewCampaignTarget {
        Check.required("customerId", customerId);
        expectedValue = CampaignTarget.validate(source, rank, expectedValue, reason);
    }

    /**
     * A target with no rank, score or reason.
     *
     * @param customerId the customer
     * @param source where it comes from
     * @return the draft
     */
    public static NewCampaignTarget of(CustomerId customerId, String source) {
        return new NewCampaignTarget(customerId, source, null, null, null);
    }
}
