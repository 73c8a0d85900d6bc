package dev.guanxi.crm.jdbc;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportOptions;
import dev.guanxi.crm.stewardship.ImportResult;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of {@link ImportKillTest}: imports a customers file into a database in batches of 1,000, printing
 * {@code BATCH <rows done>} after each committed batch and {@code DONE <rows/s>} at the end, until the parent kills
 * it with SIGKILL (or it finishes).
 *
 * <p>Arguments: JDBC URL, user, password, CSV file, tenant, job id.
 */
public final class ImportKillChild {
    private ImportKillChild() {}

    /**
     * Runs the import.
     *
     * @param args URL, user, password, file, tenant, job id
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        JdbcStorage storage =
                JdbcStorage.builder(args[0], args[1], args[2]).migrate(false).build();
        try (Crm crm = Crm.builder().storage(storage).build()) {
            out.println("READY");
            ImportOptions options = ImportOptions.builder()
                    .jobId(args[5])
                    .batchSize(ImportKillTest.BATCH)
                    .listener(p -> out.println("BATCH " + p.rowsDone()))
                    .build();
            ImportResult result =
                    crm.tenant(args[4]).imports().importCsv(ImportKind.CUSTOMERS, Path.of(args[3]), options);
            out.println("DONE " + result.rowsThisRun() + " rows at " + (long) result.rowsPerSecond() + " rows/s");
        }
    }
}
