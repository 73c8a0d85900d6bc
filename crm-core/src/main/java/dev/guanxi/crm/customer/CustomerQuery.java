package dev.guanxi.crm.customer;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.Violations;
import java.util.Locale;
import java.util.Objects;

/**
 * Which customers to list. Every filter is optional ({@code null} means "any"); the filters that are set are
 * combined with AND. Results are ordered by {@link Customer#displayName()} in {@link String} order (UTF-16
 * code units, not a locale's collation), then by id in its canonical text form, so paging is deterministic.
 *
 * <pre>{@code
 * Page<Customer> page = customers.query(
 *         CustomerQuery.all().withRegion("north").withTag("vip").withNamePrefix("张"), PageRequest.first(50));
 * }</pre>
 *
 * <p>{@link #matches(Customer)} is the exact meaning of a query; stores must return the same customers.
 * Immutable and thread-safe.
 *
 * @param kind only persons or only organisations
 * @param customerType this customer type code (exact)
 * @param status this status code (exact)
 * @param region this region code (exact)
 * @param industry this industry code (exact)
 * @param owner this owner
 * @param tag customers carrying this tag (exact, case-sensitive)
 * @param externalId this external id (exact)
 * @param namePrefix customers whose display name or legal name starts with this text, ignoring case as
 *     {@link #foldCase(String)} does (independent of the default locale, like {@link Locale#ROOT}); no other
 *     normalisation: an {@code e} followed by a combining acute accent does not find a precomposed {@code é}
 */
public record CustomerQuery(
        PartyKind kind,
        String customerType,
        String status,
        String region,
        String industry,
        StaffId owner,
        String tag,
        String externalId,
        String namePrefix) {
    private static final CustomerQuery ALL = new CustomerQuery(null, null, null, null, null, null, null, null, null);

    /**
     * Validates the filters that are set.
     *
     * @param kind only persons or only organisations
     * @param customerType this customer type code (exact)
     * @param status this status code (exact)
     * @param region this region code (exact)
     * @param industry this industry code (exact)
     * @param owner this owner
     * @param tag customers carrying this tag (exact, case-sensitive)
     * @param externalId this external id (exact)
     * @param namePrefix customers whose display name or legal name starts with this text, ignoring case as {@link
     *     #foldCase(String)} does (independent of the default locale, like {@link Locale#ROOT}); no other
     *     normalisation: an {@code e} followed by a combining acute accent does not find a precomposed {@code é}
     * @throws dev.guanxi.crm.ValidationException for a code that is not {@code [A-Za-z0-9_.-]{1,64}}, or a
     *     blank, too long or ill-formed tag, external id or name prefix
     */
    public CustomerQuery {
        Violations v = new Violations();
        checkCode(v, "customerType", customerType);
        checkCode(v, "status", status);
        checkCode(v, "region", region);
        checkCode(v, "industry", industry);
        v.run(() -> Check.optionalText("tag", tag, Customer.TAG_MAX));
        v.run(() -> Check.optionalText("externalId", externalId, Customer.EXTERNAL_ID_MAX));
        v.run(() -> Check.optionalText("namePrefix", namePrefix, Check.NAME_MAX));
        v.throwIfAny();
    }

    private static void checkCode(Violations v, String field, String code) {
        if (code != null) {
            v.run(() -> Check.code(field, code));
        }
    }

    /** @return the query without filters: every customer of the tenant */
    public static CustomerQuery all() {
        return ALL;
    }

    /**
     * @param newKind persons or organisations, or {@code null} for both
     * @return this query with the kind filter replaced
     */
    public CustomerQuery withKind(PartyKind newKind) {
        return new CustomerQuery(newKind, customerType, status, region, industry, owner, tag, externalId, namePrefix);
    }

    /**
     * @param code a customer type code, or {@code null} for any
     * @return this query with the customer type filter replaced
     */
    public CustomerQuery withCustomerType(String code) {
        return new CustomerQuery(kind, code, status, region, industry, owner, tag, externalId, namePrefix);
    }

    /**
     * @param code a status code, or {@code null} for any
     * @return this query with the status filter replaced
     */
    public CustomerQuery withStatus(String code) {
        return new CustomerQuery(kind, customerType, code, region, industry, owner, tag, externalId, namePrefix);
    }

    /**
     * @param code a region code, or {@code null} for any
     * @return this query with the region filter replaced
     */
    public CustomerQuery withRegion(String code) {
        return new CustomerQuery(kind, customerType, status, code, industry, owner, tag, externalId, namePrefix);
    }

    /**
     * @param code an industry code, or {@code null} for any
     * @return this query with the industry filter replaced
     */
    public CustomerQuery withIndustry(String code) {
        return new CustomerQuery(kind, customerType, status, region, code, owner, tag, externalId, namePrefix);
    }

    /**
     * @param staff an owner, or {@code null} for any
     * @return this query with the owner filter replaced
     */
    public CustomerQuery withOwner(StaffId staff) {
        return new CustomerQuery(kind, customerType, status, region, industry, staff, tag, externalId, namePrefix);
    }

    /**
     * @param newTag a tag, or {@code null} for any
     * @return this query with the tag filter replaced
     */
    public CustomerQuery withTag(String newTag) {
        return new CustomerQuery(kind, customerType, status, region, industry, owner, newTag, externalId, namePrefix);
    }

    /**
     * @param id an external id, or {@code null} for any
     * @return this query with the external id filter replaced
     */
    public CustomerQuery withExternalId(String id) {
        return new CustomerQuery(kind, customerType, status, region, industry, owner, tag, id, namePrefix);
    }

    /**
     * @param prefix the start of the display or legal name, ignoring case (see {@link #namePrefix()}), or
     *     {@code null} for any
     * @return this query with the name filter replaced
     */
    public CustomerQuery withNamePrefix(String prefix) {
        return new CustomerQuery(kind, customerType, status, region, industry, owner, tag, externalId, prefix);
    }

    /**
     * Tells whether a customer passes every filter that is set. This is the definition of the query.
     *
     * @param customer the customer
     * @return {@code true} if it matches
     */
    public boolean matches(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        return (kind == null || kind == customer.kind())
                && (customerType == null || customerType.equals(customer.customerType()))
                && (status == null || status.equals(customer.status()))
                && (region == null || region.equals(customer.region()))
                && (industry == null || industry.equals(customer.industry()))
                && (owner == null || owner.equals(customer.owner()))
                && (tag == null || customer.hasTag(tag))
                && (externalId == null || externalId.equals(customer.externalId()))
                && (namePrefix == null || nameStartsWith(customer));
    }

    private boolean nameStartsWith(Customer customer) {
        String prefix = foldCase(namePrefix);
        return foldCase(customer.displayName()).startsWith(prefix)
                || (customer.legalName() != null
                        && foldCase(customer.legalName()).startsWith(prefix));
    }

    /**
     * Folds the case of a text the way the name prefix filter compares names: each code point is mapped with
     * {@link Character#toUpperCase(int)} and then {@link Character#toLowerCase(int)}, the comparison {@link
     * String#equalsIgnoreCase} makes. The mapping is the same in every locale (the {@link Locale#ROOT}
     * behaviour: the JVM's default locale, e.g. Turkish, never changes a result), keeps the number of code
     * points, and folds {@code İ}, {@code I}, {@code ı} and {@code i} together, so {@code "izmir"}, {@code
     * "IZMIR"} and {@code "İzmir"} find {@code "İzmir"}. Stores that keep a folded copy of names must use
     * exactly this function.
     *
     * @param text any text
     * @return the folded text
     */
    public static String foldCase(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }
}
