package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Bulk import of one tenant's customers, contacts, purchases, payments and interactions, from CSV files and from
 * Java iterables; and the CSV export of customers that imports back. Obtained from {@link
 * dev.guanxi.crm.TenantCrm#imports()}.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>Idempotent</b> by (tenant, kind, external id): importing the same rows again creates nothing; what a
 *       row whose external id is stored does is said per {@link ImportKind}.
 *   <li><b>Atomic batches</b> ({@link ImportMode#BATCHES}, {@value ImportOptions#DEFAULT_BATCH_SIZE} rows unless
 *       set): each batch's rows, events and journal entry commit in one transaction. A bad row is reported and
 *       does not stop the other rows. Or <b>all or nothing</b> ({@link ImportMode#ALL_OR_NOTHING}): one bad row
 *       anywhere, and nothing is stored.
 *   <li><b>Resumable</b>: the journal ({@link ImportJob}) says which rows are committed. After any interruption
 *       — an exception, a lost connection, a killed JVM — running the import again with the same job id and
 *       source continues after the last committed batch, and ends with exactly the rows of the source. Another
 *       source under the same job id is refused.
 *   <li><b>Explained</b>: the {@link ImportResult} gives the counts, every bad row's errors ({@link RowError}:
 *       row, field, rule, message, also as a CSV report) and the duplicates found ({@link ImportFlag}).
 *   <li><b>Checked like the focused APIs</b>: rows are validated as {@code customers().register}, {@code
 *       sales().recordPurchase}... would validate them, references to customers are by external id within the
 *       tenant (another tenant's customer is an unknown reference), and the same events are published after each
 *       commit.
 * </ul>
 *
 * <h2>CSV</h2>
 *
 * Files are RFC 4180: UTF-8 (a byte order mark is skipped), a header row, comma-separated values, quoted with
 * {@code "} where a value holds a comma, a quote (doubled) or a line break; lines may end with CRLF or LF, and
 * empty lines are skipped. A row with bad quoting or the wrong number of values is a row error. Bytes that are
 * not UTF-8 refuse the whole file before any row is stored. The column layouts are documented per {@link
 * ImportKind}.
 *
 * <p>A file is fingerprinted by the SHA-256 of its bytes (read once before the import), an iterable by the key
 * the caller gives.
 *
 * <p>One job must run in one process at a time: a second process running the same job fails at its first batch
 * (a {@link dev.guanxi.crm.StaleVersionException} or {@link dev.guanxi.crm.DuplicateKeyException}) and stores
 * nothing of it. Implementations are thread-safe; each import runs on the calling thread.
 *
 * @since 0.1.0
 */
@Beta
public interface Imports {
    /**
     * Imports a CSV file with the default options ({@link ImportOptions#defaults()}).
     *
     * @param kind what the rows are
     * @param file the file
     * @return what the import did
     * @see #importCsv(ImportKind, Path, ImportOptions)
     */
    default ImportResult importCsv(ImportKind kind, Path file) {
        return importCsv(kind, file, ImportOptions.defaults());
    }

    /**
     * Imports a CSV file, or resumes its job.
     *
     * <p>Cost: the file is read twice (the fingerprint, then the rows); O(rows) reads and writes, plus O(rows) memory
     * for the external ids seen (to refuse a repeated one), plus the duplicate index when detection is on.
     *
     * @param kind what the rows are
     * @param file the file
     * @param options job id, batches, mode, duplicates, header mapping, listener
     * @return what the import did; for an all-or-nothing import with bad rows, status {@link
     *     ImportStatus#REJECTED} and nothing stored
     * @throws ValidationException before any row is stored: on {@code header} if a required column is missing
     *     ({@link ValidationRule#REQUIRED}), a header name is not in the layout ({@link ValidationRule#UNKNOWN_FIELD})
     *     or a column appears twice ({@link ValidationRule#DUPLICATE}); on {@code source} ({@link
     *     ValidationRule#INVALID_FORMAT}) if the file is not UTF-8 or has no header, ({@link
     *     ValidationRule#INVALID_STATE}) if the job id names a job of another source or kind; on {@code mode}
     *     ({@link ValidationRule#INVALID_STATE}) for an all-or-nothing run of a job that committed batches; on
     *     {@code duplicatePolicy} ({@link ValidationRule#INVALID_STATE}) for {@link DuplicatePolicy#MERGE} when
     *     the store keeps no merge log
     * @throws UncheckedIOException if the file cannot be read
     */
    ImportResult importCsv(ImportKind kind, Path file, ImportOptions options);

    /**
     * Imports records from a Java iterable, or resumes its job. The iterable is read once per run (a resumed run
     * reads it from the start and skips the rows already done, so it must yield the same records in the same
     * order), and once more if the store retries an all-or-nothing transaction.
     *
     * @param kind what the records are; a record of another kind is a row error
     * @param records the records; a {@code null} element is a row error
     * @param sourceKey the caller's name for this sequence of records, 1 to 128 characters, e.g. {@code
     *     "erp-export-2024-03-01"}: the fingerprint that a resumed run must give again
     * @param options job id, batches, mode, duplicates, listener (the header mapping does not apply)
     * @return what the import did
     * @throws ValidationException as {@link #importCsv(ImportKind, Path, ImportOptions)}, and on {@code sourceKey}
     *     if missing, blank or too long
     */
    ImportResult importRecords(
            ImportKind kind, Iterable<? extends ImportedRecord> records, String sourceKey, ImportOptions options);

    /**
     * Reads a job from the journal.
     *
     * @param jobId the job id
     * @return the job with its error report and flags (rows and duration of this "run" 0), or empty if the tenant
     *     has no such job
     * @throws ValidationException on {@code jobId} if missing or blank
     */
    Optional<ImportResult> job(String jobId);

    /**
     * Writes every customer of the tenant as a CSV file in the {@link ImportKind#CUSTOMERS} layout (every column,
     * then a {@code custom:<name>} column per custom field defined on the CRM), one line per customer in id order,
     * every cell {@linkplain SpreadsheetCells#neutralise neutralised}, lines ending CRLF. Importing the file into
     * the same tenant changes nothing; importing it elsewhere restores every value the layout covers.
     *
     * <p>O(n) in the tenant's customers, streamed in one read-only unit of work.
     *
     * @param out where to write (the caller chooses the encoding, normally UTF-8); not closed
     * @return how many customers were written
     * @throws UncheckedIOException if writing fails
     */
    long exportCustomers(Writer out);
}
