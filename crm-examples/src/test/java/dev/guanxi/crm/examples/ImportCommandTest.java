package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.jdbc.JdbcStorage;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.stewardship.ImportKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {}

    static Result crm(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CrmCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path customers() throws IOException {
        return Files.writeString(
                dir.resolve("customers.csv"),
                "external_id,display_name,email\n"
                        + "C-1,王芳,wang@example.com\n"
                        + "C-2,,nobody@example.com\n" // row 2, line 3: no display name
                        + "C-3,Emma Smith,emma@example.com\n");
    }

    private Path purchases() throws IOException {
        return Files.writeString(
                dir.resolve("purchases.csv"),
                "order_number,customer_external_id,order_date,currency,product_code,quantity,unit_price\n"
                        + "SO-1,C-1,2024-03-01,CNY,TEA,2,50.00\n"
                        + "SO-1,C-1,2024-03-01,CNY,CUP,1,20.00\n"
                        + "SO-2,C-3,2024-03-02,CNY,TEA,1,50.00\n");
    }

    private static long[] counts(Path db) {
        try (Crm crm = Crm.builder().storage(JdbcStorage.h2(db)).build()) {
            TenantCrm t = crm.tenant(Demo.TENANT);
            long customers = t.customers().count(CustomerQuery.all());
            long purchases = t.sales().scanPurchases(PurchaseScan.all(), (c, d, cents, cur) -> {});
            return new long[] {customers, purchases};
        }
    }

    @Test
    @DisplayName("good rows are imported, a bad row goes to an error report naming row, field and rule, exit 1")
    void importsAndReports() throws IOException {
        Path db = dir.resolve("db");
        Path customers = customers();
        Result r = crm(
                "import",
                "--db",
                db.toString(),
                "--customers",
                customers.toString(),
                "--purchases",
                purchases().toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        Path report = ImportCommand.errorReport(customers);
        assertThat(r.out())
                .contains("customers.csv: CUSTOMERS import customers-customers.csv-")
                .contains("1 bad rows")
                .contains(report.toAbsolutePath().toString());
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("row,line,external_id,field,rule,message");
        assertThat(lines.get(1)).startsWith("2,3,C-2,display_name,REQUIRED,");
        assertThat(lines).hasSize(2);
        long[] counts = counts(db);
        assertThat(counts[0]).isEqualTo(2); // C-1 and C-3
        assertThat(counts[1]).isEqualTo(2); // SO-1 (two lines) and SO-2
        assertThat(r.err()).contains("customers [").contains("rows/s");
    }

    @Test
    @DisplayName("a rerun of the same files finds the jobs done and imports nothing new")
    void rerunImportsNothing() throws IOException {
        Path db = dir.resolve("db");
        String[] args = {
            "import",
            "--db",
            db.toString(),
            "--customers",
            customers().toString(),
            "--purchases",
            purchases().toString()
        };
        assertThat(crm(args).exitCode()).isEqualTo(1);
        long[] before = counts(db);
        assertThat(before).containsExactly(2, 2);
        Result again = crm(args);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.out()).contains("this run 0 rows");
        long[] after = counts(db);
        assertThat(after).containsExactly(before);
    }

    @Test
    @DisplayName("the job is named by kind, file name and content, so the same file resumes its job")
    void jobIds() throws IOException {
        Path customers = customers();
        String id = ImportCommand.jobId(ImportKind.CUSTOMERS, customers);
        assertThat(id).matches("customers-customers\\.csv-[0-9a-f]{16}");
        assertThat(ImportCommand.jobId(ImportKind.CUSTOMERS, customers)).isEqualTo(id);
        Files.writeString(customers, "external_id,display_name\nC-9,Someone\n");
        assertThat(ImportCommand.jobId(ImportKind.CUSTOMERS, customers)).isNotEqualTo(id);
    }

    @Test
    @DisplayName("a missing file, a bad header or no file at all exit 2 with one line")
    void badFiles() throws IOException {
        String db = dir.resolve("db").toString();
        Result r = crm(
                "import", "--db", db, "--customers", dir.resolve("missing.csv").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("crm import: no such file: ").contains("missing.csv");
        assertThat(r.err().strip().lines()).hasSize(1);

        Path badHeader = Files.writeString(dir.resolve("bad.csv"), "external_id,display_name,colour\nC-1,A,red\n");
        r = crm("import", "--db", db, "--customers", badHeader.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("bad.csv").contains("colour");

        r = crm("import", "--db", db);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("give at least one of --customers");

        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        r = crm("import", "--db", file.toString(), "--customers", customers().toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("crm import: --db: not a directory: " + file);
    }
}
