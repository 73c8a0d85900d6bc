package dev.guanxi.crm.marketing;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;

/**
 * One step in a {@link CampaignResponse}'s history: the AIDA stage a customer reached, when, and on which
 * channel. Immutable and thread-safe.
 *
 * @param stage the stage reached
 * @param at when the customer reached it
 * @param channel the channel the response came in on
 */
public record StageReached(AidaStage stage, Instant at, Channel channel) {
    /**
     * Rejects nulls.
     *
     * @param stage the stage reached
     * @param at when the customer reached it
     * @param channel the channel the response came in on
     */
    public StageReached {
        Check.required("stage", stage);
        Check.required("respondedAt", at);
        Check.required("channel", channel);
    }
}
