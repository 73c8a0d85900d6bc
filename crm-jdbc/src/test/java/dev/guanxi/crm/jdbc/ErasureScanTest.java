package dev.guanxi.crm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.jdbc.testing.TestDatabases;
import dev.guanxi.crm.privacy.ErasureReport;
import dev.guanxi.crm.test.MutableClock;
import dev.guanxi.crm.test.tck.PersonalDataFixture;
import dev.guanxi.crm.test.tck.PersonalDataFixture.Marker;
import dev.guanxi.crm.test.tck.PersonalDataFixture.Planted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Erasure on real databases (RELIABILITY.md P1, P2): {@link PersonalDataFixture} plants markers through the
 * public API of a {@link Crm} on {@link JdbcStorage}, in two tenants; the subject of tenant {@code acme} is erased;
 * then every column of every table the database lists in {@code information_schema.columns} is read and searched
 * for each marker, as written and in lower case (JSON {@code \\uXXXX} escapes decoded, binary columns read as
 * UTF-8). Pass: none of the subject's markers is left anywhere, every marker of the bystander and of the other
 * tenant is still there, and each tenant's row count and the sums of the numeric columns of every business table
 * are what they were.
 *
 * <p>All checks of one database are soft: a failure lists every marker left, with its table and column.
 */
@DisplayName("Erasure on H2, PostgreSQL and MariaDB leaves no marker in any column of any table")
class ErasureScanTest {
    /** Tables whose rows an erasure adds or deletes by design: the outbox (delivered events about the subject are
     * deleted, CustomerErased is added) and the privacy tables themselves. */
    private static final List<String> LOG_TABLES =
            List.of("guanxi_outbox", "guanxi_privacy_salt", "guanxi_suppression", "guanxi_erasure");

    private static final Pattern JSON_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2 in memory", (Supplier<JdbcStorage>)
                        () -> JdbcStorage.builder(TestDatabases.h2Memory()).build()),
                Arguments.of("H2 file", (Supplier<JdbcStorage>) ErasureScanTest::h2File),
                Arguments.of("PostgreSQL", (Supplier<JdbcStorage>)
                        () -> JdbcStorage.builder(TestDatabases.postgres()).build()),
                Arguments.of("MariaDB", (Supplier<JdbcStorage>)
                        () -> JdbcStorage.builder(TestDatabases.mariadb()).build()));
    }

    /** An H2 file database as {@link JdbcStorage#h2(Path)} opens it: pooled, so the file stays open. */
    private static JdbcStorage h2File() {
        try {
            return JdbcStorage.h2(
                    Files.createTempDirectory(Files.createDirectories(Path.of("target", "h2-erasure")), "db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One column of one table, as {@code information_schema.columns} lists it. */
    record Column(String table, String name, String type) {
        boolean binary() {
            String t = type.toLowerCase(Locale.ROOT);
            return t.contains("binary") || t.contains("blob") || t.contains("bytea");
        }

        boolean numeric() {
            String t = type.toLowerCase(Locale.ROOT);
            return t.contains("int") || t.contains("numeric") || t.contains("decimal");
        }

        boolean textLike() {
            String t = type.toLowerCase(Locale.ROOT);
            return t.contains("char")
                    || t.contains("text")
                    || t.contains("clob")
                    || t.contains("json")
                    || t.contains("large object")
                    || binary();
        }
    }

    /** One cell's value, decoded to text. */
    record Cell(Column column, String value) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("the subject's markers are gone from every column, the rest and the totals are kept")
    void eraseAndScan(String name, Supplier<JdbcStorage> database) throws SQLException {
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        try (JdbcStorage storage = database.get();
                Crm crm = PersonalDataFixture.configure(Crm.builder())
                        .storage(storage)
                        .clock(clock)
                        .build()) {
            TenantCrm acme = crm.tenant("acme");
            Planted planted = PersonalDataFixture.plant(acme, clock, 17L);
            Planted other = PersonalDataFixture.plant(crm.tenant("other"), clock, 18L);
            clock.advance(Duration.ofHours(1));
            Dialect dialect = storage.dialect();
            DataSource ds = storage.dataSource();
            List<Column> columns = columns(ds, dialect);
            SoftAssertions soft = new SoftAssertions();

            // the scan reaches what it must: the listed columns include the free-text columns, and before the
            // erasure it finds every marker of the subject somewhere (else a search for nothing would pass)
            List<String> textColumns = columns.stream()
                    .filter(Column::textLike)
                    .map(c -> c.table() + "." + c.name())
                    .toList();
            assertThat(textColumns)
                    .contains("guanxi_customer.doc", "guanxi_interaction.doc", "guanxi_stage_transition.reason");
            List<Cell> before = cells(ds, columns);
            List<String> unseen = planted.markers().stream()
                    .filter(m -> before.stream().noneMatch(c -> m.foundIn(c.value())))
                    .map(m -> m.source() + "." + m.field() + " '" + m.text() + "'")
                    .toList();
            soft.assertThat(unseen)
                    .as("subject markers the database does not hold before erasure")
                    .isEmpty();
            // P3: whatever the database holds about the subject is in its export
            String exportBefore = acme.personalData().export(planted.subject()).toJson();
            List<String> notExported = hits(before, planted.markers()).stream()
                    .filter(h -> !h.marker().foundIn(exportBefore))
                    .map(Hit::toString)
                    .toList();
            soft.assertThat(notExported)
                    .as("subject markers held by the database but missing from the export")
                    .isEmpty();
            SortedMap<String, String> totalsBefore = totals(ds, columns);
            SortedMap<String, String> factsBefore = PersonalDataFixture.facts(acme, planted.subject());

            ErasureReport report = acme.personalData().erase(planted.subject(), "GDPR request 2026-017");

            assertThat(report.alreadyErased()).isFalse();
            List<Cell> after = cells(ds, columns);
            List<String> left =
                    hits(after, planted.markers()).stream().map(Hit::toString).toList();
            soft.assertThat(left)
                    .as("subject markers left in the database after erasure (marker -> table.column)")
                    .isEmpty();
            // the bystander's markers, and both customers' markers in the other tenant, are all still there
            List<Marker> others = new ArrayList<>(planted.bystanderMarkers());
            others.addAll(other.markers());
            others.addAll(other.bystanderMarkers());
            List<String> lost = others.stream()
                    .filter(m -> after.stream().noneMatch(c -> c.value().contains(m.text())))
                    .map(m -> m.source() + "." + m.field() + " '" + m.text() + "'")
                    .toList();
            soft.assertThat(lost).as("markers of others lost by the erasure").isEmpty();
            // the erasure's own changes are recorded in the subject's tenant's audit trail (with erased values);
            // every other count and sum is unchanged
            SortedMap<String, String> totalsAfter = totals(ds, columns);
            long auditBefore = Long.parseLong(totalsBefore.getOrDefault("guanxi_audit[acme].count", "0"));
            long auditAfter = Long.parseLong(totalsAfter.getOrDefault("guanxi_audit[acme].count", "0"));
            soft.assertThat(auditAfter)
                    .as("audit records of the erasure itself")
                    .isGreaterThan(auditBefore);
            totalsBefore.keySet().removeIf(k -> k.startsWith("guanxi_audit[acme]"));
            totalsAfter.keySet().removeIf(k -> k.startsWith("guanxi_audit[acme]"));
            soft.assertThat(totalsAfter)
                    .as("per-tenant row counts and sums of numeric columns")
                    .isEqualTo(totalsBefore);
            soft.assertThat(PersonalDataFixture.facts(acme, planted.subject()))
                    .as("the subject's facts through the API")
                    .isEqualTo(factsBefore);
            String exportAfter = acme.personalData().export(planted.subject()).toJson();
            soft.assertThat(planted.subjectMarkersIn(exportAfter))
                    .as("subject markers in the export after erasure")
                    .isEmpty();

            // P2: the suppression list holds salted hashes, no plaintext; it stops a draft with the same e-mail
            List<String> suppression = after.stream()
                    .filter(c -> c.column().table().equals("guanxi_suppression")
                            && c.column().name().equals("hash"))
                    .map(Cell::value)
                    .toList();
            soft.assertThat(suppression).hasSize(report.suppressed()).isNotEmpty();
            soft.assertThat(suppression).allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
            boolean sameEmail = acme.personalData()
                    .isSuppressed(CustomerDraft.person("New Lead")
                            .email(planted.email().toUpperCase(Locale.ROOT), ContactPurpose.HOME)
                            .build());
            soft.assertThat(sameEmail)
                    .as("a draft with the erased e-mail is suppressed")
                    .isTrue();
            boolean otherTenant = crm.tenant("other")
                    .personalData()
                    .isSuppressed(CustomerDraft.person("New Lead")
                            .email(planted.email(), ContactPurpose.HOME)
                            .build());
            soft.assertThat(otherTenant).as("another tenant's list is its own").isFalse();

            // idempotent: a second erasure changes no cell
            ErasureReport again = acme.personalData().erase(planted.subject(), "GDPR request 2026-018");
            soft.assertThat(again.alreadyErased()).isTrue();
            soft.assertThat(render(cells(ds, columns))).isEqualTo(render(after));
            soft.assertAll();
        }
    }

    /** A marker found in a cell. */
    record Hit(Marker marker, Column column, String value) {
        @Override
        public String toString() {
            // the value around the marker, so a long JSON document shows where it holds it
            int at = value.indexOf(marker.text());
            if (at < 0) {
                at = value.toLowerCase(Locale.ROOT).indexOf(marker.lowerCase());
            }
            int from = Math.max(0, at - 60);
            int to = Math.min(value.length(), Math.max(at, 0) + marker.text().length() + 60);
            String shown = (from > 0 ? "…" : "") + value.substring(from, to) + (to < value.length() ? "…" : "");
            return marker.source() + "." + marker.field() + " '" + marker.text() + "' -> " + column.table() + "."
                    + column.name() + " = " + shown;
        }
    }

    static List<Hit> hits(List<Cell> cells, List<Marker> markers) {
        List<Hit> out = new ArrayList<>();
        for (Cell c : cells) {
            for (Marker m : markers) {
                if (m.foundIn(c.value())) {
                    out.add(new Hit(m, c.column(), c.value()));
                }
            }
        }
        return out;
    }

    static List<String> render(List<Cell> cells) {
        return cells.stream()
                .map(c -> c.column().table() + "." + c.column().name() + "=" + c.value())
                .sorted()
                .toList();
    }

    /** Every column of every base table of the connection's schema. */
    static List<Column> columns(DataSource ds, Dialect dialect) throws SQLException {
        String schema = switch (dialect) {
            case H2 -> "CURRENT_SCHEMA";
            case POSTGRESQL -> "current_schema()";
            case MARIADB -> "DATABASE()";
        };
        String sql = "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c"
                + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                + " AND t.table_name = c.table_name"
                + " WHERE c.table_schema = " + schema + " AND t.table_type = 'BASE TABLE'"
                + " ORDER BY c.table_name, c.ordinal_position";
        List<Column> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new Column(
                        rs.getString(1).toLowerCase(Locale.ROOT),
                        rs.getString(2).toLowerCase(Locale.ROOT),
                        rs.getString(3)));
            }
        }
        assertThat(out).as("columns listed by information_schema").isNotEmpty();
        return out;
    }

    /** Every non-null cell of every column, as text. */
    static List<Cell> cells(DataSource ds, List<Column> columns) throws SQLException {
        Map<String, List<Column>> byTable = new LinkedHashMap<>();
        columns.forEach(
                c -> byTable.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c));
        List<Cell> out = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            for (Map.Entry<String, List<Column>> table : byTable.entrySet()) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT * FROM " + table.getKey())) {
                    while (rs.next()) {
                        for (Column col : table.getValue()) {
                            String value;
                            if (col.binary()) {
                                byte[] bytes = rs.getBytes(col.name());
                                value = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
                            } else {
                                value = rs.getString(col.name());
                            }
                            if (value != null) {
                                out.add(new Cell(col, unescape(value)));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Decodes JSON {@code \\uXXXX} escapes, so a marker written escaped into a JSON column is found too. */
    static String unescape(String value) {
        if (value.indexOf("\\u") < 0) {
            return value;
        }
        Matcher m = JSON_ESCAPE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return value + "\n" + out;
    }

    /**
     * Per table and tenant: the row count and the sum of each numeric column except {@code version} (which an
     * erasure raises on purpose), as text; the log tables ({@link #LOG_TABLES}) are left out.
     */
    static SortedMap<String, String> totals(DataSource ds, List<Column> columns) throws SQLException {
        Map<String, List<Column>> byTable = new LinkedHashMap<>();
        columns.forEach(
                c -> byTable.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c));
        SortedMap<String, String> out = new TreeMap<>();
        try (Connection c = ds.getConnection()) {
            for (Map.Entry<String, List<Column>> table : byTable.entrySet()) {
                boolean tenanted =
                        table.getValue().stream().anyMatch(col -> col.name().equals("tenant_id"));
                if (!tenanted || LOG_TABLES.contains(table.getKey())) {
                    continue;
                }
                List<Column> sums = table.getValue().stream()
                        .filter(Column::numeric)
                        .filter(col -> !col.name().equals("version"))
                        .toList();
                StringBuilder sql = new StringBuilder("SELECT tenant_id, COUNT(*)");
                sums.forEach(col -> sql.append(", SUM(").append(col.name()).append(")"));
                sql.append(" FROM ").append(table.getKey()).append(" GROUP BY tenant_id");
                try (PreparedStatement s = c.prepareStatement(sql.toString());
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String tenant = rs.getString(1);
                        out.put(table.getKey() + "[" + tenant + "].count", rs.getString(2));
                        for (int i = 0; i < sums.size(); i++) {
                            java.math.BigDecimal sum = rs.getBigDecimal(3 + i);
                            out.put(
                                    table.getKey() + "[" + tenant + "].sum("
                                            + sums.get(i).name() + ")",
                                    sum == null ? "null" : sum.toPlainString());
                        }
                    }
                }
            }
        }
        return out;
    }
}
