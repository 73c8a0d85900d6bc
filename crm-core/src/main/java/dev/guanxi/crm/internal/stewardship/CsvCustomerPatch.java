package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.ContactType;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.ImportantDate;
import dev.guanxi.crm.customer.ImportantDateType;
import dev.guanxi.crm.customer.PartyKind;
import dev.guanxi.crm.customer.PostalAddress;
import dev.guanxi.crm.field.CustomFields;
import dev.guanxi.crm.field.FieldDefinition;
import dev.guanxi.crm.field.FieldType;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.stewardship.ImportKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A customer row of the {@link ImportKind#CUSTOMERS} CSV layout, parsed: the value of each column the header has.
 * Applying it sets exactly those values on a stored customer's draft (or on a new one) and keeps the rest. Also
 * the reverse, for the export: the cells of a customer in the layout. Immutable.
 */
final class CsvCustomerPatch implements CustomerPatch {
    static final String ADDRESS_LINE1 = "address_line1";
    static final String ADDRESS_LINE2 = "address_line2";
    private static final List<String> ADDRESS_COLUMNS =
            List.of(ADDRESS_LINE1, ADDRESS_LINE2, "locality", "administrative_area", "postal_code", "country_code");
    /** A new primary contact point's purpose. */
    static final ContactPurpose PURPOSE = ContactPurpose.WORK;

    private final Set<String> present;
    private final PartyKind kind;
    private final String displayName;
    private final String legalName;
    private final Map<ContactType, ContactPoint> primaries; // present types only; value null = clear
    private final PostalAddress address;
    private final String customerType;
    private final String status;
    private final String region;
    private final String industry;
    private final List<String> tags;
    private final StaffId owner;
    private final Money creditLimit;
    private final LocalDate birthday;
    private final LocalDate foundingDay;
    private final Channel preferredChannel;
    private final Locale preferredLanguage;
    private final Map<String, Object> custom; // present fields only; value null = clear

    private CsvCustomerPatch(Cells c, Map<String, FieldDefinition<?>> definitions) {
        present = new LinkedHashSet<>();
        for (String column : ImportKind.CUSTOMERS.columns()) {
            if (c.has(column)) {
                present.add(column);
            }
        }
        kind = c.enumValue("kind", PartyKind.class);
        displayName = c.text("display_name");
        legalName = c.text("legal_name");
        primaries = new LinkedHashMap<>();
        primary(c, ContactType.EMAIL, "email");
        primary(c, ContactType.PHONE, "phone");
        primary(c, ContactType.FAX, "fax");
        address = address(c);
        customerType = c.text("customer_type");
        status = c.text("status");
        region = c.text("region");
        industry = c.text("industry");
        tags = c.has("tags") ? splitTags(c.text("tags")) : null;
        owner = c.parse("owner", StaffId::new);
        creditLimit = c.parse("credit_limit", Money::parse);
        birthday = c.date("birthday");
        foundingDay = c.date("founding_day");
        preferredChannel = c.enumValue("preferred_channel", Channel.class);
        preferredLanguage = c.parse("preferred_language", CsvCustomerPatch::language);
        custom = new TreeMap<>();
        definitions.forEach((name, definition) -> {
            String column = ImportKind.CUSTOM_FIELD_PREFIX + name;
            if (c.has(column)) {
                custom.put(
                        name,
                        definition.type() == FieldType.STRING
                                ? c.text(column)
                                : c.parse(column, t -> parseField(definition.type(), t)));
                present.add(column);
            }
        });
    }

    /**
     * Parses a row.
     *
     * @param c the row's cells; errors are added to it
     * @param definitions the CRM's custom fields by qualified name
     * @return the patch (meaningful only if {@code c} has no errors)
     */
    static CsvCustomerPatch parse(Cells c, Map<String, FieldDefinition<?>> definitions) {
        return new CsvCustomerPatch(c, definitions);
    }

    private void primary(Cells c, ContactType type, String column) {
        if (!c.has(column)) {
            return;
        }
        String value = c.text(column);
        ContactPoint point = value == null
                ? null
                : c.build(() -> new ContactPoint(type, value, null, null, PURPOSE, null, null, true), f -> column);
        primaries.put(type, point);
    }

    private static PostalAddress address(Cells c) {
        boolean any = false;
        boolean set = false;
        for (String column : ADDRESS_COLUMNS) {
            any |= c.has(column);
            set |= c.text(column) != null;
        }
        if (!any || !set) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        String first = c.text(ADDRESS_LINE1);
        if (first != null) {
            lines.add(first);
        }
        String more = c.text(ADDRESS_LINE2);
        if (more != null) {
            lines.addAll(Arrays.asList(more.split("\r\n|\n|\r", -1)));
        }
        return c.build(
                () -> new PostalAddress(
                        lines,
                        c.text("locality"),
                        c.text("administrative_area"),
                        c.text("postal_code"),
                        c.token("country_code")),
                f -> f.startsWith("lines")
                        ? (f.startsWith("lines[") && !f.startsWith("lines[0]") ? ADDRESS_LINE2 : ADDRESS_LINE1)
                        : Cells.snake(f));
    }

    private boolean ownsAddress() {
        for (String column : ADDRESS_COLUMNS) {
            if (present.contains(column)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CustomerDraft apply(CustomerDraft current) {
        CustomerDraft.Builder b = current == null
                ? CustomerDraft.person(displayName).kind(kind == null ? PartyKind.PERSON : kind)
                : current.toBuilder();
        if (current != null) {
            if (present.contains("kind")) {
                b.kind(kind == null ? PartyKind.PERSON : kind);
            }
            if (present.contains("display_name")) {
                b.displayName(displayName);
            }
        }
        if (present.contains("legal_name")) {
            b.legalName(legalName);
        }
        List<ContactPoint> points = new ArrayList<>(current == null ? List.of() : current.contactPoints());
        primaries.forEach((type, point) -> replacePrimary(points, type, point));
        if (ownsAddress()) {
            replacePrimary(points, ContactType.POSTAL_ADDRESS, address == null ? null : postal(address));
        }
        b.contactPoints(points);
        if (present.contains("customer_type")) {
            b.customerType(customerType);
        }
        if (present.contains("status")) {
            b.status(status);
        }
        if (present.contains("region")) {
            b.region(region);
        }
        if (present.contains("industry")) {
            b.industry(industry);
        }
        if (tags != null) {
            b.tags(tags);
        }
        if (present.contains("owner")) {
            b.owner(owner);
        }
        if (present.contains("credit_limit")) {
            b.creditLimit(creditLimit);
        }
        List<ImportantDate> dates = new ArrayList<>(current == null ? List.of() : current.importantDates());
        if (present.contains("birthday")) {
            replaceDate(dates, ImportantDateType.BIRTHDAY, birthday == null ? null : ImportantDate.birthday(birthday));
        }
        if (present.contains("founding_day")) {
            replaceDate(
                    dates,
                    ImportantDateType.FOUNDING_DAY,
                    foundingDay == null ? null : ImportantDate.foundingDay(foundingDay));
        }
        b.importantDates(dates);
        if (current != null || preferredChannel != null || preferredLanguage != null) {
            var preferences = current == null ? dev.guanxi.crm.customer.Preferences.none() : current.preferences();
            if (present.contains("preferred_channel")) {
                preferences = preferences.withPreferredChannel(preferredChannel);
            }
            if (present.contains("preferred_language")) {
                preferences = preferences.withPreferredLanguage(preferredLanguage);
            }
            b.preferences(preferences);
        }
        if (!custom.isEmpty()) {
            Map<String, Object> fields = new TreeMap<>(
                    current == null ? Map.of() : current.customFields().asMap());
            custom.forEach((name, value) -> {
                if (value == null) {
                    fields.remove(name);
                } else {
                    fields.put(name, value);
                }
            });
            b.customFields(CustomFields.of(fields));
        }
        return b.build();
    }

    private static ContactPoint postal(PostalAddress address) {
        return new ContactPoint(ContactType.POSTAL_ADDRESS, null, address, null, PURPOSE, null, null, true);
    }

    /** Replaces the primary contact point of a type, keeping a stored one of the same value untouched. */
    private static void replacePrimary(List<ContactPoint> points, ContactType type, ContactPoint wanted) {
        for (int i = 0; i < points.size(); i++) {
            ContactPoint p = points.get(i);
            if (p.type() == type && p.primary()) {
                if (wanted != null && sameValue(p, wanted)) {
                    return;
                }
                points.remove(i);
                if (wanted != null) {
                    points.add(i, wanted);
                }
                return;
            }
        }
        if (wanted != null) {
            points.add(wanted);
        }
    }

    private static boolean sameValue(ContactPoint a, ContactPoint b) {
        return a.type() == ContactType.POSTAL_ADDRESS
                ? a.address().equals(b.address())
                : a.value().equals(b.value());
    }

    private static void replaceDate(List<ImportantDate> dates, ImportantDateType type, ImportantDate wanted) {
        for (int i = 0; i < dates.size(); i++) {
            if (dates.get(i).type() == type) {
                if (wanted != null && dates.get(i).date().equals(wanted.date())) {
                    return;
                }
                dates.remove(i);
                if (wanted != null) {
                    dates.add(i, wanted);
                }
                return;
            }
        }
        if (wanted != null) {
            dates.add(wanted);
        }
    }

    @Override
    public String field(String path) {
        if (path.startsWith("customFields.")) {
            return ImportKind.CUSTOM_FIELD_PREFIX + path.substring("customFields.".length());
        }
        if (path.startsWith("importantDates")) {
            return present.contains("birthday") ? "birthday" : "founding_day";
        }
        if (path.startsWith("preferences.preferred")) {
            return Cells.snake(path.substring("preferences.".length()));
        }
        String column = Cells.snake(path);
        return present.contains(column) ? column : path;
    }

    // ---- the export: a customer's cells in the layout ----

    /**
     * The cells of a customer in the layout's column order, then one per custom field name given.
     *
     * @param customer the customer
     * @param customFieldNames the custom fields to write, in order
     * @return the cells, {@code null} for empty
     */
    static List<String> cells(Customer customer, Collection<String> customFieldNames) {
        List<String> out = new ArrayList<>(ImportKind.CUSTOMERS.columns().size() + customFieldNames.size());
        out.add(customer.externalId());
        out.add(customer.kind().name());
        out.add(customer.displayName());
        out.add(customer.legalName());
        out.add(primaryValue(customer, ContactType.EMAIL));
        out.add(primaryValue(customer, ContactType.PHONE));
        out.add(primaryValue(customer, ContactType.FAX));
        PostalAddress a = null;
        for (ContactPoint p : customer.contactPoints()) {
            if (p.type() == ContactType.POSTAL_ADDRESS && p.primary()) {
                a = p.address();
                break;
            }
        }
        if (a == null) {
            for (int i = 0; i < ADDRESS_COLUMNS.size(); i++) {
                out.add(null);
            }
        } else {
            out.add(a.lines().get(0));
            out.add(
                    a.lines().size() > 1
                            ? String.join("\n", a.lines().subList(1, a.lines().size()))
                            : null);
            out.add(a.locality());
            out.add(a.administrativeArea());
            out.add(a.postalCode());
            out.add(a.countryCode());
        }
        out.add(customer.customerType());
        out.add(customer.status());
        out.add(customer.region());
        out.add(customer.industry());
        out.add(joinTags(customer.tags()));
        out.add(customer.owner() == null ? null : customer.owner().value());
        out.add(customer.creditLimit() == null ? null : customer.creditLimit().toString());
        out.add(customer.importantDate(ImportantDateType.BIRTHDAY)
                .map(d -> d.date().toString())
                .orElse(null));
        out.add(customer.importantDate(ImportantDateType.FOUNDING_DAY)
                .map(d -> d.date().toString())
                .orElse(null));
        Channel channel = customer.preferences().preferredChannel();
        out.add(channel == null ? null : channel.name());
        Locale language = customer.preferences().preferredLanguage();
        out.add(language == null ? null : language.toLanguageTag());
        for (String name : customFieldNames) {
            out.add(customer.customFields()
                    .get(name)
                    .map(CsvCustomerPatch::formatField)
                    .orElse(null));
        }
        return out;
    }

    private static String primaryValue(Customer customer, ContactType type) {
        for (ContactPoint p : customer.contactPoints()) {
            if (p.type() == type && p.primary()) {
                return p.value();
            }
        }
        return null;
    }

    // ---- cell formats ----

    /** Splits the tags cell at unescaped {@code ;}; {@code \;} and {@code \\} are a literal {@code ;} and {@code \}. */
    static List<String> splitTags(String cell) {
        List<String> tags = new ArrayList<>();
        if (cell == null) {
            return tags;
        }
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == '\\' && i + 1 < cell.length()) {
                tag.append(cell.charAt(++i));
            } else if (ch == ';') {
                tags.add(tag.toString());
                tag.setLength(0);
            } else {
                tag.append(ch);
            }
        }
        tags.add(tag.toString());
        return tags;
    }

    static String joinTags(Set<String> tags) {
        if (tags.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String tag : tags) {
            if (b.length() > 0) {
                b.append(';');
            }
            for (int i = 0; i < tag.length(); i++) {
                char ch = tag.charAt(i);
                if (ch == ';' || ch == '\\') {
                    b.append('\\');
                }
                b.append(ch);
            }
        }
        return b.toString();
    }

    static Locale language(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.toLanguageTag().equals("und") && !tag.equalsIgnoreCase("und")) {
            throw new dev.guanxi.crm.ValidationException(
                    "preferred_language", ValidationRule.INVALID_FORMAT, "'" + tag + "' is not a BCP 47 language tag");
        }
        return locale;
    }

    static Object parseField(FieldType type, String text) {
        return switch (type) {
            case STRING -> text;
            case LONG -> Long.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
            case BOOLEAN ->
                switch (text) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException(text);
                };
            case DATE -> LocalDate.parse(text);
            case INSTANT -> Instant.parse(text);
            case MONEY -> Money.parse(text);
        };
    }

    static String formatField(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }
}
