package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.spi.storage.ImportJournalRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.stewardship.DuplicatePolicy;
import dev.guanxi.crm.stewardship.ImportCounts;
import dev.guanxi.crm.stewardship.ImportJob;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportMode;
import dev.guanxi.crm.stewardship.ImportOptions;
import dev.guanxi.crm.stewardship.ImportProgress;
import dev.guanxi.crm.stewardship.ImportResult;
import dev.guanxi.crm.stewardship.ImportStatus;
import dev.guanxi.crm.stewardship.ImportedRecord;
import dev.guanxi.crm.stewardship.Imports;
import dev.guanxi.crm.stewardship.MatchSubject;
import dev.guanxi.crm.stewardship.RowError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Default {@link Imports}: reads the source outside any transaction, writes each batch with its journal entry in
 * one unit of work ({@link CrmContext#write}, so events are published after each commit), and resumes a job after
 * its last committed batch. Thread-safe (holds no mutable state; each import keeps its own).
 */
public final class DefaultImports implements Imports {
    private final CrmContext context;
    private final TenantId tenant;
    private final ImportMerge merge;

    /**
     * @param context the CRM's context
     * @param tenant the tenant
     * @param merge how {@link DuplicatePolicy#MERGE} merges a row ({@link ImportMerge#engine}; {@link
     *     ImportMerge#unavailable()} refuses MERGE)
     */
    public DefaultImports(CrmContext context, TenantId tenant, ImportMerge merge) {
        this.context = context;
        this.tenant = tenant;
        this.merge = merge;
    }

    @Override
    public ImportResult importCsv(ImportKind kind, Path file, ImportOptions options) {
        Check.required("kind", kind);
        Check.required("file", file);
        Check.required("options", options);
        requireMerge(kind, options);
        String source = Fingerprints.file(file);
        return run(kind, source, options, () -> new CsvSource(kind, file, options, context.customFields()), true);
    }

    @Override
    public ImportResult importRecords(
            ImportKind kind, Iterable<? extends ImportedRecord> records, String sourceKey, ImportOptions options) {
        Check.required("kind", kind);
        Check.required("records", records);
        Check.text("sourceKey", sourceKey, ImportedRecord.EXTERNAL_ID_MAX);
        Check.required("options", options);
        requireMerge(kind, options);
        return run(kind, Fingerprints.key(sourceKey), options, () -> new RecordSource(kind, records), false);
    }

    private void requireMerge(ImportKind kind, ImportOptions options) {
        if (kind == ImportKind.CUSTOMERS && options.duplicatePolicy().orElse(null) == DuplicatePolicy.MERGE) {
            merge.requireAvailable();
        }
    }

    @Override
    public Optional<ImportResult> job(String jobId) {
        Check.text("jobId", jobId, ImportJob.JOB_ID_MAX);
        return context.read(tenant, uow -> {
            ImportJournalRepository journal = uow.importJournal();
            return journal.find(jobId)
                    .map(job -> new ImportResult(job, journal.errors(jobId), journal.flags(jobId), 0, Duration.ZERO));
        });
    }

    @Override
    public long exportCustomers(Writer out) {
        Check.required("out", out);
        List<String> fields =
                new ArrayList<>(new TreeSet<>(context.customFields().keySet()));
        List<String> header = new ArrayList<>(ImportKind.CUSTOMERS.columns());
        fields.forEach(name -> header.add(ImportKind.CUSTOM_FIELD_PREFIX + name));
        CsvWriter csv = new CsvWriter(out);
        try {
            csv.row(header);
            long n = context.read(
                    tenant,
                    uow -> uow.customers().scan(c -> {
                        try {
                            csv.row(CsvCustomerPatch.cells(c, fields));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
            out.flush();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
    }

    // ---- the run ----

    private ImportResult run(
            ImportKind kind, String source, ImportOptions options, Supplier<RowSource> open, boolean csv) {
        long started = System.nanoTime();
        String jobId = options.jobId().orElseGet(() -> Fingerprints.jobId(kind, source));
        Optional<ImportJob> existing =
                context.read(tenant, uow -> uow.importJournal().find(jobId));
        if (existing.isPresent()) {
            ImportJob job = existing.get();
            if (job.kind() != kind || !job.source().equals(source)) {
                throw new ValidationException(
                        "source",
                        ValidationRule.INVALID_STATE,
                        "import job " + jobId + " belongs to another source: it imports " + job.kind() + " from "
                                + job.source() + ", this is " + kind + " from " + source);
            }
            if (job.status() == ImportStatus.COMPLETED) {
                return result(job, 0, started);
            }
            if (options.mode() == ImportMode.ALL_OR_NOTHING
                    && job.status() == ImportStatus.RUNNING
                    && job.lastRow() > 0) {
                throw new ValidationException(
                        "mode",
                        ValidationRule.INVALID_STATE,
                        "import job " + jobId + " committed rows up to " + job.lastRow()
                                + " in batches; resume it in BATCHES mode");
            }
        }
        DuplicateIndex index = null;
        DuplicatePolicy policy = options.duplicatePolicy().orElse(null);
        if (policy != null && kind == ImportKind.CUSTOMERS) {
            DuplicateIndex built = new DuplicateIndex(options.detector());
            context.read(tenant, uow -> uow.customers().scan(c -> built.add(c.id(), MatchSubject.of(c))));
            index = built;
        }
        BatchWriter writer = switch (kind) {
            case CUSTOMERS -> new CustomerWriter(context.customFields(), policy, index, merge, options.mergeOptions());
            case CONTACTS -> new ContactWriter(context.customFields(), csv);
            case PURCHASES -> new PurchaseWriter(csv);
            case PAYMENTS -> new PaymentWriter(csv);
            case INTERACTIONS -> new InteractionWriter(csv);
        };
        Run run = new Run(jobId, kind, source, options, writer, index, started);
        RowSource first = open.get(); // reads a CSV header: a bad one is refused before anything is written
        if (options.mode() == ImportMode.BATCHES) {
            try (RowSource rows = first) {
                return run.batches(existing, rows);
            }
        }
        first.close();
        return run.allOrNothing(existing, open);
    }

    /** The result as the journal has it (a store may keep instants at a coarser precision than the clock's). */
    private ImportResult result(ImportJob job, long rowsThisRun, long started) {
        return context.read(tenant, uow -> {
            ImportJournalRepository journal = uow.importJournal();
            return new ImportResult(
                    journal.find(job.jobId()).orElse(job),
                    journal.errors(job.jobId()),
                    journal.flags(job.jobId()),
                    rowsThisRun,
                    Duration.ofNanos(System.nanoTime() - started));
        });
    }

    private static ImportJournalRepository journal(UnitOfWork uow) {
        return uow.importJournal();
    }

    /** One run of one job: the state an import keeps between its batches. */
    private final class Run {
        private final String jobId;
        private final ImportKind kind;
        private final String source;
        private final ImportOptions options;
        private final BatchWriter writer;
        private final DuplicateIndex index;
        private final long started;
        private long rowsThisRun;

        Run(
                String jobId,
                ImportKind kind,
                String source,
                ImportOptions options,
                BatchWriter writer,
                DuplicateIndex index,
                long started) {
            this.jobId = jobId;
            this.kind = kind;
            this.source = source;
            this.options = options;
            this.writer = writer;
            this.index = index;
            this.started = started;
        }

        ImportResult batches(Optional<ImportJob> existing, RowSource rows) {
            ImportJob job = existing.orElse(null);
            if (job == null) {
                job = context.write(tenant, scope -> {
                    ImportJob created = ImportJob.start(jobId, kind, source, scope.now());
                    journal(scope.uow()).insert(created);
                    return created;
                });
            } else if (job.status() == ImportStatus.REJECTED) {
                ImportJob rejected = job;
                job = context.write(tenant, scope -> {
                    ImportJob restarted = rejected.restarted(scope.now());
                    journal(scope.uow()).clearReport(jobId);
                    journal(scope.uow()).update(rejected.version(), restarted);
                    return restarted;
                });
            }
            long done = job.lastRow();
            Map<String, Long> seen = new HashMap<>();
            List<ImportRow> batch = new ArrayList<>(options.batchSize());
            ImportRow row;
            while ((row = rows.next()) != null) {
                row = firstOccurrence(row, seen);
                if (row.lastNumber() <= done) {
                    continue;
                }
                batch.add(row);
                if (batch.size() == options.batchSize()) {
                    job = commit(job, batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                job = commit(job, batch);
            }
            ImportJob last = job;
            ImportJob completed = context.write(tenant, scope -> {
                ImportJob finished = last.withStatus(ImportStatus.COMPLETED, scope.now());
                journal(scope.uow()).update(last.version(), finished);
                return finished;
            });
            return result(completed, rowsThisRun, started);
        }

        /** Commits one batch with its journal entry, then reports progress. */
        private ImportJob commit(ImportJob job, List<ImportRow> batch) {
            int mark = index == null ? 0 : index.size();
            long last = batch.get(batch.size() - 1).lastNumber();
            ImportJob next;
            try {
                // a customer changed by another transaction since this one read it: read it again and import on top
                next = context.writeRereading(tenant, scope -> {
                    if (index != null) {
                        index.truncate(mark); // the store retries a failed attempt: drop what it indexed
                    }
                    BatchOutcome out = new BatchOutcome();
                    writer.write(scope, batch, out);
                    ImportJournalRepository journal = journal(scope.uow());
                    journal.appendErrors(jobId, out.errors);
                    journal.appendFlags(jobId, out.flags);
                    ImportJob after = job.afterBatch(last, out.counts(), scope.now());
                    journal.update(job.version(), after);
                    return after;
                });
            } catch (RuntimeException e) {
                if (index != null) {
                    index.truncate(mark);
                }
                throw e;
            }
            for (ImportRow r : batch) {
                rowsThisRun += r.lastNumber() - r.number() + 1;
            }
            options.listener()
                    .progress(new ImportProgress(
                            jobId,
                            next.lastRow(),
                            next.batches(),
                            rowsThisRun,
                            Duration.ofNanos(System.nanoTime() - started)));
            return next;
        }

        ImportResult allOrNothing(Optional<ImportJob> existing, Supplier<RowSource> open) {
            int mark = index == null ? 0 : index.size();
            ImportJob done;
            try {
                done = context.writeRereading(tenant, scope -> {
                    if (index != null) {
                        index.truncate(mark);
                    }
                    BatchOutcome total = new BatchOutcome();
                    Map<String, Long> seen = new HashMap<>();
                    long lastNumber = 0;
                    long rowsRead = 0;
                    try (RowSource rows = open.get()) {
                        List<ImportRow> batch = new ArrayList<>(options.batchSize());
                        ImportRow row;
                        while (true) {
                            row = rows.next();
                            if (row != null) {
                                row = firstOccurrence(row, seen);
                                batch.add(row);
                                lastNumber = row.lastNumber();
                                rowsRead += row.lastNumber() - row.number() + 1;
                            }
                            if (batch.size() == options.batchSize() || (row == null && !batch.isEmpty())) {
                                BatchOutcome out = new BatchOutcome();
                                writer.write(scope, batch, out);
                                total.add(out);
                                batch.clear();
                            }
                            if (row == null) {
                                break;
                            }
                        }
                    }
                    if (total.failed > 0) {
                        throw new Rejected(total.errors, total.failed, lastNumber);
                    }
                    ImportJournalRepository journal = journal(scope.uow());
                    ImportJob finished;
                    ImportJob current = journal.find(jobId).orElse(null);
                    if (current == null) {
                        finished = new ImportJob(
                                jobId,
                                kind,
                                source,
                                ImportStatus.COMPLETED,
                                lastNumber,
                                1,
                                total.counts(),
                                1,
                                scope.now(),
                                scope.now());
                        journal.insert(finished);
                    } else {
                        finished = current.finished(ImportStatus.COMPLETED, lastNumber, total.counts(), scope.now());
                        journal.clearReport(jobId);
                        journal.update(current.version(), finished);
                    }
                    journal.appendFlags(jobId, total.flags);
                    rowsThisRun = rowsRead;
                    return finished;
                });
            } catch (Rejected r) {
                if (index != null) {
                    index.truncate(mark);
                }
                done = context.write(tenant, scope -> {
                    ImportJournalRepository journal = journal(scope.uow());
                    ImportCounts counts = new ImportCounts(0, 0, 0, 0, 0, r.failed);
                    ImportJob current = journal.find(jobId).orElse(null);
                    ImportJob rejected;
                    if (current == null) {
                        rejected = new ImportJob(
                                jobId,
                                kind,
                                source,
                                ImportStatus.REJECTED,
                                r.lastNumber,
                                0,
                                counts,
                                1,
                                scope.now(),
                                scope.now());
                        journal.insert(rejected);
                    } else {
                        rejected = current.finished(ImportStatus.REJECTED, r.lastNumber, counts, scope.now());
                        journal.clearReport(jobId);
                        journal.update(current.version(), rejected);
                    }
                    journal.appendErrors(jobId, r.errors);
                    return rejected;
                });
                rowsThisRun = 0;
            } catch (RuntimeException e) {
                if (index != null) {
                    index.truncate(mark);
                }
                throw e;
            }
            return result(done, rowsThisRun, started);
        }

        /** The row, or the row refused because its external id appeared in an earlier row of the source. */
        private ImportRow firstOccurrence(ImportRow row, Map<String, Long> seen) {
            if (row.externalId() == null) {
                return row;
            }
            Long first = seen.putIfAbsent(row.externalId(), row.number());
            if (first == null) {
                return row;
            }
            return row.withError(new RowError(
                    row.number(),
                    row.line(),
                    row.externalId(),
                    row.idField(),
                    ValidationRule.DUPLICATE,
                    "external id '" + row.externalId() + "' already appears in row " + first + " of this source"));
        }
    }

    /** Rolls an all-or-nothing import back, carrying its report out of the unit of work. */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<RowError> errors;
        private final long failed;
        private final long lastNumber;

        Rejected(List<RowError> errors, long failed, long lastNumber) {
            super("rejected: " + failed + " bad rows", null, false, false);
            this.errors = List.copyOf(errors);
            this.failed = failed;
            this.lastNumber = lastNumber;
        }
    }
}
