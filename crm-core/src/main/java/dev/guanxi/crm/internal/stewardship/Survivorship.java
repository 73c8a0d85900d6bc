package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.Consent;
import dev.guanxi.crm.customer.ContactPerson;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.customer.ContactType;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.ImportantDate;
import dev.guanxi.crm.customer.ImportantDateType;
import dev.guanxi.crm.customer.PartyKind;
import dev.guanxi.crm.customer.PostalAddress;
import dev.guanxi.crm.customer.Preferences;
import dev.guanxi.crm.field.CustomFields;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.stewardship.FieldDecision;
import dev.guanxi.crm.stewardship.MergeField;
import dev.guanxi.crm.stewardship.MergeOptions;
import dev.guanxi.crm.stewardship.SurvivorshipRule;
import dev.guanxi.crm.stewardship.ValueSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides each field of a merge by its survivorship rule and builds the merged draft. Pure functions of the two
 * customers and the options (and a host's choosers). Stateless.
 */
final class Survivorship {
    private Survivorship() {}

    /**
     * Decides every field, in {@link MergeField} order.
     *
     * @throws ValidationException ({@link ValidationRule#WRONG_TYPE}) if a host's chooser returns a value of the
     *     wrong type
     */
    static List<FieldDecision> decide(Customer survivor, Customer loser, MergeOptions options) {
        List<FieldDecision> decisions = new ArrayList<>(MergeField.values().length);
        for (MergeField field : MergeField.values()) {
            decisions.add(decide(field, options.rule(field), survivor, loser, options));
        }
        return decisions;
    }

    private static FieldDecision decide(
            MergeField field, SurvivorshipRule rule, Customer survivor, Customer loser, MergeOptions options) {
        Object s = field.valueOf(survivor);
        Object l = field.valueOf(loser);
        return switch (rule) {
            case SURVIVOR_WINS -> decision(field, rule, s, l, s);
            case NON_EMPTY -> decision(field, rule, s, l, isEmpty(s) && !isEmpty(l) ? l : s);
            case NEWEST -> decision(field, rule, s, l, loser.updatedAt().isAfter(survivor.updatedAt()) ? l : s);
            case LONGEST -> decision(field, rule, s, l, length(l) > length(s) ? l : s);
            case UNION -> decision(field, rule, s, l, union(field, survivor, loser));
            case HOST -> {
                Object chosen = options.chooser(field)
                        .orElseThrow(() -> new IllegalStateException("no chooser for " + field))
                        .choose(field, survivor, loser);
                checkType(field, chosen);
                yield decision(field, rule, s, l, chosen);
            }
        };
    }

    private static FieldDecision decision(MergeField field, SurvivorshipRule rule, Object s, Object l, Object chosen) {
        ValueSource source;
        if (Objects.equals(chosen, s)) {
            source = ValueSource.SURVIVOR;
        } else if (Objects.equals(chosen, l)) {
            source = ValueSource.LOSER;
        } else {
            source = rule == SurvivorshipRule.HOST ? ValueSource.HOST : ValueSource.BOTH;
        }
        return new FieldDecision(field, rule, s, l, chosen, source);
    }

    /**
     * Builds the survivor's values after the merge from the decisions.
     *
     * @throws ValidationException if the values break a rule of {@link CustomerDraft}, or drop the survivor's
     *     external id
     */
    static CustomerDraft draft(Customer survivor, List<FieldDecision> decisions) {
        Map<MergeField, Object> v = new EnumMap<>(MergeField.class);
        for (FieldDecision d : decisions) {
            v.put(d.field(), d.chosenValue());
        }
        for (MergeField field : MergeField.values()) {
            if (!v.containsKey(field)) {
                throw new IllegalArgumentException("no decision for " + field);
            }
        }
        @SuppressWarnings("unchecked")
        CustomerDraft draft = new CustomerDraft(
                (PartyKind) v.get(MergeField.KIND),
                (String) v.get(MergeField.DISPLAY_NAME),
                (String) v.get(MergeField.LEGAL_NAME),
                (List<ContactPoint>) v.get(MergeField.CONTACT_POINTS),
                (List<ContactPerson>) v.get(MergeField.CONTACT_PERSONS),
                (String) v.get(MergeField.CUSTOMER_TYPE),
                (String) v.get(MergeField.STATUS),
                (String) v.get(MergeField.REGION),
                (String) v.get(MergeField.INDUSTRY),
                (Set<String>) v.get(MergeField.TAGS),
                (Preferences) v.get(MergeField.PREFERENCES),
                (List<ImportantDate>) v.get(MergeField.IMPORTANT_DATES),
                (String) v.get(MergeField.EXTERNAL_ID),
                (StaffId) v.get(MergeField.OWNER),
                (Money) v.get(MergeField.CREDIT_LIMIT),
                (CustomFields) v.get(MergeField.CUSTOM_FIELDS));
        checkExternalId(survivor, draft);
        return draft;
    }

    /**
     * The survivor's external id is never dropped (it keeps finding the customer): the merged one is the
     * survivor's, or the loser's when the survivor has none.
     */
    static void checkExternalId(Customer survivor, CustomerDraft merged) {
        if (survivor.externalId() != null && !survivor.externalId().equals(merged.externalId())) {
            throw new ValidationException(
                    "externalId",
                    ValidationRule.INVALID_STATE,
                    "a merge keeps the survivor's external id '" + survivor.externalId() + "'");
        }
    }

    private static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String s) {
            return s.isBlank();
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty();
        }
        if (value instanceof CustomFields f) {
            return f.isEmpty();
        }
        if (value instanceof Preferences p) {
            return p.equals(Preferences.none());
        }
        return false;
    }

    /** Code points of a text, elements of a collection; -1 for null, so that any value is longer. */
    private static long length(Object value) {
        if (value == null) {
            return -1;
        }
        if (value instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof CustomFields f) {
            return f.size();
        }
        throw new IllegalArgumentException(
                "LONGEST does not apply to " + value.getClass().getSimpleName());
    }

    private static Object union(MergeField field, Customer survivor, Customer loser) {
        return switch (field) {
            case CONTACT_POINTS -> contactPoints(survivor.contactPoints(), loser.contactPoints());
            case CONTACT_PERSONS ->
                union(
                        survivor.contactPersons(),
                        loser.contactPersons(),
                        p -> List.of(p.name(), Objects.toString(p.role(), "\u0000")));
            case TAGS -> {
                TreeSet<String> tags = new TreeSet<>(survivor.tags());
                tags.addAll(loser.tags());
                yield tags.size() == survivor.tags().size() ? survivor.tags() : tags;
            }
            case IMPORTANT_DATES -> importantDates(survivor.importantDates(), loser.importantDates());
            case CUSTOM_FIELDS -> customFields(survivor.customFields(), loser.customFields());
            case PREFERENCES -> preferences(survivor.preferences(), loser.preferences());
            default -> throw new IllegalArgumentException("UNION does not apply to " + field);
        };
    }

    private static <T> List<T> union(List<T> survivor, List<T> loser, java.util.function.Function<T, Object> key) {
        Set<Object> seen = new HashSet<>();
        List<T> result = new ArrayList<>(survivor);
        for (T t : survivor) {
            seen.add(key.apply(t));
        }
        for (T t : loser) {
            if (seen.add(key.apply(t))) {
                result.add(t);
            }
        }
        return result.size() == survivor.size() ? survivor : List.copyOf(result);
    }

    /** Contact points by (type, value, address, network); e-mail addresses compared case-insensitively. */
    private static List<ContactPoint> contactPoints(List<ContactPoint> survivor, List<ContactPoint> loser) {
        Set<PointKey> seen = new HashSet<>();
        Set<ContactType> primaries = EnumSet.noneOf(ContactType.class);
        List<ContactPoint> result = new ArrayList<>(survivor);
        for (ContactPoint p : survivor) {
            seen.add(PointKey.of(p));
            if (p.primary()) {
                primaries.add(p.type());
            }
        }
        for (ContactPoint p : loser) {
            if (seen.add(PointKey.of(p))) {
                if (p.primary() && !primaries.add(p.type())) {
                    p = new ContactPoint(
                            p.type(),
                            p.value(),
                            p.address(),
                            p.network(),
                            p.purpose(),
                            p.validFrom(),
                            p.validTo(),
                            false);
                }
                result.add(p);
            }
        }
        return result.size() == survivor.size() ? survivor : List.copyOf(result);
    }

    private record PointKey(ContactType type, String value, PostalAddress address, String network) {
        static PointKey of(ContactPoint p) {
            String value = p.type() == ContactType.EMAIL && p.value() != null
                    ? p.value().toLowerCase(Locale.ROOT)
                    : p.value();
            return new PointKey(p.type(), value, p.address(), p.network());
        }
    }

    /** Dates by (type, date, label); at most one birthday and one founding day, the survivor's. */
    private static List<ImportantDate> importantDates(List<ImportantDate> survivor, List<ImportantDate> loser) {
        Set<List<Object>> seen = new HashSet<>();
        Set<ImportantDateType> once = EnumSet.noneOf(ImportantDateType.class);
        List<ImportantDate> result = new ArrayList<>(survivor);
        for (ImportantDate d : survivor) {
            seen.add(key(d));
            once.add(d.type());
        }
        for (ImportantDate d : loser) {
            boolean single = d.type() == ImportantDateType.BIRTHDAY || d.type() == ImportantDateType.FOUNDING_DAY;
            if (single && once.contains(d.type())) {
                continue;
            }
            if (seen.add(key(d))) {
                result.add(d);
                once.add(d.type());
            }
        }
        return result.size() == survivor.size() ? survivor : List.copyOf(result);
    }

    private static List<Object> key(ImportantDate d) {
        return java.util.Arrays.asList(d.type(), d.date(), d.label());
    }

    /** By qualified name; the survivor's value wins. */
    private static CustomFields customFields(CustomFields survivor, CustomFields loser) {
        Map<String, Object> all = new TreeMap<>(loser.asMap());
        all.putAll(survivor.asMap());
        return all.size() == survivor.size() ? survivor : CustomFields.of(all);
    }

    /** The survivor's channel and language, else the loser's; both consent histories by instant. */
    private static Preferences preferences(Preferences survivor, Preferences loser) {
        List<Consent> consents = new ArrayList<>(new LinkedHashSet<>(survivor.consents()));
        Set<Consent> seen = new HashSet<>(consents);
        for (Consent c : loser.consents()) {
            if (seen.add(c)) {
                consents.add(c);
            }
        }
        consents.sort(Comparator.comparing(Consent::at)); // stable: the survivor's first on a tie
        Preferences merged = new Preferences(
                survivor.preferredChannel() != null ? survivor.preferredChannel() : loser.preferredChannel(),
                survivor.preferredLanguage() != null ? survivor.preferredLanguage() : loser.preferredLanguage(),
                consents);
        return merged.equals(survivor) ? survivor : merged;
    }

    /** A host's value must have the field's type (elements included); {@code null} is left to the draft. */
    private static void checkType(MergeField field, Object value) {
        if (value == null) {
            return;
        }
        String path = field.path();
        if (!field.valueType().isInstance(value)) {
            throw new ValidationException(
                    path,
                    ValidationRule.WRONG_TYPE,
                    "the host chose a " + value.getClass().getSimpleName() + " for " + path + ", not a "
                            + field.valueType().getSimpleName());
        }
        Class<?> element = switch (field) {
            case CONTACT_POINTS -> ContactPoint.class;
            case CONTACT_PERSONS -> ContactPerson.class;
            case IMPORTANT_DATES -> ImportantDate.class;
            case TAGS -> String.class;
            default -> null;
        };
        if (element != null) {
            for (Object e : (Collection<?>) value) {
                if (e != null && !element.isInstance(e)) {
                    throw new ValidationException(
                            path,
                            ValidationRule.WRONG_TYPE,
                            "the host chose a collection holding a "
                                    + e.getClass().getSimpleName() + " for " + path + ", not only "
                                    + element.getSimpleName());
                }
            }
        }
    }
}
