package dev.guanxi.crm.marketing;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.Channel;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A marketing campaign (营销活动): designed, run on one channel over a period, aimed at a target segment,
 * with a budget. Responses to it are {@link CampaignResponse}s.
 *
 * <p>Immutable and thread-safe; changes are made through {@link Marketing}. Created {@link
 * CampaignStatus#PLANNED} at version 1; every status change raises the version by one.
 *
 * @param id the campaign's id, assigned by the CRM when it is planned, not null
 * @param code the campaign's code, unique per tenant (exact, case-sensitive match), 1 to 64 characters of
 *     {@code [A-Za-z0-9_.-]}, e.g. {@code SPRING-2026}
 * @param name the name, in any script, 1 to 200 characters
 * @param description free text, or {@code null}
 * @param channel the channel it runs on
 * @param startDate the first day of the campaign
 * @param endDate the last day of the campaign, not before {@code startDate}
 * @param targetSegment who is targeted: a segment code such as {@code RFM:AT_RISK} or free text (up to 500
 *     characters), or {@code null} if not stated
 * @param targetListSize how many customers are on the target list (0 to 1,000,000,000), or {@code null}
 *     if unknown
 * @param budget the budget, zero or more
 * @param status where the campaign stands in {@link CampaignStatus}'s table, required
 * @param version the version, 1 when planned
 * @param createdAt when it was planned
 * @param updatedAt when it was last changed
 */
public record Campaign(
        CampaignId id,
        String code,
        String name,
        String description,
        Channel channel,
        LocalDate startDate,
        LocalDate endDate,
        String targetSegment,
        Integer targetListSize,
        Money budget,
        CampaignStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<CampaignId> {
    /** The largest target list size accepted. */
    public static final int MAX_TARGET_LIST_SIZE = 1_000_000_000;

    /**
     * Validates the components.
     *
     * @param id the campaign's id, assigned by the CRM when it is planned, not null
     * @param code the campaign's code, unique per tenant (exact, case-sensitive match), 1 to 64 characters of {@code
     *     [A-Za-z0-9_.-]}, e.g. {@code SPRING-2026}
     * @param name the name, in any script, 1 to 200 characters
     * @param description free text, or {@code null}
     * @param channel the channel it runs on
     * @param startDate the first day of the campaign
     * @param endDate the last day of the campaign, not before {@code startDate}
     * @param targetSegment who is targeted: a segment code such as {@code RFM:AT_RISK} or free text (up to 500
     *     characters), or {@code null} if not stated
     * @param targetListSize how many customers are on the target list (0 to 1,000,000,000), or {@code null} if unknown
     * @param budget the budget, zero or more
     * @param status where the campaign stands in {@link CampaignStatus}'s table, required
     * @param version the version, 1 when planned
     * @param createdAt when it was planned
     * @param updatedAt when it was last changed
     * @throws dev.guanxi.crm.ValidationException naming the first field that breaks a rule
     * @throws NullPointerException if {@code id}, {@code createdAt} or {@code updatedAt} is null
     * @throws IllegalArgumentException if {@code version} is less than 1
     */
    public Campaign {
        Objects.requireNonNull(id, "id");
        validateDefinition(code, name, description, channel, startDate, endDate, targetSegment, targetListSize, budget);
        Check.required("status", status);
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The rules a campaign's definition obeys; shared with {@link NewCampaign}. */
    static void validateDefinition(
            String code,
            String name,
            String description,
            Channel channel,
            LocalDate startDate,
            LocalDate endDate,
            String targetSegment,
            Integer targetListSize,
            Money budget) {
        Check.code("code", code);
        Check.text("name", name, Check.NAME_MAX);
        Check.optionalMultiline("description", description, Check.TEXT_MAX);
        Check.required("channel", channel);
        Check.required("startDate", startDate);
        Check.required("endDate", endDate);
        Check.order("endDate", startDate, endDate);
        Check.optionalText("targetSegment", targetSegment, Check.LINE_MAX);
        if (targetListSize != null) {
            Check.range("targetListSize", targetListSize, 0, MAX_TARGET_LIST_SIZE);
        }
        Check.nonNegative("budget", budget);
    }

    /**
     * Creates a planned campaign from a draft.
     *
     * @param id the new id
     * @param draft what the host supplied
     * @param now the instant of creation
     * @return the campaign at version 1, {@link CampaignStatus#PLANNED}
     */
    public static Campaign plan(CampaignId id, NewCampaign draft, Instant now) {
        Objects.requireNonNull(draft, "draft");
        return new Campaign(
                id,
                draft.code(),
                draft.name(),
                draft.description(),
                draft.channel(),
                draft.startDate(),
                draft.endDate(),
                draft.targetSegment(),
                draft.targetListSize(),
                draft.budget(),
                CampaignStatus.PLANNED,
                1,
                now,
                now);
    }

    /**
     * Returns this campaign in another status, one version later.
     *
     * @param to the new status
     * @param at the instant of the change
     * @return the changed campaign
     * @throws IllegalTransitionException if {@link CampaignStatus}'s table does not allow the move
     */
    public Campaign moveTo(CampaignStatus to, Instant at) {
        status.requireTransitionTo(to);
        Objects.requireNonNull(at, "at");
        return new Campaign(
                id,
                code,
                name,
                description,
                channel,
                startDate,
                endDate,
                targetSegment,
                targetListSize,
                budget,
                to,
                version + 1,
                createdAt,
                at);
    }

    /**
     * Returns this campaign with another target list size, one version later: what a change of its stored
     * {@link CampaignTarget target list} does.
     *
     * @param size how many targets the campaign now has
     * @param at the instant of the change
     * @return the changed campaign
     * @throws dev.guanxi.crm.ValidationException on {@code targetListSize} if {@code size} is out of range
     * @since 0.1.0
     */
    @dev.guanxi.crm.Beta
    public Campaign withTargetListSize(int size, Instant at) {
        Objects.requireNonNull(at, "at");
        return new Campaign(
                id,
                code,
                name,
                description,
                channel,
                startDate,
                endDate,
                targetSegment,
                size,
                budget,
                status,
                version + 1,
                createdAt,
                at);
    }

    /**
     * @return {@code true} if the target list may change now (the campaign is {@link CampaignStatus#PLANNED} or
     *     {@link CampaignStatus#ACTIVE}); a finished campaign's list is its history
     * @since 0.1.0
     */
    @dev.guanxi.crm.Beta
    public boolean acceptsTargets() {
        return !status.isFinal();
    }

    /** @return {@code true} if responses may be recorded now (the campaign is {@link CampaignStatus#ACTIVE}) */
    public boolean acceptsResponses() {
        return status == CampaignStatus.ACTIVE;
    }
}
