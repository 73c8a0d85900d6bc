package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignResponseId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Stores the tenant's campaign responses. There is at most one response per (campaign, customer):
 * {@link #insert} throws {@link DuplicateKeyException} on field {@code customerId} when the customer already
 * has a response to the campaign.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface CampaignResponseRepository extends AggregateRepository<CampaignResponseId, CampaignResponse> {
    /**
     * Finds the response of a customer to a campaign.
     *
     * @param campaignId the campaign
     * @param customerId the customer
     * @return the response, or empty if there is none
     */
    Optional<CampaignResponse> findByCampaignAndCustomer(CampaignId campaignId, CustomerId customerId);

    /**
     * Lists the responses to a campaign, by the customer id's text form ascending, ties by the response
     * id's text form.
     *
     * @param campaignId the campaign
     * @param page the slice wanted
     * @return one page
     */
    Page<CampaignResponse> listByCampaign(CampaignId campaignId, PageRequest page);

    /**
     * Lists a customer's responses, {@link CampaignResponse#respondedAt()} (when the furthest stage was
     * reached) descending, ties by the id's text form ascending.
     *
     * @param customerId the customer
     * @param page the slice wanted
     * @return one page
     */
    Page<CampaignResponse> listByCustomer(CustomerId customerId, PageRequest page);

    /**
     * Counts a campaign's responses by their furthest stage ({@link CampaignResponse#stage()}), not
     * cumulatively: a response at DESIRE counts only under DESIRE.
     *
     * @param campaignId the campaign
     * @return the count per stage; stages without responses may be missing or zero
     */
    Map<AidaStage, Long> countByStage(CampaignId campaignId);
}
