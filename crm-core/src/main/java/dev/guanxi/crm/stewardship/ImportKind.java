package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.util.List;

/**
 * What the rows of an import are, each with its CSV column layout: the header names a file may use (in any
 * order; case and surrounding spaces of header names are ignored; {@link ImportOptions.Builder#column} maps a
 * host's own header names onto them). A header must have the {@linkplain #requiredColumns() required columns}; a
 * header name that is not in the layout (after mapping) is refused before any row is read, so that nothing the
 * import must not set (tenant, id, version, creation time, scores, stages) can be expressed.
 *
 * <h2>Cells</h2>
 *
 * An empty cell is "no value". Text is kept exactly as given (never trimmed); numbers, dates, codes and enum
 * names may have surrounding spaces. Dates are ISO {@code 2024-03-01}, instants ISO {@code
 * 2024-03-01T09:30:00Z}, amounts plain decimals at most at their currency's scale ({@code 12.50}), enum values
 * their constant names ({@code ORGANISATION}, {@code BANK_TRANSFER}), booleans {@code true} / {@code false}. A
 * cell that starts with an apostrophe followed by {@code = + - @}, a tab, a carriage return or another
 * apostrophe loses that one apostrophe: it is the formula escape of {@link SpreadsheetCells}, so a file this SDK
 * exported imports back exactly.
 *
 * <h2>Identity</h2>
 *
 * Every row has an external id (its key in the system the file comes from), unique per tenant and kind: the
 * import is idempotent by (tenant, kind, external id). A row whose external id appears earlier in the same
 * source is refused ({@link dev.guanxi.crm.ValidationRule#DUPLICATE}), whatever the batch boundaries. What a row
 * whose external id is already stored does depends on the kind: customers and contacts are <em>updated</em>,
 * while purchases, payments and interactions are facts that an import never rewrites (a row equal to the stored
 * one is unchanged, a different one is a row error {@link dev.guanxi.crm.ValidationRule#INVALID_STATE}).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public enum ImportKind {
    /**
     * Customers, one per row, by their {@link dev.guanxi.crm.customer.Customer#externalId() external id}.
     *
     * <p>Columns: {@code external_id}*, {@code kind} ({@code PERSON}, the default, or {@code ORGANISATION}),
     * {@code display_name}*, {@code legal_name}, {@code email}, {@code phone}, {@code fax} (the customer's
     * <em>primary</em> contact point of that type; a new one gets purpose {@code WORK}), {@code address_line1},
     * {@code address_line2}, {@code locality}, {@code administrative_area}, {@code postal_code}, {@code
     * country_code} (the primary postal address), {@code customer_type}, {@code status}, {@code region}, {@code
     * industry} (reference codes), {@code tags} (separated by {@code ;}, a literal {@code ;} or {@code \} escaped
     * by {@code \}), {@code owner} (a staff id), {@code credit_limit} (currency code, a space, the amount: {@code
     * CNY 50000.00}), {@code birthday}, {@code founding_day}, {@code preferred_channel}, {@code
     * preferred_language} (a BCP 47 tag), and {@code custom:<namespace.name>} for each custom field defined on
     * the CRM. (* required)
     *
     * <p>A row whose external id is stored updates that customer: each column <em>present in the header</em> sets
     * its value (an empty cell clears it: the primary e-mail, the tags...); everything the header does not cover
     * (other contact points, contact persons, consents, other dates and fields) is kept. A row equal to the
     * stored customer writes nothing. From an iterable, an {@link ImportedCustomer}'s draft replaces every value.
     */
    CUSTOMERS(
            List.of("external_id", "display_name"),
            List.of(
                    "external_id",
                    "kind",
                    "display_name",
                    "legal_name",
                    "email",
                    "phone",
                    "fax",
                    "address_line1",
                    "address_line2",
                    "locality",
                    "administrative_area",
                    "postal_code",
                    "country_code",
                    "customer_type",
                    "status",
                    "region",
                    "industry",
                    "tags",
                    "owner",
                    "credit_limit",
                    "birthday",
                    "founding_day",
                    "preferred_channel",
                    "preferred_language")),
    /**
     * Contact points and contact persons of stored customers, each with its own external id, added to the
     * customer named by {@code customer_external_id}.
     *
     * <p>Columns: {@code external_id}*, {@code customer_external_id}*, {@code type}* ({@code EMAIL}, {@code
     * PHONE}, {@code FAX}, {@code MESSAGING}, {@code POSTAL_ADDRESS} or {@code PERSON}), {@code value} (the
     * address, number or handle), {@code network} (messaging), {@code purpose} ({@code WORK}, the default, {@code
     * HOME}, {@code BILLING}, {@code SHIPPING}), {@code primary}, {@code valid_from}, {@code valid_to}, {@code
     * address_line1}, {@code address_line2}, {@code locality}, {@code administrative_area}, {@code postal_code},
     * {@code country_code} (postal address), and for a {@code PERSON}: {@code name}, {@code role}, {@code email},
     * {@code phone} (the person's own contact points). (* required)
     *
     * <p>A row whose external id was imported before replaces the contact point or person it added (found by its
     * content; if the host removed it meanwhile, the row adds it again).
     */
    CONTACTS(
            List.of("external_id", "customer_external_id", "type"),
            List.of(
                    "external_id",
                    "customer_external_id",
                    "type",
                    "value",
                    "network",
                    "purpose",
                    "primary",
                    "valid_from",
                    "valid_to",
                    "address_line1",
                    "address_line2",
                    "locality",
                    "administrative_area",
                    "postal_code",
                    "country_code",
                    "name",
                    "role",
                    "email",
                    "phone")),
    /**
     * Purchases (orders placed), by order number, the external id of an order.
     *
     * <p>Columns: {@code order_number}*, {@code customer_external_id}*, {@code order_date}*, {@code currency}*,
     * {@code product_code}, {@code description}, {@code quantity}, {@code unit_price}, {@code discount}, {@code
     * amount}. (* required) A row is one order line: {@code quantity} and {@code unit_price} (and an optional
     * {@code discount}), or just an {@code amount}, which becomes one line of quantity 1 (product code {@value
     * #AMOUNT_PRODUCT_CODE} unless given). Consecutive rows with the same order number are the lines of one order
     * and must agree on customer, date and currency; the order is one row of the counts, numbered by its first
     * line.
     */
    PURCHASES(
            List.of("order_number", "customer_external_id", "order_date", "currency"),
            List.of(
                    "order_number",
                    "customer_external_id",
                    "order_date",
                    "currency",
                    "product_code",
                    "description",
                    "quantity",
                    "unit_price",
                    "discount",
                    "amount")),
    /**
     * Payments received, by their external id.
     *
     * <p>Columns: {@code external_id}*, {@code customer_external_id}*, {@code amount}*, {@code currency}*, {@code
     * received_on}*, {@code method} (default {@code OTHER}), {@code reference}, {@code invoice_number} (an invoice
     * of the same customer, which the payment is applied to). (* required)
     */
    PAYMENTS(
            List.of("external_id", "customer_external_id", "amount", "currency", "received_on"),
            List.of(
                    "external_id",
                    "customer_external_id",
                    "amount",
                    "currency",
                    "received_on",
                    "method",
                    "reference",
                    "invoice_number")),
    /**
     * Interactions (touchpoints), by their external id.
     *
     * <p>Columns: {@code external_id}*, {@code customer_external_id}*, {@code channel}*, {@code direction}*,
     * {@code occurred_at} (default: when the batch is written), {@code subject}*, {@code notes}, {@code outcome}
     * ({@code POSITIVE}, {@code NEUTRAL}, {@code NEGATIVE}), {@code outcome_summary}, {@code staff_id}, {@code
     * contact_person}. (* required) Links to service cases, opportunities and campaigns are not imported.
     */
    INTERACTIONS(
            List.of("external_id", "customer_external_id", "channel", "direction", "subject"),
            List.of(
                    "external_id",
                    "customer_external_id",
                    "channel",
                    "direction",
                    "occurred_at",
                    "subject",
                    "notes",
                    "outcome",
                    "outcome_summary",
                    "staff_id",
                    "contact_person"));

    /** The prefix of a custom field's column in the {@link #CUSTOMERS} layout, e.g. {@code custom:erp.segment}. */
    public static final String CUSTOM_FIELD_PREFIX = "custom:";

    /** The product code of the one line made from a purchase row's {@code amount}. */
    public static final String AMOUNT_PRODUCT_CODE = "AMOUNT";

    private final List<String> required;
    private final List<String> columns;

    ImportKind(List<String> required, List<String> columns) {
        this.required = required;
        this.columns = columns;
    }

    /** @return the layout's column names, in the order an export writes them; unmodifiable */
    public List<String> columns() {
        return columns;
    }

    /** @return the columns every header must have; unmodifiable */
    public List<String> requiredColumns() {
        return required;
    }
}
