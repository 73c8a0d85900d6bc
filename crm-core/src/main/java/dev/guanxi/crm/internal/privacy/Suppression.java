package dev.guanxi.crm.internal.privacy;

import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The suppression check shared by the personal-data API and imports. Stateless and thread-safe. */
public final class Suppression {
    private Suppression() {}

    /**
     * Returns a check of drafts against the unit of work's tenant's suppression list. The tenant's salt is read
     * once: a tenant that never erased anyone has none, and the check then costs nothing; a store without
     * erasure support suppresses nobody.
     *
     * @param uow the unit of work
     * @return {@code true} for a draft one of whose identifiers is on the suppression list
     */
    public static Predicate<CustomerDraft> checker(UnitOfWork uow) {
        Optional<byte[]> salt;
        try {
            salt = uow.privacy().salt();
        } catch (UnsupportedOperationException e) {
            return draft -> false;
        }
        if (salt.isEmpty()) {
            return draft -> false;
        }
        byte[] s = salt.get();
        return draft -> {
            Set<String> identifiers =
                    DefaultPersonalData.identifiers(draft.contactPoints(), draft.contactPersons(), draft.externalId());
            return !identifiers.isEmpty()
                    && !uow.privacy()
                            .suppressed(DefaultPersonalData.hashes(identifiers, s))
                            .isEmpty();
        };
    }
}
