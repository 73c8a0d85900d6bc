package dev.guanxi.crm.customer;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.field.CustomFields;
import dev.guanxi.crm.field.FieldKey;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.Violations;
import dev.guanxi.crm.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Everything a host may set on a customer: what it supplies to {@link Customers#register register} one and
 * what a change to one produces ({@link Customers#update}). It has no id, version, timestamps or tenant:
 * those are the CRM's, so they cannot be assigned through the API.
 *
 * <p>Build drafts with {@link #person(String)} or {@link #organisation(String)}, or start from a stored
 * customer with {@link Customer#toDraft()}. The record checks everything it can know by itself and reports
 * every violation at once; what needs the tenant or the clock (reference codes, custom field definitions,
 * dates not in the future) is checked when the draft is written.
 *
 * <p>Immutable and thread-safe; the {@link Builder} is not thread-safe.
 *
 * @param kind person or organisation
 * @param displayName the name shown in lists, in any script, 1 to 200 characters (code points), kept exactly
 *     as given: never trimmed or normalised
 * @param legalName the full legal or registered name, same rules, or {@code null}
 * @param contactPoints phone numbers, e-mail and postal addresses, fax numbers and messaging handles, at most
 *     {@value Customer#MAX_CONTACT_POINTS}, at most one primary per type
 * @param contactPersons the people to deal with at an organisation, at most {@value
 *     Customer#MAX_CONTACT_PERSONS}; a person has none
 * @param customerType a code of the tenant's {@link ReferenceCodeType#CUSTOMER_TYPE} table, or {@code null}
 * @param status a code of the tenant's {@link ReferenceCodeType#CUSTOMER_STATUS} table, or {@code null}
 * @param region a code of the tenant's {@link ReferenceCodeType#REGION} table, or {@code null}
 * @param industry a code of the tenant's {@link ReferenceCodeType#INDUSTRY} table, or {@code null}
 * @param tags free labels, each 1 to {@value Customer#TAG_MAX} characters, at most {@value Customer#MAX_TAGS};
 *     held as an unmodifiable set iterating in {@link String} order
 * @param preferences preferred channel and language, contact consent per channel
 * @param importantDates birthday, founding day, contract anniversary and other dates, at most {@value
 *     Customer#MAX_IMPORTANT_DATES}, at most one birthday and one founding day
 * @param externalId the customer's id in another system (ERP, billing), unique per tenant, 1 to {@value
 *     Customer#EXTERNAL_ID_MAX} characters, or {@code null}
 * @param owner the member of staff responsible for the customer (客户经理), or {@code null}
 * @param creditLimit the credit granted to the customer, zero or more, or {@code null} for none set
 * @param customFields values of the host's custom fields
 */
public record CustomerDraft(
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
        CustomFields customFields) {

    /**
     * Validates the components and copies the collections.
     *
     * @param kind person or organisation
     * @param displayName the name shown in lists, in any script, 1 to 200 characters (code points), kept exactly as
     *     given: never trimmed or normalised
     * @param legalName the full legal or registered name, same rules, or {@code null}
     * @param contactPoints phone numbers, e-mail and postal addresses, fax numbers and messaging handles, at most
     *     {@value Customer#MAX_CONTACT_POINTS}, at most one primary per type
     * @param contactPersons the people to deal with at an organisation, at most {@value Customer#MAX_CONTACT_PERSONS};
     *     a person has none
     * @param customerType a code of the tenant's {@link ReferenceCodeType#CUSTOMER_TYPE} table, or {@code null}
     * @param status a code of the tenant's {@link ReferenceCodeType#CUSTOMER_STATUS} table, or {@code null}
     * @param region a code of the tenant's {@link ReferenceCodeType#REGION} table, or {@code null}
     * @param industry a code of the tenant's {@link ReferenceCodeType#INDUSTRY} table, or {@code null}
     * @param tags free labels, each 1 to {@value Customer#TAG_MAX} characters, at most {@value Customer#MAX_TAGS}; held
     *     as an unmodifiable set iterating in {@link String} order
     * @param preferences preferred channel and language, contact consent per channel
     * @param importantDates birthday, founding day, contract anniversary and other dates, at most {@value
     *     Customer#MAX_IMPORTANT_DATES}, at most one birthday and one founding day
     * @param externalId the customer's id in another system (ERP, billing), unique per tenant, 1 to {@value
     *     Customer#EXTERNAL_ID_MAX} characters, or {@code null}
     * @param owner the member of staff responsible for the customer (客户经理), or {@code null}
     * @param creditLimit the credit granted to the customer, zero or more, or {@code null} for none set
     * @param customFields values of the host's custom fields
     * @throws ValidationException carrying every violation found, in component order; the first names the
     *     field (e.g. {@code displayName}, {@code contactPoints[2].value}, {@code tags}) and the rule
     */
    public CustomerDraft {
        Violations v = new Violations();
        v.run(() -> Check.required("kind", kind));
        v.run(() -> Check.text("displayName", displayName, Check.NAME_MAX));
        v.run(() -> Check.optionalText("legalName", legalName, Check.NAME_MAX));
        contactPoints = ContactPoint.checkList(v, "contactPoints", contactPoints, Customer.MAX_CONTACT_POINTS);
        List<ContactPerson> persons = contactPersons;
        contactPersons = v.check(() -> Check.list("contactPersons", persons, Customer.MAX_CONTACT_PERSONS));
        if (kind == PartyKind.PERSON && contactPersons != null && !contactPersons.isEmpty()) {
            v.add(
                    "contactPersons",
                    ValidationRule.INVALID_STATE,
                    "a person has no contact persons; only organisations do");
        }
        checkCode(v, ReferenceCodeType.CUSTOMER_TYPE, customerType);
        checkCode(v, ReferenceCodeType.CUSTOMER_STATUS, status);
        checkCode(v, ReferenceCodeType.REGION, region);
        checkCode(v, ReferenceCodeType.INDUSTRY, industry);
        tags = checkTags(v, tags);
        v.run(() -> Check.required("preferences", preferences));
        importantDates = checkDates(v, importantDates);
        v.run(() -> Check.optionalText("externalId", externalId, Customer.EXTERNAL_ID_MAX));
        if (creditLimit != null) {
            Money limit = creditLimit;
            v.run(() -> Check.nonNegative("creditLimit", limit));
        }
        v.run(() -> Check.required("customFields", customFields));
        v.throwIfAny();
    }

    private static void checkCode(Violations v, ReferenceCodeType type, String code) {
        if (code != null) {
            v.run(() -> Check.code(type.field(), code));
        }
    }

    private static Set<String> checkTags(Violations v, Set<String> tags) {
        if (tags == null) {
            v.add("tags", ValidationRule.REQUIRED, "tags is required (use an empty set)");
            return null;
        }
        if (tags.size() > Customer.MAX_TAGS) {
            v.add("tags", ValidationRule.TOO_LONG, "tags has more than " + Customer.MAX_TAGS + " entries");
            return null;
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String tag : tags) {
            if (v.check(() -> Check.text("tags", tag, Customer.TAG_MAX)) != null) {
                sorted.add(tag);
            }
        }
        return Collections.unmodifiableSortedSet(sorted);
    }

    private static List<ImportantDate> checkDates(Violations v, List<ImportantDate> dates) {
        List<ImportantDate> copy = v.check(() -> Check.list("importantDates", dates, Customer.MAX_IMPORTANT_DATES));
        if (copy == null) {
            return null;
        }
        Set<ImportantDateType> once = new TreeSet<>();
        for (int i = 0; i < copy.size(); i++) {
            ImportantDateType type = copy.get(i).type();
            if ((type == ImportantDateType.BIRTHDAY || type == ImportantDateType.FOUNDING_DAY) && !once.add(type)) {
                v.add("importantDates[" + i + "].type", ValidationRule.DUPLICATE, "there is already a " + type);
            }
        }
        return copy;
    }

    /**
     * Starts a draft of a natural person.
     *
     * @param displayName the person's name, in any script
     * @return a builder for a person
     */
    public static Builder person(String displayName) {
        return new Builder(PartyKind.PERSON, displayName);
    }

    /**
     * Starts a draft of an organisation.
     *
     * @param displayName the organisation's name, in any script
     * @return a builder for an organisation
     */
    public static Builder organisation(String displayName) {
        return new Builder(PartyKind.ORGANISATION, displayName);
    }

    /** @return a builder holding every value of this draft, to derive a changed draft */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a {@link CustomerDraft}. Setters replace a value; {@code add}-style methods ({@link
     * #contactPoint}, {@link #tag}, {@link #consent}...) add to a collection. Methods that create a value
     * from raw input ({@link #email}, {@link #creditLimit(String, String)}...) check it at once and report the
     * full path, e.g. {@code contactPoints[1].value}; everything else is checked by {@link #build()}.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private PartyKind kind;
        private String displayName;
        private String legalName;
        private final List<ContactPoint> contactPoints = new ArrayList<>();
        private final List<ContactPerson> contactPersons = new ArrayList<>();
        private String customerType;
        private String status;
        private String region;
        private String industry;
        private final Set<String> tags = new LinkedHashSet<>();
        private Preferences preferences = Preferences.none();
        private final List<ImportantDate> importantDates = new ArrayList<>();
        private String externalId;
        private StaffId owner;
        private Money creditLimit;
        private CustomFields customFields = CustomFields.empty();

        private Builder(PartyKind kind, String displayName) {
            this.kind = kind;
            this.displayName = displayName;
        }

        private Builder(CustomerDraft draft) {
            kind = draft.kind();
            displayName = draft.displayName();
            legalName = draft.legalName();
            contactPoints.addAll(draft.contactPoints());
            contactPersons.addAll(draft.contactPersons());
            customerType = draft.customerType();
            status = draft.status();
            region = draft.region();
            industry = draft.industry();
            tags.addAll(draft.tags());
            preferences = draft.preferences();
            importantDates.addAll(draft.importantDates());
            externalId = draft.externalId();
            owner = draft.owner();
            creditLimit = draft.creditLimit();
            customFields = draft.customFields();
        }

        /**
         * Sets whether the customer is a person or an organisation.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder kind(PartyKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets the display name.
         *
         * @param displayName the name, in any script, kept exactly as given
         * @return this builder
         */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /**
         * Sets the legal or registered name.
         *
         * @param legalName the name, in any script, or {@code null} for none
         * @return this builder
         */
        public Builder legalName(String legalName) {
            this.legalName = legalName;
            return this;
        }

        /**
         * Adds a contact point.
         *
         * @param contactPoint the contact point
         * @return this builder
         */
        public Builder contactPoint(ContactPoint contactPoint) {
            contactPoints.add(contactPoint);
            return this;
        }

        /**
         * Replaces all contact points.
         *
         * @param points the new contact points (an empty collection removes all)
         * @return this builder
         */
        public Builder contactPoints(Collection<ContactPoint> points) {
            Objects.requireNonNull(points, "points");
            contactPoints.clear();
            contactPoints.addAll(points);
            return this;
        }

        /**
         * Removes the contact points that match a condition.
         *
         * @param condition which contact points to remove
         * @return this builder
         */
        public Builder removeContactPoints(Predicate<? super ContactPoint> condition) {
            Objects.requireNonNull(condition, "condition");
            contactPoints.removeIf(condition);
            return this;
        }

        /**
         * Adds a phone number.
         *
         * @param number the number; normalised to {@code +} and digits
         * @param purpose what it is used for
         * @return this builder
         * @throws ValidationException on {@code contactPoints[i].value} for a bad number
         */
        public Builder phone(String number, ContactPurpose purpose) {
            return addContactPoint(() -> ContactPoint.phone(number, purpose));
        }

        /**
         * Adds a fax number.
         *
         * @param number the number; normalised like a phone number
         * @param purpose what it is used for
         * @return this builder
         * @throws ValidationException on {@code contactPoints[i].value} for a bad number
         */
        public Builder fax(String number, ContactPurpose purpose) {
            return addContactPoint(() -> ContactPoint.fax(number, purpose));
        }

        /**
         * Adds an e-mail address.
         *
         * @param address the address
         * @param purpose what it is used for
         * @return this builder
         * @throws ValidationException on {@code contactPoints[i].value} for a bad address
         */
        public Builder email(String address, ContactPurpose purpose) {
            return addContactPoint(() -> ContactPoint.email(address, purpose));
        }

        /**
         * Adds a postal address.
         *
         * @param address the address
         * @param purpose what it is used for
         * @return this builder
         * @throws ValidationException on {@code contactPoints[i].address} if the address is missing
         */
        public Builder postalAddress(PostalAddress address, ContactPurpose purpose) {
            return addContactPoint(() -> ContactPoint.postal(address, purpose));
        }

        /**
         * Adds a messaging handle.
         *
         * @param network the network, e.g. {@code WeChat}
         * @param handle the handle on that network
         * @param purpose what it is used for
         * @return this builder
         * @throws ValidationException on {@code contactPoints[i].network} or {@code .value}
         */
        public Builder messaging(String network, String handle, ContactPurpose purpose) {
            return addContactPoint(() -> ContactPoint.messaging(network, handle, purpose));
        }

        private Builder addContactPoint(Supplier<ContactPoint> factory) {
            try {
                contactPoints.add(factory.get());
            } catch (ValidationException e) {
                throw e.under("contactPoints[" + contactPoints.size() + "]");
            }
            return this;
        }

        /**
         * Adds a contact person (organisations only).
         *
         * @param person the contact person
         * @return this builder
         */
        public Builder contactPerson(ContactPerson person) {
            contactPersons.add(person);
            return this;
        }

        /**
         * Replaces all contact persons.
         *
         * @param persons the new contact persons (an empty collection removes all)
         * @return this builder
         */
        public Builder contactPersons(Collection<ContactPerson> persons) {
            Objects.requireNonNull(persons, "persons");
            contactPersons.clear();
            contactPersons.addAll(persons);
            return this;
        }

        /**
         * Sets the customer type code.
         *
         * @param code a code of the tenant's {@link ReferenceCodeType#CUSTOMER_TYPE} table, or {@code null}
         * @return this builder
         */
        public Builder customerType(String code) {
            this.customerType = code;
            return this;
        }

        /**
         * Sets the status code.
         *
         * @param code a code of the tenant's {@link ReferenceCodeType#CUSTOMER_STATUS} table, or {@code null}
         * @return this builder
         */
        public Builder status(String code) {
            this.status = code;
            return this;
        }

        /**
         * Sets the region code.
         *
         * @param code a code of the tenant's {@link ReferenceCodeType#REGION} table, or {@code null}
         * @return this builder
         */
        public Builder region(String code) {
            this.region = code;
            return this;
        }

        /**
         * Sets the industry code.
         *
         * @param code a code of the tenant's {@link ReferenceCodeType#INDUSTRY} table, or {@code null}
         * @return this builder
         */
        public Builder industry(String code) {
            this.industry = code;
            return this;
        }

        /**
         * Adds a tag (a tag already present is kept once).
         *
         * @param tag the tag, 1 to {@value Customer#TAG_MAX} characters
         * @return this builder
         */
        public Builder tag(String tag) {
            tags.add(tag);
            return this;
        }

        /**
         * Replaces all tags.
         *
         * @param newTags the tags (an empty collection removes all)
         * @return this builder
         */
        public Builder tags(Collection<String> newTags) {
            Objects.requireNonNull(newTags, "newTags");
            tags.clear();
            tags.addAll(newTags);
            return this;
        }

        /**
         * Removes a tag.
         *
         * @param tag the tag
         * @return this builder
         */
        public Builder untag(String tag) {
            tags.remove(tag);
            return this;
        }

        /**
         * Replaces the preferences (channel, language and the whole consent history).
         *
         * @param newPreferences the preferences
         * @return this builder
         */
        public Builder preferences(Preferences newPreferences) {
            this.preferences = newPreferences;
            return this;
        }

        /**
         * Sets the preferred channel.
         *
         * @param channel the channel, or {@code null} for none
         * @return this builder
         */
        public Builder preferredChannel(Channel channel) {
            return changePreferences(p -> p.withPreferredChannel(channel));
        }

        /**
         * Sets the preferred language.
         *
         * @param language the language, e.g. {@code Locale.forLanguageTag("zh-CN")}, or {@code null}
         * @return this builder
         * @throws ValidationException on {@code preferences.preferredLanguage} for a locale without language
         */
        public Builder preferredLanguage(Locale language) {
            return changePreferences(p -> p.withPreferredLanguage(language));
        }

        /**
         * Appends a consent decision to the history.
         *
         * @param consent the decision
         * @return this builder
         * @throws ValidationException on {@code preferences.consents...} if the history would be too long
         */
        public Builder consent(Consent consent) {
            return changePreferences(p -> p.withConsent(consent));
        }

        /**
         * Appends an opt-in.
         *
         * @param channel the channel
         * @param at when the customer agreed
         * @param source where it was recorded, or {@code null}
         * @return this builder
         */
        public Builder optIn(Channel channel, Instant at, String source) {
            return consent(Consent.optIn(channel, at, source));
        }

        /**
         * Appends an opt-out.
         *
         * @param channel the channel
         * @param at when the customer refused or withdrew
         * @param source where it was recorded, or {@code null}
         * @return this builder
         */
        public Builder optOut(Channel channel, Instant at, String source) {
            return consent(Consent.optOut(channel, at, source));
        }

        private Builder changePreferences(UnaryOperator<Preferences> change) {
            Objects.requireNonNull(preferences, "preferences were set to null");
            try {
                preferences = change.apply(preferences);
            } catch (ValidationException e) {
                throw e.under("preferences");
            }
            return this;
        }

        /**
         * Adds an important date.
         *
         * @param date the date
         * @return this builder
         */
        public Builder importantDate(ImportantDate date) {
            importantDates.add(date);
            return this;
        }

        /**
         * Replaces all important dates.
         *
         * @param dates the dates (an empty collection removes all)
         * @return this builder
         */
        public Builder importantDates(Collection<ImportantDate> dates) {
            Objects.requireNonNull(dates, "dates");
            importantDates.clear();
            importantDates.addAll(dates);
            return this;
        }

        /**
         * Sets the birthday, replacing any earlier one.
         *
         * @param date the day of birth; not in the future
         * @return this builder
         */
        public Builder birthday(LocalDate date) {
            return replaceDate(ImportantDateType.BIRTHDAY, date);
        }

        /**
         * Sets the founding day, replacing any earlier one.
         *
         * @param date the day the organisation was founded; not in the future
         * @return this builder
         */
        public Builder foundingDay(LocalDate date) {
            return replaceDate(ImportantDateType.FOUNDING_DAY, date);
        }

        private Builder replaceDate(ImportantDateType type, LocalDate date) {
            ImportantDate entry;
            try {
                entry = new ImportantDate(type, date, null);
            } catch (ValidationException e) {
                throw e.under("importantDates[" + importantDates.size() + "]");
            }
            importantDates.removeIf(d -> d != null && d.type() == type);
            importantDates.add(entry);
            return this;
        }

        /**
         * Sets the external id.
         *
         * @param id the id in another system, unique per tenant, or {@code null} for none
         * @return this builder
         */
        public Builder externalId(String id) {
            this.externalId = id;
            return this;
        }

        /**
         * Sets the owner.
         *
         * @param staff the responsible member of staff, or {@code null} for none
         * @return this builder
         */
        public Builder owner(StaffId staff) {
            this.owner = staff;
            return this;
        }

        /**
         * Sets the credit limit.
         *
         * @param limit the limit, zero or more, or {@code null} for none
         * @return this builder
         */
        public Builder creditLimit(Money limit) {
            this.creditLimit = limit;
            return this;
        }

        /**
         * Sets the credit limit from a decimal and a currency code, without rounding.
         *
         * @param amount a decimal such as {@code "50000.00"}
         * @param currencyCode an ISO 4217 code such as {@code "CNY"}
         * @return this builder
         * @throws ValidationException on {@code creditLimit.amount} ({@link ValidationRule#SCALE} for too many
         *     decimals, {@link ValidationRule#INVALID_FORMAT}) or {@code creditLimit.currency} ({@link
         *     ValidationRule#UNKNOWN_CURRENCY})
         */
        public Builder creditLimit(String amount, String currencyCode) {
            try {
                this.creditLimit = Money.of(amount, currencyCode);
            } catch (ValidationException e) {
                throw e.under("creditLimit");
            }
            return this;
        }

        /**
         * Sets, replaces or removes a custom field value.
         *
         * @param key the field's key
         * @param value the value, or {@code null} to remove it
         * @param <T> the field's Java type
         * @return this builder
         */
        public <T> Builder customField(FieldKey<T> key, T value) {
            this.customFields = customFields.with(key, value);
            return this;
        }

        /**
         * Replaces all custom field values.
         *
         * @param fields the values
         * @return this builder
         */
        public Builder customFields(CustomFields fields) {
            this.customFields = fields;
            return this;
        }

        /**
         * Builds the draft.
         *
         * @return the draft
         * @throws ValidationException carrying every violation found
         */
        public CustomerDraft build() {
            return new CustomerDraft(
                    kind,
                    displayName,
                    legalName,
                    new ArrayList<>(contactPoints),
                    new ArrayList<>(contactPersons),
                    customerType,
                    status,
                    region,
                    industry,
                    new LinkedHashSet<>(tags),
                    preferences,
                    new ArrayList<>(importantDates),
                    externalId,
                    owner,
                    creditLimit,
                    customFields);
        }
    }
}
