package dev.guanxi.crm.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.jdbc.Dialect;
import dev.guanxi.crm.jdbc.internal.Json;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.PurchaseVisitor;
import dev.guanxi.crm.service.ServiceCase;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The hand-written plain-JDBC baseline of the storage benchmark: the same work as the SDK on the same schema and
 * the same connection, written as a careful application would write it without the SDK — prepared statements,
 * {@code addBatch}/{@code executeBatch} with auto-commit off, the JSON documents written and read with the same
 * Jackson mapper the SDK uses ({@link Json}), so that the comparison measures the storage layer and not JSON. On
 * PostgreSQL also {@code COPY ... FROM STDIN (FORMAT csv)}.
 *
 * <p>What it leaves out on purpose, because the SDK's contract needs it and a one-off import would not: no
 * savepoint around a batch (the SDK's {@code insertAll} is all-or-nothing inside a larger unit of work), no
 * duplicate detection, no isolation level or read-only flag set per unit of work, no retry.
 *
 * <p>Not thread-safe.
 */
final class PlainJdbc {
    static final String ORDER_COLUMNS = "tenant_id, id, version, doc, customer_id, order_number, order_date, status,"
            + " total_amount, currency, total_minor, created_at";
    static final String LINE_COLUMNS = "tenant_id, order_id, line_no, customer_id, order_date, product_code, quantity,"
            + " unit_price, discount, currency";
    static final String SCAN = "SELECT customer_id, order_date, total_minor, currency FROM guanxi_order"
            + " WHERE tenant_id = ? AND status = 'PLACED' ORDER BY customer_id, order_date, id";
    /**
     * The same rows in the same order, with the constant {@code tenant_id} leading the {@code ORDER BY} as it leads
     * the index {@code (tenant_id, customer_id, order_date, id)}: H2 then reads in index order instead of sorting.
     */
    static final String SCAN_TENANT_FIRST = "SELECT customer_id, order_date, total_minor, currency FROM guanxi_order"
            + " WHERE tenant_id = ? AND status = 'PLACED' ORDER BY tenant_id, customer_id, order_date, id";

    private static final String ORDER_INSERT =
            "INSERT INTO guanxi_order (" + ORDER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LINE_INSERT =
            "INSERT INTO guanxi_order_line (" + LINE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND_CUSTOMER = "SELECT doc FROM guanxi_customer WHERE tenant_id = ? AND id = ?";
    private static final String LATEST_INTERACTIONS = "SELECT doc FROM guanxi_interaction"
            + " WHERE tenant_id = ? AND customer_id = ? ORDER BY occurred_at DESC, id LIMIT 20";
    /** The customer's cases, as the SDK's {@code listByCustomer} reads them; the open ones are kept in Java, too. */
    private static final String CASES = "SELECT doc FROM guanxi_service_case"
            + " WHERE tenant_id = ? AND customer_id = ? ORDER BY opened_at DESC, id";

    private final Dialect dialect;
    private final DataSource dataSource;
    private final String tenant = BenchData.TENANT.value();
    private final ObjectWriter orderWriter = Json.writer(Order.class);
    private final ObjectReader customerReader = Json.reader(Customer.class);
    private final ObjectReader interactionReader = Json.reader(Interaction.class);
    private final ObjectReader caseReader = Json.reader(ServiceCase.class);

    PlainJdbc(Dialect dialect, DataSource dataSource) {
        this.dialect = dialect;
        this.dataSource = dataSource;
    }

    /** A customer with its 20 latest interactions and its open cases. */
    record Customer360(Customer customer, List<Interaction> latest, List<ServiceCase> openCases) {}

    /**
     * Inserts orders (and their lines, if asked) in one transaction: one JDBC batch per table.
     *
     * @param orders the orders
     * @param withLines whether to insert the {@code guanxi_order_line} rows too
     * @throws SQLException if the database refuses
     */
    void insertOrders(List<Order> orders, boolean withLines) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement o = c.prepareStatement(ORDER_INSERT)) {
                for (Order order : orders) {
                    o.setString(1, tenant);
                    setUuid(o, 2, order.id().value());
                    o.setLong(3, order.version());
                    o.setString(4, json(order));
                    setUuid(o, 5, order.customerId().value());
                    o.setString(6, order.orderNumber());
                    o.setObject(7, order.orderDate());
                    o.setString(8, order.status().name());
                    o.setBigDecimal(9, order.total().amount());
                    o.setString(10, order.currency().getCurrencyCode());
                    o.setLong(11, order.total().minorUnits());
                    setInstant(o, 12, order.createdAt());
                    o.addBatch();
                }
                o.executeBatch();
            }
            if (withLines) {
                try (PreparedStatement l = c.prepareStatement(LINE_INSERT)) {
                    for (Order order : orders) {
                        int n = 0;
                        for (OrderLine line : order.lines()) {
                            l.setString(1, tenant);
                            setUuid(l, 2, order.id().value());
                            l.setInt(3, ++n);
                            setUuid(l, 4, order.customerId().value());
                            l.setObject(5, order.orderDate());
                            l.setString(6, line.productCode());
                            l.setBigDecimal(7, line.quantity());
                            l.setBigDecimal(8, line.unitPrice().amount());
                            Money discount = line.discount();
                            if (discount == null) {
                                l.setNull(9, Types.NUMERIC);
                            } else {
                                l.setBigDecimal(9, discount.amount());
                            }
                            l.setString(10, line.unitPrice().currency().getCurrencyCode());
                            l.addBatch();
                        }
                    }
                    l.executeBatch();
                }
            }
            c.commit();
        }
    }

    /**
     * Inserts orders (and their lines, if asked) in one transaction with PostgreSQL's {@code COPY} in CSV.
     *
     * @param orders the orders
     * @param withLines whether to copy the {@code guanxi_order_line} rows too
     * @throws SQLException if the database refuses
     */
    void copyOrders(List<Order> orders, boolean withLines) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            throw new IllegalStateException("COPY is PostgreSQL's");
        }
        StringBuilder rows = new StringBuilder(orders.size() * 700);
        for (Order order : orders) {
            rows.append(tenant).append(',');
            rows.append(order.id().value()).append(',');
            rows.append(order.version()).append(',');
            quoted(rows, json(order)).append(',');
            rows.append(order.customerId().value()).append(',');
            quoted(rows, order.orderNumber()).append(',');
            rows.append(order.orderDate()).append(',');
            rows.append(order.status().name()).append(',');
            rows.append(order.total().amount().toPlainString()).append(',');
            rows.append(order.currency().getCurrencyCode()).append(',');
            rows.append(order.total().minorUnits()).append(',');
            rows.append(order.createdAt()).append('\n');
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try {
                copy.copyIn(
                        "COPY guanxi_order (" + ORDER_COLUMNS + ") FROM STDIN (FORMAT csv)",
                        new StringReader(rows.toString()));
                if (withLines) {
                    rows.setLength(0);
                    for (Order order : orders) {
                        int n = 0;
                        for (OrderLine line : order.lines()) {
                            rows.append(tenant).append(',');
                            rows.append(order.id().value()).append(',');
                            rows.append(++n).append(',');
                            rows.append(order.customerId().value()).append(',');
                            rows.append(order.orderDate()).append(',');
                            quoted(rows, line.productCode()).append(',');
                            rows.append(line.quantity().toPlainString()).append(',');
                            rows.append(line.unitPrice().amount().toPlainString())
                                    .append(',');
                            if (line.discount() != null) {
                                rows.append(line.discount().amount().toPlainString());
                            }
                            rows.append(',');
                            rows.append(line.unitPrice().currency().getCurrencyCode())
                                    .append('\n');
                        }
                    }
                    copy.copyIn(
                            "COPY guanxi_order_line (" + LINE_COLUMNS + ") FROM STDIN (FORMAT csv)",
                            new StringReader(rows.toString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            c.commit();
        }
    }

    /**
     * Appends orders (order rows only) to a CSV file for {@link #loadOrders}, in the form the database's bulk
     * loader reads.
     *
     * @param orders the orders
     * @param out where to write
     * @throws IOException if writing fails
     */
    void writeOrdersCsv(List<Order> orders, java.io.Writer out) throws IOException {
        StringBuilder rows = new StringBuilder(orders.size() * 700);
        for (Order order : orders) {
            rows.append(tenant).append(',');
            rows.append(order.id().value()).append(',');
            rows.append(order.version()).append(',');
            quoted(rows, json(order)).append(',');
            rows.append(order.customerId().value()).append(',');
            quoted(rows, order.orderNumber()).append(',');
            rows.append(order.orderDate()).append(',');
            rows.append(order.status().name()).append(',');
            rows.append(order.total().amount().toPlainString()).append(',');
            rows.append(order.currency().getCurrencyCode()).append(',');
            rows.append(order.total().minorUnits()).append(',');
            if (dialect == Dialect.MARIADB) {
                rows.append(LocalDateTime.ofInstant(order.createdAt(), ZoneOffset.UTC)
                        .format(MARIADB_INSTANT));
            } else {
                rows.append(order.createdAt());
            }
            rows.append('\n');
        }
        out.append(rows);
    }

    private static final java.time.format.DateTimeFormatter MARIADB_INSTANT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", java.util.Locale.ROOT);

    /**
     * Loads a CSV file of {@link #writeOrdersCsv} into {@code guanxi_order} in one transaction with the
     * database's own bulk loader: H2's {@code INSERT ... SELECT FROM CSVREAD}, MariaDB's {@code LOAD DATA LOCAL
     * INFILE} (the connection needs {@code allowLocalInfile}). For seeding tables of many millions of rows.
     *
     * @param file the CSV file
     * @param rows how many rows it holds
     * @throws SQLException if the database refuses, or loads another number of rows
     */
    void loadOrders(java.nio.file.Path file, long rows) throws SQLException {
        String path = file.toAbsolutePath().toString();
        if (path.indexOf('\'') >= 0 || path.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("a quote or backslash in the path: " + path);
        }
        String sql = switch (dialect) {
            case H2 ->
                "INSERT INTO guanxi_order (" + ORDER_COLUMNS + ") SELECT * FROM CSVREAD('" + path + "', '"
                        + ORDER_COLUMNS.replace(" ", "") + "', 'charset=UTF-8')";
            case MARIADB ->
                "LOAD DATA LOCAL INFILE '" + path + "' INTO TABLE guanxi_order CHARACTER SET"
                        + " utf8mb4 FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' ESCAPED BY ''"
                        + " LINES TERMINATED BY '\\n' (tenant_id, @id, version, doc, @customer, order_number,"
                        + " order_date, status, total_amount, currency, total_minor, created_at)"
                        + " SET id = UNHEX(REPLACE(@id, '-', '')), customer_id = UNHEX(REPLACE(@customer, '-',"
                        + " ''))";
            case POSTGRESQL -> throw new IllegalStateException("PostgreSQL loads with COPY");
        };
        try (Connection c = dataSource.getConnection();
                java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            long loaded = s.executeLargeUpdate(sql);
            if (loaded != rows) {
                c.rollback();
                throw new SQLException("loaded " + loaded + " rows of " + rows + " from " + path);
            }
            c.commit();
        }
    }

    /**
     * Reads a customer by id: {@code SELECT doc} and Jackson.
     *
     * @param id the id
     * @param transaction whether to read inside an explicit transaction (auto-commit off, commit) rather than
     *     in auto-commit mode
     * @return the customer, or {@code null}
     * @throws SQLException if the database fails
     */
    Customer findCustomer(CustomerId id, boolean transaction) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (transaction) {
                c.setAutoCommit(false);
            }
            Customer found;
            try (PreparedStatement s = c.prepareStatement(FIND_CUSTOMER)) {
                s.setString(1, tenant);
                setUuid(s, 2, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    found = rs.next() ? read(customerReader, rs.getString(1)) : null;
                }
            }
            if (transaction) {
                c.commit();
            }
            return found;
        }
    }

    /**
     * The customer-360 read in one transaction: the customer, its 20 latest interactions, its open cases.
     *
     * @param id the customer
     * @return what was read
     * @throws SQLException if the database fails
     */
    Customer360 customer360(CustomerId id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Customer customer = null;
            try (PreparedStatement s = c.prepareStatement(FIND_CUSTOMER)) {
                s.setString(1, tenant);
                setUuid(s, 2, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        customer = read(customerReader, rs.getString(1));
                    }
                }
            }
            List<Interaction> latest = new ArrayList<>(20);
            try (PreparedStatement s = c.prepareStatement(LATEST_INTERACTIONS)) {
                s.setString(1, tenant);
                setUuid(s, 2, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        latest.add(read(interactionReader, rs.getString(1)));
                    }
                }
            }
            List<ServiceCase> open = new ArrayList<>(4);
            try (PreparedStatement s = c.prepareStatement(CASES)) {
                s.setString(1, tenant);
                setUuid(s, 2, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ServiceCase sc = read(caseReader, rs.getString(1));
                        if (sc.isActive()) {
                            open.add(sc);
                        }
                    }
                }
            }
            c.commit();
            return new Customer360(customer, latest, open);
        }
    }

    /**
     * The purchase scan, by hand: the SDK's query with the same fetch size, in a transaction (PostgreSQL streams
     * with a cursor only then).
     *
     * @param query {@link #SCAN} or {@link #SCAN_TENANT_FIRST}
     * @param fetchSize rows per round trip
     * @param visitor receives every purchase
     * @return how many purchases
     * @throws SQLException if the database fails
     */
    long scan(String query, int fetchSize, PurchaseVisitor visitor) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long n = 0;
            try (PreparedStatement s = c.prepareStatement(query)) {
                s.setString(1, tenant);
                s.setFetchSize(fetchSize);
                try (ResultSet rs = s.executeQuery()) {
                    Map<String, Currency> currencies = new HashMap<>();
                    UUID last = null;
                    CustomerId customer = null;
                    while (rs.next()) {
                        UUID id = getUuid(rs, 1);
                        if (!id.equals(last)) {
                            last = id;
                            customer = new CustomerId(id);
                        }
                        visitor.purchase(
                                customer,
                                rs.getObject(2, LocalDate.class),
                                rs.getLong(3),
                                currencies.computeIfAbsent(rs.getString(4), Currency::getInstance));
                        n++;
                    }
                }
            }
            c.commit();
            return n;
        }
    }

    private String json(Order order) {
        try {
            return orderWriter.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(ObjectReader reader, String json) {
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setUuid(PreparedStatement s, int i, UUID id) throws SQLException {
        if (dialect == Dialect.MARIADB) {
            s.setBytes(
                    i,
                    ByteBuffer.allocate(16)
                            .putLong(id.getMostSignificantBits())
                            .putLong(id.getLeastSignificantBits())
                            .array());
        } else {
            s.setObject(i, id);
        }
    }

    private UUID getUuid(ResultSet rs, int i) throws SQLException {
        if (dialect == Dialect.MARIADB) {
            ByteBuffer b = ByteBuffer.wrap(rs.getBytes(i));
            return new UUID(b.getLong(), b.getLong());
        }
        return rs.getObject(i, UUID.class);
    }

    private void setInstant(PreparedStatement s, int i, Instant at) throws SQLException {
        if (dialect == Dialect.MARIADB) {
            s.setObject(i, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        } else {
            s.setObject(i, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    private static StringBuilder quoted(StringBuilder b, String text) {
        b.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                b.append('"');
            }
            b.append(ch);
        }
        return b.append('"');
    }
}
