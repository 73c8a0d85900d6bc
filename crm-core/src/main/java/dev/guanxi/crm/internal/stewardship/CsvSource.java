package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.Violation;
import dev.guanxi.crm.customer.ContactPerson;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.ContactType;
import dev.guanxi.crm.customer.PostalAddress;
import dev.guanxi.crm.field.FieldDefinition;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.Outcome;
import dev.guanxi.crm.interaction.OutcomeKind;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.PaymentMethod;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportOptions;
import dev.guanxi.crm.stewardship.ImportedContact;
import dev.guanxi.crm.stewardship.ImportedInteraction;
import dev.guanxi.crm.stewardship.ImportedPayment;
import dev.guanxi.crm.stewardship.ImportedPurchase;
import dev.guanxi.crm.stewardship.ImportedRecord;
import dev.guanxi.crm.stewardship.RowError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of a CSV file in a kind's layout: resolves the header (mapping, ignored, unknown and missing columns)
 * and parses each record into an {@link ImportRow}, the lines of a purchase into one row. Not thread-safe.
 */
final class CsvSource implements RowSource {
    private final ImportKind kind;
    private final Map<String, FieldDefinition<?>> definitions;
    private final BufferedReader reader;
    private final CsvReader csv;
    private final Map<String, Integer> index;
    private final int width;
    private long number;
    /** The next record, read ahead to find the end of a purchase; {@code null} if none is pending. */
    private CsvReader.Record pending;

    private final String idColumn;

    /**
     * Opens a file and reads its header.
     *
     * @throws ValidationException on {@code header} or {@code source} if the header is missing or does not fit the
     *     layout
     * @throws UncheckedIOException if the file cannot be read
     */
    CsvSource(ImportKind kind, Path file, ImportOptions options, Map<String, FieldDefinition<?>> definitions) {
        this.kind = kind;
        this.definitions = definitions;
        this.idColumn = kind == ImportKind.PURCHASES ? "order_number" : "external_id";
        try {
            this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        try {
            this.csv = new CsvReader(reader);
            CsvReader.Record header = read();
            if (header == null) {
                throw new ValidationException("source", ValidationRule.INVALID_FORMAT, "the file has no header row");
            }
            if (header.error() != null) {
                throw new ValidationException("header", ValidationRule.INVALID_FORMAT, header.error());
            }
            this.width = header.fields().size();
            this.index = resolve(kind, header.fields(), options, definitions);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Maps layout columns to positions in the header; every problem of the header is reported at once. */
    static Map<String, Integer> resolve(
            ImportKind kind, List<String> header, ImportOptions options, Map<String, FieldDefinition<?>> definitions) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = ImportOptions.normaliseHeader(header.get(i));
            if (options.ignoredColumns().contains(name)) {
                continue;
            }
            String column = options.columns().getOrDefault(name, name);
            boolean known = kind.columns().contains(column)
                    || (kind == ImportKind.CUSTOMERS
                            && column.startsWith(ImportKind.CUSTOM_FIELD_PREFIX)
                            && definitions.containsKey(column.substring(ImportKind.CUSTOM_FIELD_PREFIX.length())));
            if (!known) {
                problems.add(new Violation(
                        "header",
                        ValidationRule.UNKNOWN_FIELD,
                        "column " + (i + 1) + " '" + header.get(i) + "' is not a column of the " + kind
                                + " layout; map it with ImportOptions.Builder.column or ignore it"));
            } else if (index.putIfAbsent(column, i) != null) {
                problems.add(new Violation(
                        "header",
                        ValidationRule.DUPLICATE,
                        "column " + (i + 1) + " '" + header.get(i) + "' is " + column + " again"));
            }
        }
        for (String required : kind.requiredColumns()) {
            if (!index.containsKey(required)) {
                problems.add(new Violation("header", ValidationRule.REQUIRED, "the header has no column " + required));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return index;
    }

    private CsvReader.Record read() {
        try {
            return csv.next();
        } catch (CharacterCodingException e) {
            throw new ValidationException("source", ValidationRule.INVALID_FORMAT, "the file is not UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file", e);
        }
    }

    private CsvReader.Record nextRecord() {
        if (pending != null) {
            CsvReader.Record r = pending;
            pending = null;
            return r;
        }
        return read();
    }

    @Override
    public ImportRow next() {
        CsvReader.Record record = nextRecord();
        if (record == null) {
            return null;
        }
        number++;
        Cells cells = cells(record, number);
        if (kind == ImportKind.PURCHASES) {
            return purchase(cells);
        }
        if (!usable(cells)) {
            return row(cells, number, null);
        }
        Object content = switch (kind) {
            case CUSTOMERS -> CsvCustomerPatch.parse(cells, definitions);
            case CONTACTS -> contact(cells);
            case PAYMENTS -> payment(cells);
            case INTERACTIONS -> interaction(cells);
            case PURCHASES -> throw new IllegalStateException();
        };
        return row(cells, number, content);
    }

    private ImportRow row(Cells cells, long last, Object content) {
        boolean bad = !cells.errors().isEmpty();
        return new ImportRow(
                cells.row(), last, cells.line(), cells.externalId(), idColumn, bad ? null : content, cells.errors());
    }

    /** The cells of a record, with its syntax and width checked and its external id read. */
    private Cells cells(CsvReader.Record record, long row) {
        List<String> fields = record.fields();
        Cells cells = new Cells(fields, index, row, record.line());
        Integer at = index.get(idColumn);
        if (at != null && at < fields.size()) {
            String id = cells.text(idColumn);
            if (id != null
                    && cells.build(() -> Check.text(idColumn, id, ImportedRecord.EXTERNAL_ID_MAX), f -> idColumn)
                            != null) {
                cells.externalId(id);
            }
        }
        if (record.error() != null) {
            cells.fail("row", ValidationRule.INVALID_FORMAT, record.error());
        } else if (fields.size() != width) {
            cells.fail(
                    "row",
                    ValidationRule.INVALID_FORMAT,
                    "the row has " + fields.size() + " values, the header " + width);
        } else if (cells.externalId() == null && cells.text(idColumn) == null) {
            cells.fail(idColumn, ValidationRule.REQUIRED, idColumn + " is required");
        }
        return cells;
    }

    private static boolean usable(Cells c) {
        return c.errors().isEmpty();
    }

    // ---- contacts ----

    private ImportedContact contact(Cells c) {
        if (!usable(c)) {
            return null;
        }
        String customer = customerExternalId(c);
        ContactType type = null;
        boolean person = false;
        String typeName = c.token("type");
        if (typeName == null) {
            c.fail("type", ValidationRule.REQUIRED, "type is required");
        } else if (typeName.equals("PERSON")) {
            person = true;
        } else {
            type = c.enumValue("type", ContactType.class);
        }
        ContactPurpose purpose = c.has("purpose") && c.token("purpose") != null
                ? c.enumValue("purpose", ContactPurpose.class)
                : ContactPurpose.WORK;
        if (!usable(c)) {
            return null;
        }
        ContactPoint point = null;
        ContactPerson contactPerson = null;
        if (person) {
            List<ContactPoint> points = new ArrayList<>();
            String email = c.text("email");
            if (email != null) {
                ContactPoint p = c.build(() -> ContactPoint.email(email, purpose), f -> "email");
                if (p != null) {
                    points.add(p);
                }
            }
            String phone = c.text("phone");
            if (phone != null) {
                ContactPoint p = c.build(() -> ContactPoint.phone(phone, purpose), f -> "phone");
                if (p != null) {
                    points.add(p);
                }
            }
            String name = c.text("name");
            String role = c.text("role");
            contactPerson = c.build(() -> new ContactPerson(name, role, points), Cells::snake);
        } else {
            ContactType t = type;
            LocalDate from = c.date("valid_from");
            LocalDate to = c.date("valid_to");
            Boolean primary = c.bool("primary");
            PostalAddress address = t == ContactType.POSTAL_ADDRESS ? address(c) : null;
            if (!usable(c)) {
                return null;
            }
            String value = c.text("value");
            String network = c.text("network");
            PostalAddress a = address;
            point = c.build(
                    () -> new ContactPoint(t, value, a, network, purpose, from, to, primary != null && primary),
                    f -> f.equals("address") ? "address_line1" : Cells.snake(f));
        }
        if (!usable(c)) {
            return null;
        }
        ContactPoint p = point;
        ContactPerson cp = contactPerson;
        return c.build(() -> new ImportedContact(c.externalId(), customer, p, cp), Cells::snake);
    }

    private static PostalAddress address(Cells c) {
        List<String> lines = new ArrayList<>();
        String first = c.text(CsvCustomerPatch.ADDRESS_LINE1);
        if (first != null) {
            lines.add(first);
        }
        String more = c.text(CsvCustomerPatch.ADDRESS_LINE2);
        if (more != null) {
            lines.addAll(List.of(more.split("\r\n|\n|\r", -1)));
        }
        return c.build(
                () -> new PostalAddress(
                        lines,
                        c.text("locality"),
                        c.text("administrative_area"),
                        c.text("postal_code"),
                        c.token("country_code")),
                f -> f.startsWith("lines") ? CsvCustomerPatch.ADDRESS_LINE1 : Cells.snake(f));
    }

    private static String customerExternalId(Cells c) {
        String id = c.required("customer_external_id");
        if (id != null) {
            c.build(() -> Check.text("customer_external_id", id, ImportedRecord.EXTERNAL_ID_MAX), f -> f);
        }
        return id;
    }

    // ---- payments ----

    private ImportedPayment payment(Cells c) {
        if (!usable(c)) {
            return null;
        }
        String customer = customerExternalId(c);
        Money amount = money(c, "amount");
        LocalDate receivedOn = c.date("received_on");
        if (receivedOn == null && c.token("received_on") == null) {
            c.fail("received_on", ValidationRule.REQUIRED, "received_on is required");
        }
        PaymentMethod method =
                c.token("method") == null ? PaymentMethod.OTHER : c.enumValue("method", PaymentMethod.class);
        String reference = c.text("reference");
        String invoice = c.token("invoice_number");
        if (!usable(c)) {
            return null;
        }
        return c.build(
                () -> new ImportedPayment(c.externalId(), customer, amount, receivedOn, method, reference, invoice),
                Cells::snake);
    }

    /** An amount column with the {@code currency} column; errors name the column of the bad part. */
    private static Money money(Cells c, String column) {
        Currency currency = currency(c);
        BigDecimal amount = c.decimal(column);
        if (amount == null && c.token(column) == null) {
            c.fail(column, ValidationRule.REQUIRED, column + " is required");
        }
        if (currency == null || amount == null) {
            return null;
        }
        return c.build(() -> Money.of(amount, currency), f -> f.equals("currency") ? "currency" : column);
    }

    private static Currency currency(Cells c) {
        if (c.token("currency") == null) {
            if (c.errors().stream().noneMatch(e -> e.field().equals("currency"))) {
                c.fail("currency", ValidationRule.REQUIRED, "currency is required");
            }
            return null;
        }
        return c.parse("currency", Money::currency);
    }

    // ---- interactions ----

    private ImportedInteraction interaction(Cells c) {
        if (!usable(c)) {
            return null;
        }
        String customer = customerExternalId(c);
        Channel channel = c.enumValue("channel", Channel.class);
        Direction direction = c.enumValue("direction", Direction.class);
        Instant occurredAt = c.instant("occurred_at");
        OutcomeKind outcomeKind = c.enumValue("outcome", OutcomeKind.class);
        String summary = c.text("outcome_summary");
        Outcome outcome = null;
        if (outcomeKind != null) {
            outcome = c.build(
                    () -> Outcome.of(outcomeKind, summary),
                    f -> f.equals("outcome.summary") ? "outcome_summary" : "outcome");
        } else if (summary != null && c.token("outcome") == null) {
            c.fail("outcome_summary", ValidationRule.INVALID_STATE, "an outcome summary needs an outcome");
        }
        StaffId staff = c.parse("staff_id", StaffId::new);
        String subject = c.text("subject");
        String notes = c.text("notes");
        String contactPerson = c.text("contact_person");
        if (!usable(c)) {
            return null;
        }
        Outcome o = outcome;
        return c.build(
                () -> new ImportedInteraction(
                        c.externalId(),
                        customer,
                        channel,
                        direction,
                        occurredAt,
                        subject,
                        notes,
                        o,
                        staff,
                        contactPerson),
                f -> f.equals("staff") ? "staff_id" : Cells.snake(f));
    }

    // ---- purchases ----

    /** The lines of one order: this row and the following rows with the same order number. */
    private ImportRow purchase(Cells first) {
        List<RowError> errors = new ArrayList<>(first.errors());
        Header header = usable(first) ? header(first) : null;
        OrderLine firstLine = header != null && usable(first) ? line(first, header.currency()) : null;
        errors.clear();
        errors.addAll(first.errors());
        List<OrderLine> lines = new ArrayList<>();
        if (firstLine != null) {
            lines.add(firstLine);
        }
        long last = first.row();
        String orderNumber = first.externalId();
        while (orderNumber != null) {
            CsvReader.Record next = read();
            if (next == null) {
                break;
            }
            Cells c = cells(next, last + 1);
            if (!orderNumber.equals(c.externalId())) {
                pending = next;
                break;
            }
            last++;
            number = last;
            if (usable(c) && header != null) {
                Header h = header(c);
                if (h != null && !h.equals(header)) {
                    c.fail(
                            h.customer().equals(header.customer())
                                    ? (h.date().equals(header.date()) ? "currency" : "order_date")
                                    : "customer_external_id",
                            ValidationRule.INVALID_STATE,
                            "the line differs from the order's first line (row " + first.row() + ")");
                } else if (h != null) {
                    OrderLine line = line(c, header.currency());
                    if (line != null) {
                        lines.add(line);
                    }
                }
            }
            errors.addAll(c.errors());
        }
        if (!errors.isEmpty() || header == null) {
            return new ImportRow(first.row(), last, first.line(), orderNumber, idColumn, null, errors);
        }
        Cells whole = new Cells(List.of(), Map.of(), first.row(), first.line());
        whole.externalId(orderNumber);
        ImportedPurchase purchase = whole.build(
                () -> new ImportedPurchase(orderNumber, header.customer(), header.date(), lines),
                f -> f.startsWith("lines") ? "lines" : Cells.snake(f));
        return new ImportRow(first.row(), last, first.line(), orderNumber, idColumn, purchase, whole.errors());
    }

    private record Header(String customer, LocalDate date, Currency currency) {}

    private static Header header(Cells c) {
        String customer = customerExternalId(c);
        LocalDate date = c.date("order_date");
        if (date == null && c.token("order_date") == null) {
            c.fail("order_date", ValidationRule.REQUIRED, "order_date is required");
        }
        Currency currency = currency(c);
        return usable(c) ? new Header(customer, date, currency) : null;
    }

    private static OrderLine line(Cells c, Currency currency) {
        BigDecimal amount = c.decimal("amount");
        BigDecimal quantity = c.decimal("quantity");
        BigDecimal unitPrice = c.decimal("unit_price");
        BigDecimal discount = c.decimal("discount");
        String productCode = c.text("product_code");
        String description = c.text("description");
        if (!usable(c)) {
            return null;
        }
        if (amount != null && (quantity != null || unitPrice != null)) {
            c.fail("amount", ValidationRule.INVALID_STATE, "give either amount, or quantity and unit_price");
            return null;
        }
        if (amount == null && (quantity == null || unitPrice == null)) {
            c.fail(
                    quantity == null ? "quantity" : "unit_price",
                    ValidationRule.REQUIRED,
                    "a line needs quantity and unit_price, or amount");
            return null;
        }
        BigDecimal q = amount != null ? BigDecimal.ONE : quantity;
        BigDecimal price = amount != null ? amount : unitPrice;
        String code = productCode == null && amount != null ? ImportKind.AMOUNT_PRODUCT_CODE : productCode;
        Map<String, String> fields = new HashMap<>();
        fields.put("productCode", "product_code");
        fields.put("quantity", amount != null ? "amount" : "quantity");
        fields.put("unitPrice", amount != null ? "amount" : "unit_price");
        return c.build(
                () -> new OrderLine(
                        code,
                        description,
                        q,
                        Money.of(price, currency),
                        discount == null ? null : Money.of(discount, currency)),
                f -> fields.getOrDefault(f, f.equals("amount") ? fields.get("unitPrice") : Cells.snake(f)));
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // nothing was written; a failed close of a file being read loses nothing
        }
    }

    @Override
    public String toString() {
        return "CsvSource[" + kind + ", row " + number + ", " + Objects.toString(index) + "]";
    }
}
