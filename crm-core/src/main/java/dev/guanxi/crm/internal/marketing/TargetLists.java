package dev.guanxi.crm.internal.marketing;

import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext.WriteScope;
import dev.guanxi.crm.internal.Violations;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignTarget;
import dev.guanxi.crm.marketing.NewCampaignTarget;
import dev.guanxi.crm.spi.storage.CampaignTargetRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes to a campaign's target list, written once for the marketing API and the win-back glue of the scoring
 * API: each runs inside the caller's unit of work, and changes the targets and the campaign's {@code
 * targetListSize} (one version later) together. Stateless and thread-safe.
 */
public final class TargetLists {
    private TargetLists() {}

    /**
     * Checks a list of drafts before any unit of work is opened: not null, at most {@link
     * NewCampaignTarget#MAX_PER_CALL}, no null entry, no customer twice.
     *
     * @param targets the drafts
     * @return an immutable copy
     * @throws dev.guanxi.crm.ValidationException on {@code targets} or {@code targets[i]} ({@code REQUIRED}),
     *     {@code targets} ({@code TOO_LONG}), {@code targets[i].customerId} ({@code DUPLICATE}, the later index)
     */
    public static List<NewCampaignTarget> checked(List<NewCampaignTarget> targets) {
        List<NewCampaignTarget> copy = Check.list("targets", targets, NewCampaignTarget.MAX_PER_CALL);
        Map<CustomerId, Integer> seen = new HashMap<>();
        for (int i = 0; i < copy.size(); i++) {
            Integer first = seen.putIfAbsent(copy.get(i).customerId(), i);
            if (first != null) {
                throw Check.fail(
                        "targets[" + i + "].customerId",
                        ValidationRule.DUPLICATE,
                        "customer " + copy.get(i).customerId() + " is already targets[" + first + "]");
            }
        }
        return copy;
    }

    /**
     * Adds or replaces targets of a campaign, in the scope's unit of work. O(targets given) lookups plus one
     * count of the campaign's targets.
     *
     * @param scope the unit of work
     * @param campaignId the campaign
     * @param targets drafts already {@linkplain #checked checked}
     * @return the campaign with its new target list size, one version later; unchanged if {@code targets} is
     *     empty
     * @throws NotFoundException if the tenant has no such campaign
     * @throws dev.guanxi.crm.ValidationException on {@code campaignId} ({@code INVALID_STATE}) if the campaign is
     *     COMPLETED or CANCELLED; on {@code targets[i].customerId} ({@code UNKNOWN_REFERENCE}) for every
     *     customer the tenant does not have
     */
    public static Campaign add(WriteScope scope, CampaignId campaignId, List<NewCampaignTarget> targets) {
        UnitOfWork uow = scope.uow();
        Campaign campaign = open(uow, campaignId);
        Violations unknown = new Violations();
        for (int i = 0; i < targets.size(); i++) {
            CustomerId customer = targets.get(i).customerId();
            if (uow.customers().find(customer).isEmpty()) {
                unknown.add(
                        "targets[" + i + "].customerId",
                        ValidationRule.UNKNOWN_REFERENCE,
                        "the tenant has no customer " + customer);
            }
        }
        unknown.throwIfAny();
        if (targets.isEmpty()) {
            return campaign;
        }
        CampaignTargetRepository repository = uow.campaignTargets();
        for (NewCampaignTarget draft : targets) {
            repository.put(CampaignTarget.of(campaignId, draft, scope.now()));
        }
        return resized(scope, campaign, repository);
    }

    /**
     * Removes a customer from a campaign's target list, in the scope's unit of work.
     *
     * @param scope the unit of work
     * @param campaignId the campaign
     * @param customerId the customer
     * @return the campaign with its new target list size, one version later; unchanged if the customer was not
     *     on the list
     * @throws NotFoundException if the tenant has no such campaign
     * @throws dev.guanxi.crm.ValidationException on {@code campaignId} ({@code INVALID_STATE}) if the campaign is
     *     COMPLETED or CANCELLED
     */
    public static Campaign remove(WriteScope scope, CampaignId campaignId, CustomerId customerId) {
        Campaign campaign = open(scope.uow(), campaignId);
        CampaignTargetRepository repository = scope.uow().campaignTargets();
        return repository.remove(campaignId, customerId) ? resized(scope, campaign, repository) : campaign;
    }

    /** The campaign, if its list may change. */
    private static Campaign open(UnitOfWork uow, CampaignId campaignId) {
        Campaign campaign =
                uow.campaigns().find(campaignId).orElseThrow(() -> new NotFoundException("Campaign", campaignId));
        if (!campaign.acceptsTargets()) {
            throw Check.fail(
                    "campaignId",
                    ValidationRule.INVALID_STATE,
                    "campaign " + campaign.code() + " is " + campaign.status()
                            + "; its target list can change only while it is PLANNED or ACTIVE");
        }
        return campaign;
    }

    /** Stores the campaign with the list's new size; its version check keeps concurrent changes apart. */
    private static Campaign resized(WriteScope scope, Campaign campaign, CampaignTargetRepository repository) {
        long count = repository.count(campaign.id());
        if (count > Campaign.MAX_TARGET_LIST_SIZE) {
            throw Check.fail(
                    "targets",
                    ValidationRule.TOO_LONG,
                    "a campaign has at most " + Campaign.MAX_TARGET_LIST_SIZE + " targets");
        }
        Campaign next = campaign.withTargetListSize((int) count, scope.now());
        scope.uow().campaigns().update(campaign.version(), next);
        return next;
    }
}
