package dev.guanxi.crm.internal;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.spi.storage.MergeLogRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.stewardship.CustomerTombstone;
import java.util.Optional;

/**
 * Follows the tombstones of merged customers: how a lookup by a merged customer's id or external id finds the
 * customer it was merged into, and how a write keeps a tombstone's external id taken. Works in the caller's
 * unit of work; a store without a merge log has no tombstones. Stateless.
 */
public final class MergeTrail {
    /** More merges in a chain than any real history has; guards against a corrupted cycle. */
    private static final int MAX_HOPS = 64;

    private MergeTrail() {}

    /** @return the store's merge log, or {@code null} if it keeps none */
    public static MergeLogRepository logOrNull(UnitOfWork uow) {
        try {
            return uow.mergeLog();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Resolves the id of a merged customer to the customer it ended up in, following later merges.
     *
     * @param uow the unit of work
     * @param id an id that is not (or no longer) a stored customer's
     * @return the customer the id was merged into, or empty if it is no tombstone (or the chain ends nowhere)
     */
    public static Optional<Customer> resolve(UnitOfWork uow, CustomerId id) {
        MergeLogRepository log = logOrNull(uow);
        if (log == null) {
            return Optional.empty();
        }
        CustomerId at = id;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Optional<CustomerTombstone> tombstone = log.findTombstone(at);
            if (tombstone.isEmpty()) {
                return Optional.empty();
            }
            at = tombstone.get().mergedInto();
            Optional<Customer> found = uow.customers().find(at);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Resolves an external id that a tombstone holds to the customer its loser ended up in.
     *
     * @param uow the unit of work
     * @param externalId an external id no stored customer has
     * @return that customer, or empty
     */
    public static Optional<Customer> byExternalId(UnitOfWork uow, String externalId) {
        MergeLogRepository log = logOrNull(uow);
        if (log == null) {
            return Optional.empty();
        }
        return log.findTombstoneByExternalId(externalId).flatMap(t -> resolve(uow, t.customerId()));
    }

    /**
     * Refuses an external id that a tombstone holds for another customer than {@code self}.
     *
     * @param uow the unit of work
     * @param externalId the external id about to be stored, or {@code null}
     * @param self the customer that will hold it, or {@code null} for a new one
     * @throws DuplicateKeyException on {@code externalId}, naming the customer the tombstone resolves to (or the
     *     tombstone's own id if it resolves nowhere)
     */
    public static void requireFree(UnitOfWork uow, String externalId, CustomerId self) {
        if (externalId == null) {
            return;
        }
        MergeLogRepository log = logOrNull(uow);
        if (log == null) {
            return;
        }
        Optional<CustomerTombstone> tombstone = log.findTombstoneByExternalId(externalId);
        if (tombstone.isEmpty()) {
            return;
        }
        CustomerId holder = resolve(uow, tombstone.get().customerId())
                .map(Customer::id)
                .orElse(tombstone.get().customerId());
        if (!holder.equals(self)) {
            throw new DuplicateKeyException("externalId", externalId, holder);
        }
    }
}
