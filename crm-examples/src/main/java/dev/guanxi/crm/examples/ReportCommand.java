package dev.guanxi.crm.examples;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.examples.AnalyzeCommand.InputException;
import dev.guanxi.crm.examples.report.HtmlReport;
import dev.guanxi.crm.jdbc.JdbcStorage;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm report}: writes the HTML report ({@link HtmlReport}) of one tenant of a database: an H2 directory
 * (as {@code crm demo} creates it) or a JDBC URL of H2, PostgreSQL or MariaDB. Exit code 2 with a one-line
 * message when the database is missing or the file cannot be written.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report (charts as inline SVG) of a scored tenant.")
final class ReportCommand implements Callable<Integer> {
    /** The tenant {@code crm demo} loads. */
    static final String DEFAULT_TENANT = "cdnow-demo";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--db",
            required = true,
            paramLabel = "URL|DIR",
            description =
                    "an H2 database directory (e.g. ./guanxi-demo) or a JDBC URL (jdbc:h2:..., jdbc:postgresql:...,"
                            + " jdbc:mariadb:...)")
    String db;

    @Option(
            names = "--user",
            paramLabel = "USER",
            description = "database user, for a JDBC URL (default: from the URL or " + CrmDatabase.USER_VARIABLE + ")")
    String user;

    @Option(
            names = "--password",
            paramLabel = "PASSWORD",
            description = "database password, for a JDBC URL (default: from the URL or " + CrmDatabase.PASSWORD_VARIABLE
                    + ")")
    String password;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the HTML file to write")
    Path out;

    @Option(
            names = "--tenant",
            paramLabel = "TENANT",
            defaultValue = DEFAULT_TENANT,
            description = "the tenant (default: ${DEFAULT-VALUE})")
    String tenant;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            description = "the report's day (default: the day of the last scoring run, else today)")
    LocalDate asOf;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        boolean jdbc = db.regionMatches(true, 0, "jdbc:", 0, 5);
        if (!jdbc && !Files.isRegularFile(Path.of(db).resolve("guanxi.mv.db"))) {
            err.println("crm report: no database at " + db + " (run crm demo or crm import first)");
            return 2;
        }
        Path target = out.toAbsolutePath();
        if (Files.isDirectory(target) || !Files.isDirectory(target.getParent())) {
            err.println("crm report: cannot write " + out + ": not a file in an existing directory");
            return 2;
        }
        JdbcStorage storage;
        try {
            storage = jdbc
                    ? CrmDatabase.connect(
                            db,
                            user != null ? user : System.getenv(CrmDatabase.USER_VARIABLE),
                            password != null ? password : System.getenv(CrmDatabase.PASSWORD_VARIABLE))
                    : JdbcStorage.h2(Path.of(db));
        } catch (InputException e) {
            err.println("crm report: " + e.getMessage());
            return 2;
        }
        try (Crm crm = Crm.builder().storage(storage).build()) { // closing the CRM closes the storage
            TenantCrm shop = crm.tenant(tenant);
            LocalDate day = asOf != null ? asOf : HtmlReport.lastScored(shop).orElse(LocalDate.now(ZoneOffset.UTC));
            HtmlReport.write(shop, day, target);
            stdout.println("Report of tenant " + tenant + " as of " + day + " written to " + target);
            return 0;
        } catch (UncheckedIOException e) {
            err.println("crm report: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("crm report: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("crm report: cannot read the database " + db + ": " + oneLine(e));
            return 2;
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
