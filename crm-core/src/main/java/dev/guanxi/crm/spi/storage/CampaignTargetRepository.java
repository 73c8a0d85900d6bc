package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignTarget;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * The campaigns' target lists ({@link CampaignTarget}): at most one target per (campaign, customer), kept
 * exactly as given. Scoped to the unit of work's tenant like every repository.
 *
 * <p>The store keeps what it is given: that the campaign and the customer exist, and that the campaign's
 * {@code targetListSize} matches {@link #count}, are the caller's invariants (the SDK changes a campaign's
 * targets and the campaign itself in one unit of work, and the campaign's version check keeps two such units
 * apart).
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe (see {@link AggregateRepository}).
 *
 * @since 0.1.0
 */
@Beta
public interface CampaignTargetRepository {
    /**
     * Stores a target, replacing the target of the same campaign and customer if there is one.
     *
     * @param target the target
     */
    void put(CampaignTarget target);

    /**
     * Removes a target.
     *
     * @param campaignId the campaign
     * @param customerId the customer
     * @return whether there was such a target
     */
    boolean remove(CampaignId campaignId, CustomerId customerId);

    /**
     * Finds the target of a campaign for one customer.
     *
     * @param campaignId the campaign
     * @param customerId the customer
     * @return the target, or empty if the customer is not on the campaign's list
     */
    Optional<CampaignTarget> find(CampaignId campaignId, CustomerId customerId);

    /**
     * Lists a campaign's targets by {@link CampaignTarget#rank() rank} ascending, unranked targets after the
     * ranked ones, ties by the customer id's text form.
     *
     * @param campaignId the campaign
     * @param page the slice wanted
     * @return one page
     */
    Page<CampaignTarget> list(CampaignId campaignId, PageRequest page);

    /**
     * Counts a campaign's targets.
     *
     * @param campaignId the campaign
     * @return how many targets it has, 0 if none (or no such campaign)
     */
    long count(CampaignId campaignId);

    /**
     * Lists the places of one customer on every campaign's target list: what a merge of that customer moves.
     * A store should answer from an index by customer (O(the customer's targets)).
     *
     * @param customerId the customer
     * @return its targets, by the campaign id's text form; empty if it is on no list
     * @throws UnsupportedOperationException if the store cannot list targets by customer (the default); customers
     *     of such a store cannot be merged
     * @since 0.1.0
     */
    default List<CampaignTarget> listByCustomer(CustomerId customerId) {
        throw new UnsupportedOperationException(getClass().getName() + " does not list targets by customer");
    }
}
