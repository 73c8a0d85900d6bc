package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignStatus;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.util.Optional;

/**
 * Stores the tenant's marketing campaigns. A campaign's {@link Campaign#code() code} is unique per tenant
 * (exact, case-sensitive match): {@link #insert} and {@link #update} throw {@link DuplicateKeyException} on
 * field {@code code} when another campaign holds it.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface CampaignRepository extends AggregateRepository<CampaignId, Campaign> {
    /**
     * Finds a campaign by its code.
     *
     * @param code the code (exact match)
     * @return the campaign, or empty if this tenant has none with that code
     */
    Optional<Campaign> findByCode(String code);

    /**
     * Lists every campaign of the tenant, {@link Campaign#startDate() start date} descending, ties by the id's
     * text form ascending.
     *
     * @param page the slice wanted
     * @return one page
     */
    Page<Campaign> list(PageRequest page);

    /**
     * Lists the campaigns in one status, in the order of {@link #list}.
     *
     * @param status the status
     * @param page the slice wanted
     * @return one page
     */
    Page<Campaign> listByStatus(CampaignStatus status, PageRequest page);
}
