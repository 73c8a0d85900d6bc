package dev.guanxi.crm.customer;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.field.CustomFields;
import dev.guanxi.crm.field.FieldKey;
import dev.guanxi.crm.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A customer: one archive (客户档案) per person or organisation, shared by every department and channel.
 *
 * <p>Everything except {@code id}, {@code version}, {@code createdAt} and {@code updatedAt} is what the host
 * set through a {@link CustomerDraft}; the components are documented there. Names, labels and texts are kept
 * exactly as given, in any script (Chinese, Arabic, emoji...): never trimmed or normalised.
 *
 * <p>Hosts do not create customers with the constructor: they {@link Customers#register register} a draft
 * and {@link Customers#update update} by id and version. The constructor and {@link #create}/{@link
 * #revise} are for storage adapters and test fixtures.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the id, unique in the tenant
 * @param kind person or organisation
 * @param displayName the name shown in lists
 * @param legalName the full legal or registered name, or {@code null}
 * @param contactPoints the customer's contact points
 * @param contactPersons the contact persons of an organisation (empty for a person)
 * @param customerType a customer type code, or {@code null}
 * @param status a status code, or {@code null}
 * @param region a region code, or {@code null}
 * @param industry an industry code, or {@code null}
 * @param tags free labels, iterating in {@link String} order
 * @param preferences preferred channel and language, consent history
 * @param importantDates birthday, founding day, anniversaries
 * @param externalId the id in another system, unique per tenant, or {@code null}
 * @param owner the responsible member of staff, or {@code null}
 * @param creditLimit the credit limit, or {@code null}
 * @param customFields values of the host's custom fields
 * @param version 1 when registered, +1 for every stored change
 * @param createdAt when the customer was registered, from the CRM's clock
 * @param updatedAt when the customer was last changed, from the CRM's clock
 */
public record Customer(
        CustomerId id,
        PartyKind kind,
        String displayName,
        String legalName,
        List<ContactPoint> contactPoints,
        List<ContactPerson> contactPersons,
        String customerType,
        String status,
        String region,
        String industry,
        Set<String> tags,
        Preferences preferences,
        List<ImportantDate> importantDates,
        String externalId,
        StaffId owner,
        Money creditLimit,
        CustomFields customFields,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<CustomerId> {
    /** The most contact points a customer may have. */
    public static final int MAX_CONTACT_POINTS = 50;
    /** The most contact persons an organisation may have. */
    public static final int MAX_CONTACT_PERSONS = 100;
    /** The most tags a customer may have. */
    public static final int MAX_TAGS = 100;
    /** The longest tag, in code points. */
    public static final int TAG_MAX = 64;
    /** The most important dates a customer may have. */
    public static final int MAX_IMPORTANT_DATES = 50;
    /** The longest external id, in code points. */
    public static final int EXTERNAL_ID_MAX = 128;

    /**
     * Validates the components with the rules of {@link CustomerDraft} and copies the collections.
     *
     * @param id the id, unique in the tenant
     * @param kind person or organisation
     * @param displayName the name shown in lists
     * @param legalName the full legal or registered name, or {@code null}
     * @param contactPoints the customer's contact points
     * @param contactPersons the contact persons of an organisation (empty for a person)
     * @param customerType a customer type code, or {@code null}
     * @param status a status code, or {@code null}
     * @param region a region code, or {@code null}
     * @param industry an industry code, or {@code null}
     * @param tags free labels, iterating in {@link String} order
     * @param preferences preferred channel and language, consent history
     * @param importantDates birthday, founding day, anniversaries
     * @param externalId the id in another system, unique per tenant, or {@code null}
     * @param owner the responsible member of staff, or {@code null}
     * @param creditLimit the credit limit, or {@code null}
     * @param customFields values of the host's custom fields
     * @param version 1 when registered, +1 for every stored change
     * @param createdAt when the customer was registered, from the CRM's clock
     * @param updatedAt when the customer was last changed, from the CRM's clock
     * @throws dev.guanxi.crm.ValidationException if a host-settable component breaks a rule
     * @throws NullPointerException if {@code id}, {@code createdAt} or {@code updatedAt} is {@code null}
     * @throws IllegalArgumentException if {@code version} is below 1 or {@code updatedAt} before {@code
     *     createdAt}
     */
    public Customer {
        Objects.requireNonNull(id, "id");
        CustomerDraft valid = new CustomerDraft(
                kind,
                displayName,
                legalName,
                contactPoints,
                contactPersons,
                customerType,
                status,
                region,
                industry,
                tags,
                preferences,
                importantDates,
                externalId,
                owner,
                creditLimit,
                customFields);
        contactPoints = valid.contactPoints();
        contactPersons = valid.contactPersons();
        tags = valid.tags();
        preferences = valid.preferences();
        importantDates = valid.importantDates();
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt " + updatedAt + " is before createdAt " + createdAt);
        }
    }

    /**
     * Creates a newly registered customer at version 1.
     *
     * @param id the new id
     * @param draft what the host supplied
     * @param now the registration instant (created and updated)
     * @return the customer
     */
    public static Customer create(CustomerId id, CustomerDraft draft, Instant now) {
        Objects.requireNonNull(draft, "draft");
        return new Customer(
                id,
                draft.kind(),
                draft.displayName(),
                draft.legalName(),
                draft.contactPoints(),
                draft.contactPersons(),
                draft.customerType(),
                draft.status(),
                draft.region(),
                draft.industry(),
                draft.tags(),
                draft.preferences(),
                draft.importantDates(),
                draft.externalId(),
                draft.owner(),
                draft.creditLimit(),
                draft.customFields(),
                1,
                now,
                now);
    }

    /**
     * Returns the next version of this customer: the draft's values, the same id and creation instant,
     * {@code version + 1} and {@code updatedAt = now}.
     *
     * @param draft the new values
     * @param now the instant of the change
     * @return the changed customer
     */
    public Customer revise(CustomerDraft draft, Instant now) {
        Objects.requireNonNull(draft, "draft");
        return new Customer(
                id,
                draft.kind(),
                draft.displayName(),
                draft.legalName(),
                draft.contactPoints(),
                draft.contactPersons(),
                draft.customerType(),
                draft.status(),
                draft.region(),
                draft.industry(),
                draft.tags(),
                draft.preferences(),
                draft.importantDates(),
                draft.externalId(),
                draft.owner(),
                draft.creditLimit(),
                draft.customFields(),
                version + 1,
                createdAt,
                now);
    }

    /** @return the host-settable values of this customer as a draft */
    public CustomerDraft draft() {
        return new CustomerDraft(
                kind,
                displayName,
                legalName,
                contactPoints,
                contactPersons,
                customerType,
                status,
                region,
                industry,
                tags,
                preferences,
                importantDates,
                externalId,
                owner,
                creditLimit,
                customFields);
    }

    /**
     * Starts a change: a builder holding every host-settable value of this customer. {@link
     * Customers#update} hands such a builder to its change function.
     *
     * @return a new builder
     */
    public CustomerDraft.Builder toDraft() {
        return draft().toBuilder();
    }

    /** @return {@code true} for a natural person, {@code false} for an organisation */
    public boolean isPerson() {
        return kind == PartyKind.PERSON;
    }

    /**
     * Tells whether marketing may contact the customer on a channel.
     *
     * @param channel the channel
     * @return {@code true} only if the latest consent recorded for the channel is an opt-in
     * @see Preferences#mayContact(Channel)
     */
    public boolean mayContact(Channel channel) {
        return preferences.mayContact(channel);
    }

    /**
     * Returns the contact point to use for a type on a day: the primary one if it is valid that day, else the
     * first valid one of the type.
     *
     * @param type the type, e.g. {@link ContactType#EMAIL}
     * @param day the day, usually today
     * @return the contact point, or empty if none of the type is valid that day
     */
    public Optional<ContactPoint> preferredContactPoint(ContactType type, LocalDate day) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(day, "day");
        ContactPoint first = null;
        for (ContactPoint p : contactPoints) {
            if (p.type() == type && p.isValidOn(day)) {
                if (p.primary()) {
                    return Optional.of(p);
                }
                if (first == null) {
                    first = p;
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * Returns the first important date of a type.
     *
     * @param type the type, e.g. {@link ImportantDateType#BIRTHDAY}
     * @return the date, or empty
     */
    public Optional<ImportantDate> importantDate(ImportantDateType type) {
        Objects.requireNonNull(type, "type");
        return importantDates.stream().filter(d -> d.type() == type).findFirst();
    }

    /**
     * Tells whether the customer has a tag.
     *
     * @param tag the tag (exact, case-sensitive)
     * @return {@code true} if tagged
     */
    public boolean hasTag(String tag) {
        return tag != null && tags.contains(tag);
    }

    /**
     * Returns a custom field value.
     *
     * @param key the field's key
     * @param <T> the field's Java type
     * @return the value, or empty
     */
    public <T> Optional<T> customField(FieldKey<T> key) {
        return customFields.get(key);
    }
}
