package dev.guanxi.crm.examples;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.examples.AnalyzeCommand.InputException;
import dev.guanxi.crm.jdbc.JdbcStorage;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportOptions;
import dev.guanxi.crm.stewardship.ImportResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm import}: CSV files into a tenant through the SDK's bulk import ({@link
 * dev.guanxi.crm.stewardship.Imports}), customers first, then purchases, payments and interactions. Each file is
 * one import job named after the file and its content ({@link #jobId}), so a rerun of an interrupted import
 * resumes after its last committed batch and a rerun of a finished one imports nothing. Bad rows are written to
 * an error report next to the file ({@code FILE.errors.csv}). Exit codes: 0 when every row was imported, 1 when
 * some rows were bad (see the reports), 2 for a missing or unreadable file, a bad header or a bad option.
 * Not thread-safe (one per invocation).
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import CSV files into a tenant: idempotent by external id, in atomic batches, resumable after an"
                    + " interruption (rerun the same command), with an error report per file for bad rows.",
            "Column layouts (header names; * required):",
            "  customers:    external_id*, display_name*, kind, email, phone, region, customer_type, owner, ...",
            "  purchases:    order_number*, customer_external_id*, order_date*, currency*, product_code, quantity,"
                    + " unit_price, discount, amount (one row per order line)",
            "  payments:     external_id*, customer_external_id*, amount*, currency*, received_on*, method,"
                    + " reference, invoice_number",
            "  interactions: external_id*, customer_external_id*, channel*, direction*, subject*, occurred_at,"
                    + " notes, outcome, staff_id",
            "Exit codes: 0 all rows imported, 1 some rows bad (see the error reports), 2 bad file or option."
        })
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "DIR|URL", description = CrmDatabase.DESCRIPTION)
    String db;

    @Option(
            names = "--tenant",
            paramLabel = "TENANT",
            defaultValue = Demo.TENANT,
            description = "the tenant to import into (default: ${DEFAULT-VALUE}, the demo's)")
    String tenant;

    @Option(names = "--customers", paramLabel = "FILE", description = "customers CSV")
    Path customers;

    @Option(names = "--purchases", paramLabel = "FILE", description = "purchases CSV (order lines)")
    Path purchases;

    @Option(names = "--payments", paramLabel = "FILE", description = "payments CSV")
    Path payments;

    @Option(names = "--interactions", paramLabel = "FILE", description = "interactions CSV")
    Path interactions;

    @Option(
            names = "--batch-size",
            paramLabel = "ROWS",
            defaultValue = "1000",
            description = "rows per atomic batch (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<ImportKind, Path> files = new LinkedHashMap<>();
        put(files, ImportKind.CUSTOMERS, customers);
        put(files, ImportKind.PURCHASES, purchases);
        put(files, ImportKind.PAYMENTS, payments);
        put(files, ImportKind.INTERACTIONS, interactions);
        try {
            if (files.isEmpty()) {
                throw new InputException("give at least one of --customers, --purchases, --payments, --interactions");
            }
            if (batchSize < 1 || batchSize > ImportOptions.MAX_BATCH_SIZE) {
                throw new InputException("--batch-size must be 1 to " + ImportOptions.MAX_BATCH_SIZE);
            }
            for (Path file : files.values()) {
                if (!Files.isRegularFile(file)) {
                    throw new InputException("no such file: " + file);
                }
                if (!Files.isReadable(file)) {
                    throw new InputException("cannot read " + file);
                }
            }
            int failedRows = 0;
            try (JdbcStorage storage = CrmDatabase.open(db, false);
                    Crm crm = Crm.builder().storage(storage).build()) {
                TenantCrm target = crm.tenant(tenant);
                for (Map.Entry<ImportKind, Path> e : files.entrySet()) {
                    failedRows += importFile(target, e.getKey(), e.getValue(), out, err);
                }
            }
            return failedRows == 0 ? 0 : 1;
        } catch (InputException e) {
            err.println("crm import: " + e.getMessage());
            return 2;
        }
    }

    private static void put(Map<ImportKind, Path> files, ImportKind kind, Path file) {
        if (file != null) {
            files.put(kind, file);
        }
    }

    private int importFile(TenantCrm target, ImportKind kind, Path file, PrintWriter out, PrintWriter err) {
        String job = jobId(kind, file);
        long total = dataLines(file);
        ProgressBar bar = new ProgressBar(err, kind.name().toLowerCase(Locale.ROOT), "rows");
        ImportResult result;
        try {
            result = target.imports()
                    .importCsv(
                            kind,
                            file,
                            ImportOptions.builder()
                                    .jobId(job)
                                    .batchSize(batchSize)
                                    .listener(p -> bar.update(p.rowsDone(), total, p.rowsThisRun(), p.elapsed()))
                                    .build());
        } catch (ValidationException e) {
            bar.finish();
            throw new InputException(file + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            bar.finish();
            throw new InputException("cannot read " + file + ": " + e.getCause().getMessage());
        }
        bar.finish();
        out.println(file.getFileName() + ": " + result.reason());
        if (!result.errors().isEmpty()) {
            Path report = errorReport(file);
            try (Writer w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                result.writeErrorReport(w);
            } catch (IOException e) {
                throw new InputException("cannot write the error report " + report + ": " + e.getMessage());
            }
            out.printf(
                    Locale.ROOT,
                    "  %,d bad rows (%,d errors); error report: %s%n",
                    result.counts().failed(),
                    result.errors().size(),
                    report.toAbsolutePath());
        }
        out.flush();
        return (int) Math.min(Integer.MAX_VALUE, result.counts().failed());
    }

    /**
     * Names a file's import job: the kind, the file name and the first 16 hex digits of the SHA-256 of its bytes,
     * e.g. {@code customers-crm.csv-1a2b3c4d5e6f7a8b}. The same file gives the same job (a rerun resumes it or
     * finds it done); a changed file gives a new job (which the import's idempotence by external id makes safe).
     *
     * @param kind what the rows are
     * @param file the file
     * @return the job id, at most 128 characters of {@code [A-Za-z0-9._-]}
     */
    static String jobId(ImportKind kind, Path file) {
        String name = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > 80) {
            name = name.substring(0, 80);
        }
        return kind.name().toLowerCase(Locale.ROOT) + "-" + name + "-"
                + sha256(file).substring(0, 16);
    }

    /**
     * @param file an imported file
     * @return where its error report goes: {@code FILE.errors.csv} next to it
     */
    static Path errorReport(Path file) {
        return file.resolveSibling(file.getFileName() + ".errors.csv");
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The non-empty lines after the header: the rows, for the progress bar's total (quoted line breaks aside). */
    private static long dataLines(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            long n = 0;
            String line;
            while ((line = r.readLine()) != null) {
                n += line.isEmpty() ? 0 : 1;
            }
            return Math.max(0, n - 1);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
