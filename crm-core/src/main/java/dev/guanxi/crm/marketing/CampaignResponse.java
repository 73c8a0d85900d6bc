package dev.guanxi.crm.marketing;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.Channel;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.sales.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one customer responded to one campaign: the furthest {@link AidaStage} reached and the history of
 * how they got there. There is at most one response per campaign and customer; recording a later stage
 * advances it (the stage never goes back).
 *
 * <p>The optional order and opportunity ids link the response to the sale it led to. They are stored as
 * given, without checking that the order or opportunity exists: the link is informational and may be
 * recorded before the sales system has synchronised the order.
 *
 * <p>Immutable and thread-safe; changes are made through {@link Marketing#recordResponse}.
 *
 * @param id the response's id, assigned by the CRM at the first response, not null
 * @param campaignId the campaign responded to
 * @param customerId the customer who responded
 * @param history the stages reached, oldest first: at least one, stages strictly rising, instants not
 *     falling
 * @param note the latest note given with a response, or {@code null}
 * @param orderId the order the response led to (not checked), or {@code null}
 * @param opportunityId the opportunity the response led to (not checked), or {@code null}
 * @param version the version, 1 when first recorded, +1 per stage advanced
 * @param createdAt when it was first recorded
 * @param updatedAt when it was last changed
 */
public record CampaignResponse(
        CampaignResponseId id,
        CampaignId campaignId,
        CustomerId customerId,
        List<StageReached> history,
        String note,
        OrderId orderId,
        OpportunityId opportunityId,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<CampaignResponseId> {
    /**
     * Validates the components and copies the history.
     *
     * @param id the response's id, assigned by the CRM at the first response, not null
     * @param campaignId the campaign responded to
     * @param customerId the customer who responded
     * @param history the stages reached, oldest first: at least one, stages strictly rising, instants not falling
     * @param note the latest note given with a response, or {@code null}
     * @param orderId the order the response led to (not checked), or {@code null}
     * @param opportunityId the opportunity the response led to (not checked), or {@code null}
     * @param version the version, 1 when first recorded, +1 per stage advanced
     * @param createdAt when it was first recorded
     * @param updatedAt when it was last changed
     * @throws ValidationException naming the first field that breaks a rule, e.g. {@code history[1].stage} with
     *     {@link ValidationRule#INVALID_STATE} when the stages do not rise
     * @throws NullPointerException if {@code id}, {@code createdAt} or {@code updatedAt} is null
     * @throws IllegalArgumentException if {@code version} is less than 1
     */
    public CampaignResponse {
        Objects.requireNonNull(id, "id");
        Check.required("campaignId", campaignId);
        Check.required("customerId", customerId);
        history = Check.list("history", history, AidaStage.values().length);
        if (history.isEmpty()) {
            throw Check.fail("history", ValidationRule.REQUIRED, "a response has reached at least one stage");
        }
        for (int i = 1; i < history.size(); i++) {
            StageReached before = history.get(i - 1);
            StageReached after = history.get(i);
            if (!after.stage().isAfter(before.stage())) {
                throw Check.fail(
                        "history[" + i + "].stage", ValidationRule.INVALID_STATE, "stages must rise in the history");
            }
            if (after.at().isBefore(before.at())) {
                throw Check.fail(
                        "history[" + i + "].at", ValidationRule.DATE_ORDER, "a later stage cannot be reached earlier");
            }
        }
        Check.optionalMultiline("note", note, Check.TEXT_MAX);
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * Creates the first response of a customer to a campaign.
     *
     * @param id the new id
     * @param campaignId the campaign
     * @param customerId the customer
     * @param reached the stage reached, when and on which channel
     * @param note a note, or {@code null}
     * @param orderId a linked order, or {@code null}
     * @param opportunityId a linked opportunity, or {@code null}
     * @param now the instant of recording
     * @return the response at version 1
     */
    public static CampaignResponse first(
            CampaignResponseId id,
            CampaignId campaignId,
            CustomerId customerId,
            StageReached reached,
            String note,
            OrderId orderId,
            OpportunityId opportunityId,
            Instant now) {
        Check.required("reached", reached);
        return new CampaignResponse(
                id, campaignId, customerId, List.of(reached), note, orderId, opportunityId, 1, now, now);
    }

    /**
     * Returns this response advanced to a later stage, one version later. A given note or link replaces the
     * stored one; {@code null} keeps it.
     *
     * @param reached the later stage, when and on which channel
     * @param note a note, or {@code null}
     * @param orderId a linked order, or {@code null}
     * @param opportunityId a linked opportunity, or {@code null}
     * @param now the instant of recording
     * @return the advanced response
     * @throws ValidationException on field {@code stage} with rule {@link ValidationRule#INVALID_STATE} if the
     *     stage is not later than {@link #stage()}; on field {@code respondedAt} with rule {@link
     *     ValidationRule#DATE_ORDER} if it was reached before {@link #respondedAt()}
     */
    public CampaignResponse advance(
            StageReached reached, String note, OrderId orderId, OpportunityId opportunityId, Instant now) {
        Check.required("reached", reached);
        if (!reached.stage().isAfter(stage())) {
            throw Check.fail(
                    "stage",
                    ValidationRule.INVALID_STATE,
                    "the customer already reached " + stage() + "; a response never goes back to " + reached.stage());
        }
        if (reached.at().isBefore(respondedAt())) {
            throw Check.fail(
                    "respondedAt",
                    ValidationRule.DATE_ORDER,
                    reached.stage() + " cannot be reached before " + stage() + " was, at " + respondedAt());
        }
        List<StageReached> longer = new ArrayList<>(history);
        longer.add(reached);
        return new CampaignResponse(
                id,
                campaignId,
                customerId,
                longer,
                note == null ? this.note : note,
                orderId == null ? this.orderId : orderId,
                opportunityId == null ? this.opportunityId : opportunityId,
                version + 1,
                createdAt,
                now);
    }

    /** @return the furthest stage reached */
    public AidaStage stage() {
        return latest().stage();
    }

    /** @return when the furthest stage was reached */
    public Instant respondedAt() {
        return latest().at();
    }

    /** @return the channel of the latest response */
    public Channel channel() {
        return latest().channel();
    }

    /** @return when the customer first responded */
    public Instant firstRespondedAt() {
        return history.get(0).at();
    }

    /**
     * Returns when the customer reached a stage. A skipped stage counts as reached together with the later
     * stage that implied it (a customer who bought at once reached awareness when they bought).
     *
     * @param stage the stage
     * @return the instant, or empty if the customer has not reached it
     */
    public Optional<Instant> reachedAt(AidaStage stage) {
        Objects.requireNonNull(stage, "stage");
        return history.stream()
                .filter(s -> s.stage().isAtLeast(stage))
                .findFirst()
                .map(StageReached::at);
    }

    private StageReached latest() {
        return history.get(history.size() - 1);
    }
}
