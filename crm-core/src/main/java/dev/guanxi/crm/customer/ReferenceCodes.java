package dev.guanxi.crm.customer;

import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's code tables for customer type, status, region and industry ({@link ReferenceCodeType}): the
 * codes a customer may be given. Codes are defined by the host (e.g. from its ERP's master data) and checked
 * whenever a customer is written: a code that is not defined, or no longer active, is refused with {@link
 * dev.guanxi.crm.ValidationRule#UNKNOWN_CODE}.
 *
 * <pre>{@code
 * ReferenceCodes codes = crm.tenant("acme").referenceCodes();
 * codes.define(ReferenceCodeType.REGION, "north", "华北");
 * codes.define(ReferenceCodeType.CUSTOMER_TYPE, "distributor", "经销商");
 * }</pre>
 *
 * <p>Codes are never deleted, only {@link #deactivate deactivated}, so that customers that have one keep a
 * meaningful value. Obtained from {@code crm.tenant(id).referenceCodes()}; implementations are thread-safe.
 */
public interface ReferenceCodes {
    /**
     * Defines a code, or redefines an existing one: sets its label and makes it active.
     *
     * @param type the table
     * @param code the code, 1 to 64 characters of {@code [A-Za-z0-9_.-]}, case-sensitive
     * @param label the label shown to users, 1 to 200 characters in any script, kept exactly as given
     * @return the stored, active code
     * @throws ValidationException on {@code type}, {@code code} or {@code label} for bad input; nothing is
     *     stored
     */
    ReferenceCode define(ReferenceCodeType type, String code, String label);

    /**
     * Deactivates a code: customers that have it keep it, but no customer can be given it any more until
     * it is {@link #define defined} again.
     *
     * @param type the table
     * @param code the code
     * @return the stored, inactive code
     * @throws NotFoundException if the tenant has no such code
     * @throws ValidationException if {@code type} or {@code code} is missing or ill-formed
     */
    ReferenceCode deactivate(ReferenceCodeType type, String code);

    /**
     * Finds a code, active or not.
     *
     * @param type the table
     * @param code the code (exact, case-sensitive)
     * @return the code, or empty if the tenant has none
     * @throws ValidationException if {@code type} or {@code code} is missing or ill-formed
     */
    Optional<ReferenceCode> find(ReferenceCodeType type, String code);

    /**
     * Lists a table, active and inactive codes, ordered by code ({@link String} order).
     *
     * @param type the table
     * @return the codes, possibly empty
     */
    List<ReferenceCode> list(ReferenceCodeType type);
}
