package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import java.util.List;
import java.util.Optional;

/**
 * Stores the tenant's code tables (customer type, status, region, industry). A code is identified by its
 * table and its code; codes are case-sensitive ({@code North} and {@code north} are two codes), so a store
 * must compare them in binary. Labels are stored and returned exactly as given. Codes are never deleted.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface ReferenceCodeRepository {
    /**
     * Stores a code: inserts it, or replaces the label and active flag of the code with the same table and
     * code.
     *
     * @param code the code
     */
    void upsert(ReferenceCode code);

    /**
     * Finds a code.
     *
     * @param type the table
     * @param code the code (exact, case-sensitive)
     * @return the code, active or not, or empty if this tenant has none
     */
    Optional<ReferenceCode> find(ReferenceCodeType type, String code);

    /**
     * Lists a table.
     *
     * @param type the table
     * @return every code of the table, active and inactive, ordered by code in {@link String} order
     */
    List<ReferenceCode> list(ReferenceCodeType type);
}
