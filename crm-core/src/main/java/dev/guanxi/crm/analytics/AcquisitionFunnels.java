package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.Channel;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.CampaignFunnel;
import dev.guanxi.crm.marketing.CampaignId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The acquisition funnel of a tenant: the AIDA funnel (awareness → interest → desire → action) of every
 * campaign, and the same funnel summed per channel of the campaigns, with conversion rates per stage.
 *
 * <p>Immutable and thread-safe.
 *
 * @param byCampaign each campaign's funnel, by campaign id, in campaign-code order
 * @param byChannel per channel, how many responses reached each stage or a later one
 */
@Beta
public record AcquisitionFunnels(
        Map<CampaignId, CampaignFunnel> byCampaign, Map<Channel, Map<AidaStage, Long>> byChannel) {
    /**
     * Copies.
     *
     * @param byCampaign each campaign's funnel, by campaign id, in campaign-code order
     * @param byChannel per channel, how many responses reached each stage or a later one
     */
    public AcquisitionFunnels {
        byCampaign = Collections.unmodifiableMap(new LinkedHashMap<>(byCampaign));
        Map<Channel, Map<AidaStage, Long>> copy = new EnumMap<>(Channel.class);
        byChannel.forEach((channel, reached) -> copy.put(channel, Collections.unmodifiableMap(new EnumMap<>(reached))));
        byChannel = Collections.unmodifiableMap(copy);
    }

    /**
     * The share of a channel's responses that reached {@code from} and went on to reach {@code to}.
     *
     * @param channel the channel
     * @param from the earlier stage
     * @param to the later stage
     * @return the rate at 4 decimals, or empty if none reached {@code from} on that channel
     */
    public Optional<BigDecimal> conversionRate(Channel channel, AidaStage from, AidaStage to) {
        Objects.requireNonNull(channel, "channel");
        Map<AidaStage, Long> reached = byChannel.getOrDefault(channel, Map.of());
        long base = reached.getOrDefault(from, 0L);
        if (base == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(reached.getOrDefault(to, 0L))
                .divide(BigDecimal.valueOf(base), CampaignFunnel.RATE_SCALE, RoundingMode.HALF_EVEN));
    }
}
