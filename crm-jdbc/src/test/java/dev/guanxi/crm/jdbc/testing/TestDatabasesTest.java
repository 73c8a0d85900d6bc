package dev.guanxi.crm.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestDatabasesTest {
    /** Chinese (BMP), a CJK extension-B character and an emoji ZWJ sequence (4-byte UTF-8), dotted/dotless i. */
    private static final String TEXT = "张伟 𠮷野家 👩‍👩‍👧 İı";

    private static final BigDecimal AMOUNT = new BigDecimal("1.005");
    private static final Instant AT = Instant.parse("2026-03-14T01:59:26.535897Z");

    @TempDir
    static Path tempDir;

    enum Db {
        H2_MEMORY("VARCHAR(200)", "TIMESTAMP(6) WITH TIME ZONE", "UUID"),
        H2_FILE("VARCHAR(200)", "TIMESTAMP(6) WITH TIME ZONE", "UUID"),
        POSTGRES("TEXT", "TIMESTAMPTZ(6)", "UUID"),
        MARIADB("VARCHAR(200)", "DATETIME(6)", "UUID");

        final String textType;
        final String timestampType;
        final String uuidType;

        Db(String textType, String timestampType, String uuidType) {
            this.textType = textType;
            this.timestampType = timestampType;
            this.uuidType = uuidType;
        }

        DataSource create() {
            return switch (this) {
                case H2_MEMORY -> TestDatabases.h2Memory();
                case H2_FILE -> TestDatabases.h2File(tempDir);
                case POSTGRES -> TestDatabases.postgres();
                case MARIADB -> TestDatabases.mariadb();
            };
        }

        /** Binds an instant the way the storage layer will: MariaDB's DATETIME has no zone, so UTC wall time. */
        void bindInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
            if (this == MARIADB) {
                ps.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
            }
        }

        Instant readInstant(ResultSet rs, int index) throws SQLException {
            if (this == MARIADB) {
                return rs.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
            }
            return rs.getObject(index, OffsetDateTime.class).toInstant();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    @DisplayName("4-byte UTF-8 text, DECIMAL(19,4) and microsecond instants round-trip exactly")
    void roundTrip(Db db) throws SQLException {
        DataSource ds = db.create();
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE rt (id INT PRIMARY KEY, amount DECIMAL(19,4) NOT NULL, txt " + db.textType
                        + " NOT NULL, at_ " + db.timestampType + " NOT NULL)");
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO rt (id, amount, txt, at_) VALUES (?, ?, ?, ?)")) {
                ps.setInt(1, 1);
                ps.setBigDecimal(2, AMOUNT);
                ps.setString(3, TEXT);
                db.bindInstant(ps, 4, AT);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        // A second connection (from the pool, for PostgreSQL and MariaDB) reads it back.
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT amount, txt, at_ FROM rt WHERE txt = ?")) {
            ps.setString(1, TEXT);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("found by the 4-byte text").isTrue();
                BigDecimal amount = rs.getBigDecimal(1);
                assertThat(amount).isEqualTo(new BigDecimal("1.0050")); // equals(): value and scale 4
                assertThat(amount.compareTo(AMOUNT)).isZero();
                String txt = rs.getString(2);
                assertThat(txt).isEqualTo(TEXT);
                assertThat(txt.getBytes(StandardCharsets.UTF_8)).isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8));
                assertThat(db.readInstant(rs, 3)).isEqualTo(AT);
                assertThat(rs.next()).isFalse();
            }
        }
        if (db == Db.POSTGRES || db == Db.MARIADB) {
            // The server holds real UTF-8 characters, not bytes double-encoded through latin1 or utf8mb3.
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT CHAR_LENGTH(txt), OCTET_LENGTH(txt) FROM rt")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(TEXT.codePointCount(0, TEXT.length()));
                assertThat(rs.getInt(2)).isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8).length);
            }
        }
    }

    @Test
    @DisplayName("MariaDB connections use utf8mb4_bin and UTC")
    void mariaDbSession() throws SQLException {
        try (Connection c = TestDatabases.mariadb().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@character_set_client, @@character_set_connection,"
                        + " @@character_set_results, @@collation_connection, @@character_set_database,"
                        + " @@collation_database, @@time_zone, @@global.time_zone")) {
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(5)))
                    .containsOnly("utf8mb4");
            assertThat(List.of(rs.getString(4), rs.getString(6))).containsOnly("utf8mb4_bin");
            assertThat(List.of(rs.getString(7), rs.getString(8))).containsOnly("+00:00");
        }
    }

    @Test
    @DisplayName("each call gives a new, empty database")
    void freshDatabases() throws SQLException {
        for (Db db : Db.values()) {
            DataSource first = db.create();
            try (Connection c = first.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE marker (id INT)");
            }
            DataSource second = db.create();
            try (Connection c = second.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE marker (id INT)"); // would fail if the table were there
            }
        }
    }

    /**
     * Whether {@code ORDER BY} a native UUID column sorts like the lower-case text form, i.e. as unsigned
     * 128-bit numbers (which {@link UUID#compareTo} does not: it compares signed longs).
     */
    @ParameterizedTest
    @EnumSource(
            value = Db.class,
            names = {"H2_MEMORY", "POSTGRES"})
    @DisplayName("ORDER BY a UUID column is the order of the lower-case text (unsigned 128-bit)")
    void uuidOrder(Db db) throws SQLException {
        List<UUID> ids = uuidsAcrossSignBits();
        List<UUID> read = new ArrayList<>();
        try (Connection c = db.create().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE u (id " + db.uuidType + " PRIMARY KEY)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO u (id) VALUES (?)")) {
                for (UUID id : ids) {
                    ps.setObject(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM u ORDER BY id")) {
                while (rs.next()) {
                    read.add(rs.getObject(1, UUID.class));
                }
            }
        }
        List<UUID> byText =
                ids.stream().sorted(Comparator.comparing(UUID::toString)).toList();
        assertThat(read).containsExactlyElementsOf(byText);
        // and Java's own UUID order differs on these values: do not use it to predict database order
        assertThat(ids.stream().sorted().toList()).isNotEqualTo(byText);
    }

    /** UUIDs with the top bit of each 64-bit half set and not set, plus random ones. */
    static List<UUID> uuidsAcrossSignBits() {
        List<UUID> ids = new ArrayList<>(List.of(
                UUID.fromString("00000000-0000-0000-0000-000000000000"),
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"),
                UUID.fromString("80000000-0000-0000-0000-000000000000"),
                UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"),
                UUID.fromString("12345678-9abc-4def-7fff-ffffffffffff"),
                UUID.fromString("12345678-9abc-4def-8000-000000000000"),
                UUID.fromString("12345678-9abc-4def-c000-000000000000"),
                UUID.fromString("f2345678-9abc-4def-0000-000000000000")));
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        return ids;
    }
}
