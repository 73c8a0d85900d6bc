package dev.guanxi.crm.marketing;

import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The AIDA funnel of one campaign: how many responding customers reached each stage, with conversion rates
 * and the cost per action.
 *
 * <p>The funnel is <b>cumulative</b>: a customer counts in the stage they reached and in every earlier
 * stage, so a customer at {@link AidaStage#DESIRE} counts in AWARENESS, INTEREST and DESIRE. Hence {@code
 * reached(AWARENESS)} is the number of responding customers and the counts never rise from one stage to the
 * next.
 *
 * <p>Rates are exact decimals rounded to {@value #RATE_SCALE} decimal places with {@link
 * RoundingMode#HALF_UP} (0.3333 for one in three); a rate whose denominator is zero is empty. The cost per
 * action is the budget divided by the number of customers who reached ACTION, rounded to the currency's
 * scale with {@link RoundingMode#HALF_UP}, and empty when nobody did.
 *
 * <p>Immutable and thread-safe.
 *
 * @param campaignId the campaign whose responses are counted, not null
 * @param reached the cumulative count per stage; every stage present, counts zero or more, never rising
 * @param targetListSize the campaign's target list size, or {@code null} if unknown
 * @param budget the campaign's budget
 */
public record CampaignFunnel(
        CampaignId campaignId, Map<AidaStage, Long> reached, Integer targetListSize, Money budget) {
    /** The number of decimal places of a rate. */
    public static final int RATE_SCALE = 4;

    /**
     * Validates the counts and copies the map (iteration follows the stages' order).
     *
     * @param campaignId the campaign whose responses are counted, not null
     * @param reached the cumulative count per stage; every stage present, counts zero or more, never rising
     * @param targetListSize the campaign's target list size, or {@code null} if unknown
     * @param budget the campaign's budget
     */
    public CampaignFunnel {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(reached, "reached");
        Objects.requireNonNull(budget, "budget");
        EnumMap<AidaStage, Long> copy = new EnumMap<>(AidaStage.class);
        long previous = Long.MAX_VALUE;
        for (AidaStage stage : AidaStage.values()) {
            Long count = reached.get(stage);
            if (count == null || count < 0) {
                throw new IllegalArgumentException("reached needs a count of zero or more for " + stage);
            }
            if (count > previous) {
                throw new IllegalArgumentException("a cumulative funnel cannot rise at " + stage);
            }
            copy.put(stage, count);
            previous = count;
        }
        reached = Collections.unmodifiableMap(copy);
    }

    /**
     * Builds the cumulative funnel from the number of responses whose furthest stage is each stage.
     *
     * @param campaign the campaign
     * @param byFurthestStage how many responses stopped at each stage; a missing stage counts as zero
     * @return the funnel
     */
    public static CampaignFunnel of(Campaign campaign, Map<AidaStage, Long> byFurthestStage) {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(byFurthestStage, "byFurthestStage");
        EnumMap<AidaStage, Long> cumulative = new EnumMap<>(AidaStage.class);
        long running = 0;
        AidaStage[] stages = AidaStage.values();
        for (int i = stages.length - 1; i >= 0; i--) {
            running += byFurthestStage.getOrDefault(stages[i], 0L);
            cumulative.put(stages[i], running);
        }
        return new CampaignFunnel(campaign.id(), cumulative, campaign.targetListSize(), campaign.budget());
    }

    /**
     * @param stage a stage
     * @return how many responding customers reached the stage or a later one
     */
    public long reached(AidaStage stage) {
        return reached.get(Objects.requireNonNull(stage, "stage"));
    }

    /** @return how many customers responded at all (reached AWARENESS or later) */
    public long responses() {
        return reached(AidaStage.AWARENESS);
    }

    /**
     * Returns the share of the customers who reached {@code from} that went on to reach {@code to}.
     *
     * @param from the earlier stage
     * @param to the later (or same) stage
     * @return {@code reached(to) / reached(from)}, or empty if nobody reached {@code from}
     * @throws IllegalArgumentException if {@code to} comes before {@code from}
     */
    public Optional<BigDecimal> conversionRate(AidaStage from, AidaStage to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAtLeast(from)) {
            throw new IllegalArgumentException(to + " comes before " + from);
        }
        return rate(reached(to), reached(from));
    }

    /**
     * Returns the share of the customers who reached a stage that went on to the next stage.
     *
     * @param stage a stage other than ACTION
     * @return the step's conversion rate, or empty if nobody reached {@code stage}
     * @throws IllegalArgumentException for {@link AidaStage#ACTION}, the last stage
     */
    public Optional<BigDecimal> stepRate(AidaStage stage) {
        Objects.requireNonNull(stage, "stage");
        if (stage == AidaStage.ACTION) {
            throw new IllegalArgumentException("ACTION is the last stage");
        }
        return conversionRate(stage, AidaStage.values()[stage.ordinal() + 1]);
    }

    /** @return the share of responding customers who acted, or empty if nobody responded */
    public Optional<BigDecimal> actionRate() {
        return conversionRate(AidaStage.AWARENESS, AidaStage.ACTION);
    }

    /**
     * @return responses divided by the target list size, or empty if the size is unknown or zero (may exceed 1
     *     when customers outside the list responded)
     */
    public Optional<BigDecimal> responseRate() {
        return targetListSize == null ? Optional.empty() : rate(responses(), targetListSize);
    }

    /** @return the budget per customer who reached ACTION (HALF_UP to the currency's scale), or empty if none */
    public Optional<Money> costPerAction() {
        long actions = reached(AidaStage.ACTION);
        if (actions == 0) {
            return Optional.empty();
        }
        int scale = Money.scaleOf(budget.currency());
        BigDecimal each = budget.amount().divide(BigDecimal.valueOf(actions), scale, RoundingMode.HALF_UP);
        return Optional.of(Money.of(each, budget.currency()));
    }

    private static Optional<BigDecimal> rate(long numerator, long denominator) {
        if (denominator == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), RATE_SCALE, RoundingMode.HALF_UP));
    }
}
