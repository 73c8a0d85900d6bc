package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmCommandTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("an unknown command exits 2 with one line on standard error; help exits 0")
    void usage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CrmCommand.run(
                new String[] {"frobnicate"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        String error = err.toString(StandardCharsets.UTF_8);
        assertThat(error).contains("Unmatched argument", "'frobnicate'", "crm --help");
        assertThat(error.strip().lines()).hasSize(1);
        assertThat(CrmCommand.run(
                        new String[] {"help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo", "import", "score", "analyze");
    }

    @Test
    @DisplayName("crm --help and every sub-command's --help exit 0 and describe their options")
    void help() {
        ImportCommandTest.Result root = ImportCommandTest.crm("--help");
        assertThat(root.exitCode()).isZero();
        assertThat(root.out()).contains("demo", "import", "score", "analyze", "quickstart");
        ImportCommandTest.Result demo = ImportCommandTest.crm("demo", "--help");
        assertThat(demo.exitCode()).isZero();
        assertThat(demo.out()).contains("--db=DIR", "guanxi-demo", "win-back");
        ImportCommandTest.Result imp = ImportCommandTest.crm("import", "--help");
        assertThat(imp.exitCode()).isZero();
        assertThat(imp.out())
                .contains("--db=DIR|URL", "--customers=FILE", "--purchases=FILE", "--payments=FILE")
                .contains("--interactions=FILE", "--tenant=TENANT", "cdnow-demo", "jdbc:postgresql", "Exit codes");
        ImportCommandTest.Result score = ImportCommandTest.crm("score", "--help");
        assertThat(score.exitCode()).isZero();
        assertThat(score.out()).contains("--db=DIR|URL", "--as-of=YYYY-MM-DD", "--refit", "--tenant=TENANT");
        assertThat(ImportCommandTest.crm("analyze", "--help").exitCode()).isZero();
        assertThat(ImportCommandTest.crm("quickstart", "--help").exitCode()).isZero();
    }

    @Test
    @DisplayName("unknown options, missing required options and bad values exit 2 with one line naming them")
    void badOptions() throws IOException {
        ImportCommandTest.Result r = ImportCommandTest.crm("demo", "--frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("crm demo: Unknown option: '--frobnicate'");
        assertThat(r.err().strip().lines()).hasSize(1);

        r = ImportCommandTest.crm("score");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("crm score: Missing required option: '--db=DIR|URL'");
        assertThat(r.err().strip().lines()).hasSize(1);

        r = ImportCommandTest.crm("import", "--db", dir.toString(), "--batch-size", "many");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--batch-size");
        assertThat(r.err().strip().lines()).hasSize(1);

        Path file = Files.writeString(dir.resolve("file"), "x");
        r = ImportCommandTest.crm("demo", "--db", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("crm demo: --db: not a directory: " + file);

        r = ImportCommandTest.crm("import", "--db", "jdbc:sqlite:x.db", "--customers", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unsupported JDBC URL");
    }
}
