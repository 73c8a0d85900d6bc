package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.PartyKind;
import dev.guanxi.crm.customer.Preferences;
import dev.guanxi.crm.field.CustomFields;
import dev.guanxi.crm.money.Money;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The host-settable fields of a customer, each decided by one {@link SurvivorshipRule} when two customers are
 * merged. The defaults keep the survivor as the master record and lose nothing the survivor lacks: single
 * values {@link SurvivorshipRule#NON_EMPTY} (the survivor's unless it has none), the kind and display name
 * {@link SurvivorshipRule#SURVIVOR_WINS}, collections {@link SurvivorshipRule#UNION}.
 *
 * <p>The union key of each collection (two elements with the same key are one; the survivor's is kept):
 *
 * <ul>
 *   <li>{@link #CONTACT_POINTS}: type, value (an e-mail address compared case-insensitively in {@link
 *       java.util.Locale#ROOT}; phone and fax numbers are already normalised), postal address and network —
 *       not purpose, validity or the primary flag. A loser's primary point of a type the result already has a
 *       primary of is added as not primary;
 *   <li>{@link #CONTACT_PERSONS}: name and role, exactly;
 *   <li>{@link #TAGS}: the tag, exactly;
 *   <li>{@link #IMPORTANT_DATES}: type, date and label; a loser's birthday or founding day is not added when
 *       the survivor has one (a customer has at most one of each);
 *   <li>{@link #CUSTOM_FIELDS}: the field's qualified name; the survivor's value wins;
 *   <li>{@link #PREFERENCES}: the survivor's preferred channel and language, else the loser's; the consent
 *       decisions of both, ordered by when they were made (the survivor's first on a tie), exact duplicates
 *       once — so the latest decision on a channel, whoever recorded it, is the one that counts.
 * </ul>
 *
 * @since 0.1.0
 */
@Beta
public enum MergeField {
    /** Person or organisation; default {@link SurvivorshipRule#SURVIVOR_WINS}. */
    KIND("kind", PartyKind.class, Shape.VALUE, SurvivorshipRule.SURVIVOR_WINS, Customer::kind),
    /** The display name; default {@link SurvivorshipRule#SURVIVOR_WINS}. */
    DISPLAY_NAME("displayName", String.class, Shape.TEXT, SurvivorshipRule.SURVIVOR_WINS, Customer::displayName),
    /** The legal name; default {@link SurvivorshipRule#NON_EMPTY}. */
    LEGAL_NAME("legalName", String.class, Shape.TEXT, SurvivorshipRule.NON_EMPTY, Customer::legalName),
    /** Contact points; default {@link SurvivorshipRule#UNION}. */
    CONTACT_POINTS("contactPoints", List.class, Shape.COLLECTION, SurvivorshipRule.UNION, Customer::contactPoints),
    /** Contact persons of an organisation; default {@link SurvivorshipRule#UNION}. */
    CONTACT_PERSONS("contactPersons", List.class, Shape.COLLECTION, SurvivorshipRule.UNION, Customer::contactPersons),
    /** The customer type code; default {@link SurvivorshipRule#NON_EMPTY}. */
    CUSTOMER_TYPE("customerType", String.class, Shape.VALUE, SurvivorshipRule.NON_EMPTY, Customer::customerType),
    /** The status code; default {@link SurvivorshipRule#NON_EMPTY}. */
    STATUS("status", String.class, Shape.VALUE, SurvivorshipRule.NON_EMPTY, Customer::status),
    /** The region code; default {@link SurvivorshipRule#NON_EMPTY}. */
    REGION("region", String.class, Shape.VALUE, SurvivorshipRule.NON_EMPTY, Customer::region),
    /** The industry code; default {@link SurvivorshipRule#NON_EMPTY}. */
    INDUSTRY("industry", String.class, Shape.VALUE, SurvivorshipRule.NON_EMPTY, Customer::industry),
    /** Tags; default {@link SurvivorshipRule#UNION}. */
    TAGS("tags", Set.class, Shape.COLLECTION, SurvivorshipRule.UNION, Customer::tags),
    /** Preferred channel and language and consent decisions; default {@link SurvivorshipRule#UNION}. */
    PREFERENCES("preferences", Preferences.class, Shape.MERGEABLE, SurvivorshipRule.UNION, Customer::preferences),
    /** Birthday, founding day, anniversaries; default {@link SurvivorshipRule#UNION}. */
    IMPORTANT_DATES("importantDates", List.class, Shape.COLLECTION, SurvivorshipRule.UNION, Customer::importantDates),
    /**
     * The id in another system; default {@link SurvivorshipRule#NON_EMPTY}. Only {@link
     * SurvivorshipRule#NON_EMPTY} and {@link SurvivorshipRule#SURVIVOR_WINS}: the survivor's external id is never
     * dropped, so that every external id that found a customer before the merge still finds it (the loser's
     * through its tombstone).
     */
    EXTERNAL_ID("externalId", String.class, Shape.KEY, SurvivorshipRule.NON_EMPTY, Customer::externalId),
    /** The responsible member of staff; default {@link SurvivorshipRule#NON_EMPTY}. */
    OWNER("owner", StaffId.class, Shape.VALUE, SurvivorshipRule.NON_EMPTY, Customer::owner),
    /** The credit limit; default {@link SurvivorshipRule#NON_EMPTY}. */
    CREDIT_LIMIT("creditLimit", Money.class, Shape.VALUE, SurvivorshipRule.NON_EMPTY, Customer::creditLimit),
    /** Custom field values; default {@link SurvivorshipRule#UNION}. */
    CUSTOM_FIELDS("customFields", CustomFields.class, Shape.COLLECTION, SurvivorshipRule.UNION, Customer::customFields);

    private final String path;
    private final Class<?> valueType;
    private final Shape shape;
    private final SurvivorshipRule defaultRule;
    private final Function<Customer, Object> accessor;

    MergeField(
            String path,
            Class<?> valueType,
            Shape shape,
            SurvivorshipRule defaultRule,
            Function<Customer, Object> accessor) {
        this.path = path;
        this.valueType = valueType;
        this.shape = shape;
        this.defaultRule = defaultRule;
        this.accessor = accessor;
    }

    /** @return the field's name as in {@link dev.guanxi.crm.customer.CustomerDraft} and validation errors */
    public String path() {
        return path;
    }

    /** @return the type of the field's value ({@code List} or {@code Set} for the collections) */
    public Class<?> valueType() {
        return valueType;
    }

    /** @return the rule used when the options name none for this field */
    public SurvivorshipRule defaultRule() {
        return defaultRule;
    }

    /** @return whether the field is a collection (contact points, persons, tags, dates, custom fields) */
    public boolean isCollection() {
        return shape == Shape.COLLECTION;
    }

    /**
     * Tells whether a rule can decide this field: {@link SurvivorshipRule#UNION} only collections and the
     * preferences, {@link SurvivorshipRule#LONGEST} only texts and collections, the external id only {@link
     * SurvivorshipRule#NON_EMPTY} and {@link SurvivorshipRule#SURVIVOR_WINS}; every other rule every field.
     *
     * @param rule a rule
     * @return whether it applies
     */
    public boolean supports(SurvivorshipRule rule) {
        Objects.requireNonNull(rule, "rule");
        return switch (shape) {
            case KEY ->
                EnumSet.of(SurvivorshipRule.NON_EMPTY, SurvivorshipRule.SURVIVOR_WINS)
                        .contains(rule);
            case VALUE -> rule != SurvivorshipRule.UNION && rule != SurvivorshipRule.LONGEST;
            case TEXT -> rule != SurvivorshipRule.UNION;
            case MERGEABLE -> rule != SurvivorshipRule.LONGEST;
            case COLLECTION -> true;
        };
    }

    /**
     * Reads this field of a customer.
     *
     * @param customer a customer
     * @return its value, possibly {@code null}
     */
    public Object valueOf(Customer customer) {
        return accessor.apply(Objects.requireNonNull(customer, "customer"));
    }

    private enum Shape {
        VALUE,
        TEXT,
        KEY,
        COLLECTION,
        MERGEABLE
    }
}
