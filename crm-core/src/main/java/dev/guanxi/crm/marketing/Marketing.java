package dev.guanxi.crm.marketing;

import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * Campaigns and the customers' responses to them, in one tenant (营销活动管理). Obtained from {@code
 * crm.tenant(id).marketing()}; thread-safe.
 *
 * <p>A campaign is {@linkplain #planCampaign planned}, {@linkplain #launch launched}, then {@linkplain
 * #complete completed} or {@linkplain #cancel cancelled} (see {@link CampaignStatus} for the table).
 * Responses are recorded while it is {@link CampaignStatus#ACTIVE ACTIVE} and summed up as an AIDA
 * {@linkplain #funnel funnel}.
 *
 * <p>Every write validates its input before anything is stored: a {@link ValidationException} or a {@link
 * NotFoundException} means nothing was written and no event was published. Events are delivered to
 * listeners after commit. An id of another tenant's campaign or customer is treated as unknown.
 *
 * <p>A campaign keeps a {@linkplain #targets target list} ({@link CampaignTarget}): the customers it is to
 * reach, each with where the name came from, a rank, a score and a reason. Hosts {@linkplain #addTargets add}
 * targets by hand or from an analysis (the scoring API's {@code targetWinBack} adds the top of the win-back
 * list); the campaign's {@link Campaign#targetListSize()} follows the list. Whether a target may be contacted
 * on the campaign's channel, given the customer's consent, is not checked here; responses are inbound and are
 * recorded whatever the customer's consent.
 */
public interface Marketing {
    /**
     * Plans a campaign, {@link CampaignStatus#PLANNED} at version 1, and publishes {@code CampaignPlanned}.
     *
     * @param campaign what to plan (validated on construction)
     * @return the stored campaign
     * @throws ValidationException on {@code startDate}/{@code endDate} with rule {@code FUTURE} if a date lies
     *     more than 100 years ahead of the CRM's clock; on {@code code} with rule {@code DUPLICATE} (a {@link
     *     dev.guanxi.crm.DuplicateKeyException}) if the code is taken in this tenant
     */
    Campaign planCampaign(NewCampaign campaign);

    /**
     * Launches a planned campaign: PLANNED to ACTIVE. Publishes {@code CampaignStatusChanged}.
     *
     * @param id the campaign
     * @param expectedVersion the version the caller read
     * @return the campaign, one version later
     * @throws NotFoundException if the tenant has no such campaign
     * @throws StaleVersionException if the campaign is no longer at {@code expectedVersion}
     * @throws IllegalTransitionException if the campaign is not PLANNED
     */
    Campaign launch(CampaignId id, long expectedVersion);

    /**
     * Completes an active campaign: ACTIVE to COMPLETED. No more responses are accepted afterwards, so
     * complete a campaign when its attribution window has closed, not necessarily on its end date.
     * Publishes {@code CampaignStatusChanged}.
     *
     * @param id the campaign
     * @param expectedVersion the version the caller read
     * @return the campaign, one version later
     * @throws NotFoundException if the tenant has no such campaign
     * @throws StaleVersionException if the campaign is no longer at {@code expectedVersion}
     * @throws IllegalTransitionException if the campaign is not ACTIVE
     */
    Campaign complete(CampaignId id, long expectedVersion);

    /**
     * Cancels a planned or active campaign. Its responses are kept. Publishes {@code CampaignStatusChanged}.
     *
     * @param id the campaign
     * @param expectedVersion the version the caller read
     * @return the campaign, one version later
     * @throws NotFoundException if the tenant has no such campaign
     * @throws StaleVersionException if the campaign is no longer at {@code expectedVersion}
     * @throws IllegalTransitionException if the campaign is already COMPLETED or CANCELLED
     */
    Campaign cancel(CampaignId id, long expectedVersion);

    /**
     * Finds a campaign.
     *
     * @param id the id
     * @return the campaign, or empty if this tenant has none with that id
     */
    Optional<Campaign> findCampaign(CampaignId id);

    /**
     * Returns a campaign.
     *
     * @param id the id
     * @return the campaign
     * @throws NotFoundException (entity type {@code Campaign}) if this tenant has none with that id
     */
    default Campaign getCampaign(CampaignId id) {
        return findCampaign(id).orElseThrow(() -> new NotFoundException("Campaign", id));
    }

    /**
     * Finds a campaign by its code (exact match).
     *
     * @param code the code
     * @return the campaign, or empty if this tenant has none with that code
     */
    Optional<Campaign> findCampaignByCode(String code);

    /**
     * Lists the tenant's campaigns, latest start date first, ties by id.
     *
     * @param page the slice wanted
     * @return one page
     */
    Page<Campaign> listCampaigns(PageRequest page);

    /**
     * Lists the tenant's campaigns in one status, latest start date first, ties by id.
     *
     * @param status the status
     * @param page the slice wanted
     * @return one page
     */
    Page<Campaign> listCampaigns(CampaignStatus status, PageRequest page);

    /**
     * Puts customers on a campaign's target list, all or none: a target of a customer already on the list is
     * replaced (its {@code addedAt} becomes now). In the same unit of work the campaign's {@link
     * Campaign#targetListSize() targetListSize} becomes the number of targets, one version later; an empty
     * list changes nothing. Publishes no event. Costs one customer lookup per target.
     *
     * <p>Two changes of the same campaign's targets (or status) at the same time are kept apart by the
     * campaign's version: the one that commits second fails with {@link StaleVersionException} and stores
     * nothing; calling it again is safe.
     *
     * @param campaignId the campaign
     * @param targets the targets, at most {@value NewCampaignTarget#MAX_PER_CALL}, each customer once
     * @return the campaign with its new target list size
     * @throws NotFoundException (entity type {@code Campaign}) if the tenant has no such campaign
     * @throws ValidationException on {@code targets} ({@code REQUIRED}, {@code TOO_LONG}) or {@code targets[i]}
     *     ({@code REQUIRED}) for a missing or too long list or a null entry; on {@code targets[i].customerId}
     *     with rule {@code DUPLICATE} for a customer given twice (the later index), and with rule {@code
     *     UNKNOWN_REFERENCE} for each customer the tenant does not have (all of them are reported); on {@code
     *     campaignId} with rule {@code INVALID_STATE} if the campaign is COMPLETED or CANCELLED
     * @throws StaleVersionException if the campaign changed while the targets were being added
     * @since 0.1.0
     */
    @dev.guanxi.crm.Beta
    Campaign addTargets(CampaignId campaignId, List<NewCampaignTarget> targets);

    /**
     * Lists a campaign's targets by rank (unranked targets last), ties by customer id (text form).
     *
     * @param campaignId the campaign
     * @param page the slice wanted
     * @return one page
     * @throws NotFoundException (entity type {@code Campaign}) if the tenant has no such campaign
     * @since 0.1.0
     */
    @dev.guanxi.crm.Beta
    Page<CampaignTarget> targets(CampaignId campaignId, PageRequest page);

    /**
     * Takes a customer off a campaign's target list; the campaign's {@code targetListSize} follows, one
     * version later, in the same unit of work.
     *
     * @param campaignId the campaign
     * @param customerId the customer
     * @return the campaign with its new target list size, or unchanged if the customer was not on the list
     * @throws NotFoundException (entity type {@code Campaign}) if the tenant has no such campaign
     * @throws ValidationException on {@code campaignId} with rule {@code INVALID_STATE} if the campaign is
     *     COMPLETED or CANCELLED
     * @throws StaleVersionException if the campaign changed at the same time
     * @since 0.1.0
     */
    @dev.guanxi.crm.Beta
    Campaign removeTarget(CampaignId campaignId, CustomerId customerId);

    /**
     * Records a customer's response to a campaign, and publishes {@code CampaignResponseRecorded}.
     *
     * <ul>
     *   <li>The first response of a customer to a campaign creates a {@link CampaignResponse} at version 1.
     *   <li>A response at a later stage advances it (version +1) and adds the stage to its history; a given
     *       note, order or opportunity replaces the stored one.
     *   <li>A response at the stage already reached changes nothing and publishes nothing (so a redelivered
     *       web hook is harmless); the stored response is returned. Its note and links are ignored.
     *   <li>A response at an earlier stage is refused: the stage never goes back.
     * </ul>
     *
     * <p>The customer's marketing consent is not checked: a response is inbound, so it is recorded even on
     * a channel the customer opted out of.
     *
     * <p>If two first responses of the same customer to the same campaign are recorded at the same time,
     * one of them fails with {@link dev.guanxi.crm.DuplicateKeyException} on field {@code customerId};
     * recording it again advances the stored response (or is a no-op).
     *
     * @param response what to record
     * @return the stored response
     * @throws NotFoundException (entity type {@code Campaign} or {@code Customer}) if the campaign or the
     *     customer does not exist in this tenant
     * @throws ValidationException on {@code campaignId} with rule {@code INVALID_STATE} if the campaign is
     *     not ACTIVE; on {@code respondedAt} with rule {@code FUTURE} if the response lies in the future; on
     *     {@code stage} with rule {@code INVALID_STATE} if the stage is earlier than the one reached; on
     *     {@code respondedAt} with rule {@code DATE_ORDER} if a later stage is dated before the stage reached
     */
    CampaignResponse recordResponse(NewCampaignResponse response);

    /**
     * Finds a response by id.
     *
     * @param id the id
     * @return the response, or empty if this tenant has none with that id
     */
    Optional<CampaignResponse> findResponse(CampaignResponseId id);

    /**
     * Finds the response of a customer to a campaign.
     *
     * @param campaignId the campaign
     * @param customerId the customer
     * @return the response, or empty if the customer has not responded (or either is unknown)
     */
    Optional<CampaignResponse> findResponse(CampaignId campaignId, CustomerId customerId);

    /**
     * Lists the responses to a campaign, by customer id, ties by id.
     *
     * @param campaignId the campaign
     * @param page the slice wanted
     * @return one page
     * @throws NotFoundException if the tenant has no such campaign
     */
    Page<CampaignResponse> campaignResponses(CampaignId campaignId, PageRequest page);

    /**
     * Lists a customer's responses to any campaign, latest {@link CampaignResponse#respondedAt()} first, ties
     * by id.
     *
     * @param customerId the customer
     * @param page the slice wanted
     * @return one page
     * @throws NotFoundException if the tenant has no such customer
     */
    Page<CampaignResponse> customerResponses(CustomerId customerId, PageRequest page);

    /**
     * Sums up a campaign's responses as a cumulative AIDA funnel with conversion rates and cost per action
     * (see {@link CampaignFunnel}). Counts every response, whatever the campaign's status. O(responses of the
     * campaign) on the in-memory store.
     *
     * @param campaignId the campaign
     * @return the funnel
     * @throws NotFoundException if the tenant has no such campaign
     */
    CampaignFunnel funnel(CampaignId campaignId);
}
