package dev.guanxi.crm.marketing;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer on a campaign's target list (目标客户): who is to be reached, where the name came from, and why. A
 * campaign has at most one target per customer; adding the customer again replaces it. Targets are listed by
 * {@code rank} (unranked ones last), then by customer id. See {@link Marketing#addTargets}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param campaignId the campaign whose target list this is, not null
 * @param customerId the customer to reach
 * @param addedAt when the target was added (or last replaced)
 * @param source where the target came from, a code of 1 to 64 characters of {@code [A-Za-z0-9_.-]}, e.g.
 *     {@value #WIN_BACK} or {@code manual}
 * @param rank the position on the list, 1 to {@value #MAX_RANK} (1 first; ranks need not be dense or unique),
 *     or {@code null} if unranked
 * @param expectedValue a score in the source's own units, higher meaning more worth reaching (for {@value
 *     #WIN_BACK}, the expected recovery), a finite number, or {@code null} if none; {@code -0.0} is stored as
 *     {@code 0.0}
 * @param reason why the customer is targeted, one line of at most 500 characters, or {@code null}
 * @since 0.1.0
 */
@Beta
public record CampaignTarget(
        CampaignId campaignId,
        CustomerId customerId,
        Instant addedAt,
        String source,
        Integer rank,
        Double expectedValue,
        String reason) {
    /** The source of targets taken from the win-back list. */
    public static final String WIN_BACK = "win-back";

    /** The largest rank accepted (the largest target list size). */
    public static final int MAX_RANK = Campaign.MAX_TARGET_LIST_SIZE;

    /**
     * Validates the components.
     *
     * @param campaignId the campaign whose target list this is, not null
     * @param customerId the customer to reach
     * @param addedAt when the target was added (or last replaced)
     * @param source where the target came from, a code of 1 to 64 characters of {@code [A-Za-z0-9_.-]}, e.g. {@value
     *     #WIN_BACK} or {@code manual}
     * @param rank the position on the list, 1 to {@value #MAX_RANK} (1 first; ranks need not be dense or unique), or
     *     {@code null} if unranked
     * @param expectedValue a score in the source's own units, higher meaning more worth reaching (for {@value
     *     #WIN_BACK}, the expected recovery), a finite number, or {@code null} if none; {@code -0.0} is stored as
     *     {@code 0.0}
     * @param reason why the customer is targeted, one line of at most 500 characters, or {@code null}
     * @throws NullPointerException if {@code campaignId}, {@code customerId} or {@code addedAt} is null
     * @throws dev.guanxi.crm.ValidationException on {@code source} if missing or not a code; on {@code rank} or
     *     {@code expectedValue} ({@code OUT_OF_RANGE}) if out of range; on {@code reason} if blank, too long or
     *     not one line
     */
    public CampaignTarget {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(addedAt, "addedAt");
        expectedValue = validate(source, rank, expectedValue, reason);
    }

    /**
     * The rules a target's own components obey; shared with {@link NewCampaignTarget}.
     *
     * @return {@code expectedValue} with {@code -0.0} turned into {@code 0.0}
     */
    static Double validate(String source, Integer rank, Double expectedValue, String reason) {
        Check.code("source", source);
        if (rank != null) {
            Check.range("rank", rank, 1, MAX_RANK);
        }
        if (expectedValue != null && !Double.isFinite(expectedValue)) {
            throw Check.fail(
                    "expectedValue",
                    dev.guanxi.crm.ValidationRule.OUT_OF_RANGE,
                    "expectedValue must be a finite number, got " + expectedValue);
        }
        Check.optionalText("reason", reason, Check.LINE_MAX);
        // One zero, so that a target equals itself after a round trip through any store.
        return expectedValue != null && expectedValue == 0.0 ? Double.valueOf(0.0) : expectedValue;
    }

    /**
     * Creates a target from a draft.
     *
     * @param campaignId the campaign
     * @param draft what the host supplied
     * @param addedAt when it is added
     * @return the target
     */
    public static CampaignTarget of(CampaignId campaignId, NewCampaignTarget draft, Instant addedAt) {
        Objects.requireNonNull(draft, "draft");
        return new CampaignTarget(
                campaignId,
                draft.customerId(),
                addedAt,
                draft.source(),
                draft.rank(),
                draft.expectedValue(),
                draft.reason());
    }
}
