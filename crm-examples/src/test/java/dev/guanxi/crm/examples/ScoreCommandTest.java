package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Scores the demo's database with {@code crm score}: the demo's day first, then a later day. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoreCommandTest {
    @TempDir
    static Path dir;

    private static final Pattern SUMMARY = Pattern.compile(
            "Scored ([0-9,]+) customers .* ([0-9,]+) snapshots written, .* ([0-9,]+) lifecycle transitions");

    @BeforeAll
    static void demo() {
        ImportCommandTest.Result r =
                ImportCommandTest.crm("demo", "--db", dir.resolve("db").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    private static long[] figures(ImportCommandTest.Result r) {
        Matcher m = SUMMARY.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return new long[] {
            Long.parseLong(m.group(1).replace(",", "")),
            Long.parseLong(m.group(2).replace(",", "")),
            Long.parseLong(m.group(3).replace(",", ""))
        };
    }

    @Test
    @Order(1)
    @DisplayName("the demo's day scored again writes nothing new the second time and moves no one")
    void sameDayTwice() {
        String db = dir.resolve("db").toString();
        ImportCommandTest.Result first = ImportCommandTest.crm("score", "--db", db, "--as-of", "1998-07-01");
        assertThat(first.exitCode()).as(first.err()).isZero();
        long[] a = figures(first);
        assertThat(a[0]).isEqualTo(2_357);
        assertThat(a[2]).isZero(); // the demo placed everyone for this day already
        assertThat(first.err()).contains("scoring [").contains("customers/s");

        ImportCommandTest.Result second = ImportCommandTest.crm("score", "--db", db, "--as-of", "1998-07-01");
        assertThat(second.exitCode()).as(second.err()).isZero();
        long[] b = figures(second);
        assertThat(b[0]).isEqualTo(2_357);
        assertThat(b[1]).isZero();
        assertThat(b[2]).isZero();
        assertThat(second.out()).contains("lifecycle ").contains("abc ");
    }

    @Test
    @Order(2)
    @DisplayName("a later day moves customers and lists the transitions by from and to stage")
    void laterDay() {
        String db = dir.resolve("db").toString();
        ImportCommandTest.Result r = ImportCommandTest.crm(
                "score", "--db", db, "--as-of", "1999-07-01", "--value-from", "1997-01-01", "--refit");
        assertThat(r.exitCode()).as(r.err()).isZero();
        long[] f = figures(r);
        assertThat(f[2]).isPositive();
        assertThat(f[1]).isPositive();
        assertThat(r.out()).containsPattern("[A-Z_]+ -> [A-Z_]+ +[0-9,]+");
    }

    @Test
    @Order(3)
    @DisplayName("bad options and a directory without a database exit 2 with one line")
    void badInput() {
        String db = dir.resolve("db").toString();
        ImportCommandTest.Result r = ImportCommandTest.crm(
                "score", "--db", dir.resolve("nothing-here").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("crm score: --db: no Guanxi database in ");
        assertThat(r.err().strip().lines()).hasSize(1);

        r = ImportCommandTest.crm("score", "--db", db, "--as-of", "1998-07-01", "--value-from", "1999-01-01");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--value-from 1999-01-01 lies after --as-of 1998-07-01");

        r = ImportCommandTest.crm("score", "--db", db, "--tenant", "nobody", "--as-of", "1998-07-01");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("tenant nobody has no customers");

        r = ImportCommandTest.crm("score", "--db", db, "--as-of", "yesterday");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);

        r = ImportCommandTest.crm("score", "--db", "jdbc:oracle:thin:@x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unsupported JDBC URL");
    }
}
