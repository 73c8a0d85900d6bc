package dev.guanxi.crm.competitor;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Competitors and their dealings with our customers, in one tenant (竞争对手管理), so that we can compare
 * us, them and the customer. Obtained from {@code crm.tenant(id).competitors()}; thread-safe.
 *
 * <p>Every write validates its input before anything is stored: a {@link ValidationException} or a {@link
 * NotFoundException} means nothing was written and no event was published. Events are delivered to
 * listeners after commit. An id of another tenant's competitor, dealing or customer is treated as unknown.
 */
public interface Competitors {
    /**
     * Registers a competitor at version 1 and publishes {@code CompetitorRegistered}.
     *
     * @param competitor the profile (validated on construction)
     * @return the stored competitor
     * @throws DuplicateKeyException on field {@code name} if a competitor of the same {@linkplain
     *     Competitor#nameKey(String) name key} exists in this tenant
     */
    Competitor register(NewCompetitor competitor);

    /**
     * Replaces a competitor's whole profile (name, web site, strengths, weaknesses, products, people) and
     * publishes {@code CompetitorUpdated}. Start from {@link NewCompetitor#from(Competitor)} to change only
     * part of it.
     *
     * @param id the competitor
     * @param expectedVersion the version the caller read
     * @param profile the new profile
     * @return the competitor, one version later
     * @throws NotFoundException if the tenant has no such competitor
     * @throws StaleVersionException if the competitor is no longer at {@code expectedVersion}
     * @throws DuplicateKeyException on field {@code name} if another competitor has the new name
     */
    Competitor update(CompetitorId id, long expectedVersion, NewCompetitor profile);

    /**
     * Adds a product to a competitor's list and publishes {@code CompetitorUpdated}.
     *
     * @param id the competitor
     * @param expectedVersion the version the caller read
     * @param product the product
     * @return the competitor, one version later
     * @throws NotFoundException if the tenant has no such competitor
     * @throws StaleVersionException if the competitor is no longer at {@code expectedVersion}
     * @throws ValidationException on {@code product.name} with rule {@code DUPLICATE} if a product of that
     *     name is listed; on {@code products} with rule {@code TOO_LONG} if the list is full
     */
    Competitor addProduct(CompetitorId id, long expectedVersion, CompetitorProduct product);

    /**
     * Finds a competitor.
     *
     * @param id the id
     * @return the competitor, or empty if this tenant has none with that id
     */
    Optional<Competitor> find(CompetitorId id);

    /**
     * Returns a competitor.
     *
     * @param id the id
     * @return the competitor
     * @throws NotFoundException (entity type {@code Competitor}) if this tenant has none with that id
     */
    default Competitor get(CompetitorId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Competitor", id));
    }

    /**
     * Finds a competitor by name, ignoring case, compatibility forms and white space at either end (see
     * {@link Competitor#nameKey(String)}).
     *
     * @param name the name
     * @return the competitor, or empty if none matches
     */
    Optional<Competitor> findByName(String name);

    /**
     * Lists the tenant's competitors by {@linkplain Competitor#nameKey() name key} in Unicode code point
     * order, ties by id.
     *
     * @param page the slice wanted
     * @return one page
     */
    Page<Competitor> list(PageRequest page);

    /**
     * Records a competitor's dealing with one of our customers, open, at version 1, and publishes {@code
     * CompetitorDealingRecorded}.
     *
     * @param dealing the details (validated on construction)
     * @return the stored dealing
     * @throws NotFoundException (entity type {@code Competitor} or {@code Customer}) if the competitor or the
     *     customer does not exist in this tenant
     * @throws ValidationException on {@code observedOn} with rule {@code FUTURE} if it lies in the future
     */
    CompetitorDealing recordDealing(NewCompetitorDealing dealing);

    /**
     * Changes what a dealing is, as {@link DealingKind}'s table allows (a bid is won or lost, a current
     * supplier becomes a former one), and publishes {@code CompetitorDealingChanged}.
     *
     * @param id the dealing
     * @param expectedVersion the version the caller read
     * @param kind the new kind
     * @return the dealing, one version later
     * @throws NotFoundException if the tenant has no such dealing
     * @throws StaleVersionException if the dealing is no longer at {@code expectedVersion}
     * @throws ValidationException on {@code endedOn} with rule {@code INVALID_STATE} if the dealing has ended
     * @throws IllegalTransitionException if the table does not allow the change
     */
    CompetitorDealing changeDealingKind(CompetitorDealingId id, long expectedVersion, DealingKind kind);

    /**
     * Ends an open dealing on a day; a current supplier becomes a former supplier. Publishes {@code
     * CompetitorDealingChanged}.
     *
     * @param id the dealing
     * @param expectedVersion the version the caller read
     * @param endedOn the last day of the dealing
     * @return the dealing, one version later
     * @throws NotFoundException if the tenant has no such dealing
     * @throws StaleVersionException if the dealing is no longer at {@code expectedVersion}
     * @throws ValidationException on {@code endedOn}: rule {@code INVALID_STATE} if the dealing has already
     *     ended, {@code FUTURE} if the day lies in the future, {@code DATE_ORDER} if it is before the day the
     *     dealing was observed, {@code REQUIRED} if it is null
     */
    CompetitorDealing endDealing(CompetitorDealingId id, long expectedVersion, LocalDate endedOn);

    /**
     * Finds a dealing.
     *
     * @param id the id
     * @return the dealing, or empty if this tenant has none with that id
     */
    Optional<CompetitorDealing> findDealing(CompetitorDealingId id);

    /**
     * Returns a dealing.
     *
     * @param id the id
     * @return the dealing
     * @throws NotFoundException (entity type {@code CompetitorDealing}) if this tenant has none with that id
     */
    default CompetitorDealing getDealing(CompetitorDealingId id) {
        return findDealing(id).orElseThrow(() -> new NotFoundException("CompetitorDealing", id));
    }

    /**
     * Lists the competitors' dealings with a customer, latest {@code observedOn} first, ties by id.
     *
     * @param customerId the customer
     * @param page the slice wanted
     * @return one page
     * @throws NotFoundException if the tenant has no such customer
     */
    Page<CompetitorDealing> dealingsOf(CustomerId customerId, PageRequest page);

    /**
     * Lists a competitor's dealings with our customers, latest {@code observedOn} first, ties by id.
     *
     * @param competitorId the competitor
     * @param page the slice wanted
     * @return one page
     * @throws NotFoundException if the tenant has no such competitor
     */
    Page<CompetitorDealing> dealingsOf(CompetitorId competitorId, PageRequest page);
}
