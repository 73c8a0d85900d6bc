package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.spi.storage.ImportJournalRepository;
import dev.guanxi.crm.spi.storage.ImportKey;
import dev.guanxi.crm.stewardship.ImportFlag;
import dev.guanxi.crm.stewardship.ImportJob;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.RowError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * In-memory {@link ImportJournalRepository}. A job's errors and flags are kept as the chunks appended (one per
 * batch), so appending is O(chunk) and reading a report O(its length). Used by one unit of work at a time; not
 * thread-safe on its own.
 */
final class MemoryImportJournalRepository implements ImportJournalRepository {
    private static final String JOB = ImportJob.class.getName();

    private record Chunk(String jobId, long number) {}

    private record Key(ImportKind kind, String externalId) {}

    private final MemoryTable<String, ImportJob> jobs;

    private final MemoryTable<String, Long> errorChunks;
    private final MemoryTable<Chunk, ErrorList> errors;
    private final MemoryTable<String, Long> flagChunks;
    private final MemoryTable<Chunk, FlagList> flags;
    private final MemoryTable<Key, ImportKey> keys;

    /** An immutable chunk of errors (a record, so that the table can cast to one class). */
    private record ErrorList(List<RowError> items) {}

    /** An immutable chunk of flags. */
    private record FlagList(List<ImportFlag> items) {}

    MemoryImportJournalRepository(MemoryTransaction tx) {
        this.jobs = new MemoryTable<>(tx, JOB, ImportJob.class);
        this.errorChunks = new MemoryTable<>(tx, JOB + "#errorChunks", Long.class);
        this.errors = new MemoryTable<>(tx, JOB + "#errors", ErrorList.class);
        this.flagChunks = new MemoryTable<>(tx, JOB + "#flagChunks", Long.class);
        this.flags = new MemoryTable<>(tx, JOB + "#flags", FlagList.class);
        this.keys = new MemoryTable<>(tx, ImportKey.class.getName(), ImportKey.class);
    }

    @Override
    public Optional<ImportJob> find(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return jobs.get(jobId);
    }

    @Override
    public void insert(ImportJob job) {
        Objects.requireNonNull(job, "job");
        if (jobs.get(job.jobId()).isPresent()) {
            throw new DuplicateKeyException("jobId", job.jobId(), job.jobId());
        }
        jobs.put(job.jobId(), job);
    }

    @Override
    public void update(long expectedVersion, ImportJob job) {
        Objects.requireNonNull(job, "job");
        if (job.version() != expectedVersion + 1) {
            throw new IllegalArgumentException(
                    "new version must be " + (expectedVersion + 1) + ", got " + job.version());
        }
        Optional<ImportJob> current = jobs.get(job.jobId());
        if (current.isEmpty() || current.get().version() != expectedVersion) {
            throw new StaleVersionException("ImportJob", job.jobId(), expectedVersion);
        }
        jobs.put(job.jobId(), job);
    }

    @Override
    public void appendErrors(String jobId, List<RowError> list) {
        Objects.requireNonNull(jobId, "jobId");
        List<RowError> copy = List.copyOf(list);
        if (!copy.isEmpty()) {
            long next = errorChunks.get(jobId).orElse(0L);
            errors.put(new Chunk(jobId, next), new ErrorList(copy));
            errorChunks.put(jobId, next + 1);
        }
    }

    @Override
    public List<RowError> errors(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        long n = errorChunks.get(jobId).orElse(0L);
        List<RowError> all = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            errors.get(new Chunk(jobId, i)).ifPresent(c -> all.addAll(c.items()));
        }
        all.sort(Comparator.comparingLong(RowError::row)); // stable: a row's errors keep their order
        return List.copyOf(all);
    }

    @Override
    public void appendFlags(String jobId, List<ImportFlag> list) {
        Objects.requireNonNull(jobId, "jobId");
        List<ImportFlag> copy = List.copyOf(list);
        if (!copy.isEmpty()) {
            long next = flagChunks.get(jobId).orElse(0L);
            flags.put(new Chunk(jobId, next), new FlagList(copy));
            flagChunks.put(jobId, next + 1);
        }
    }

    @Override
    public List<ImportFlag> flags(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        long n = flagChunks.get(jobId).orElse(0L);
        List<ImportFlag> all = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            flags.get(new Chunk(jobId, i)).ifPresent(c -> all.addAll(c.items()));
        }
        all.sort(Comparator.comparingLong(ImportFlag::row));
        return List.copyOf(all);
    }

    @Override
    public void clearReport(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        long e = errorChunks.get(jobId).orElse(0L);
        for (long i = 0; i < e; i++) {
            errors.remove(new Chunk(jobId, i));
        }
        errorChunks.remove(jobId);
        long f = flagChunks.get(jobId).orElse(0L);
        for (long i = 0; i < f; i++) {
            flags.remove(new Chunk(jobId, i));
        }
        flagChunks.remove(jobId);
    }

    @Override
    public Map<String, ImportKey> findKeys(ImportKind kind, Collection<String> externalIds) {
        Objects.requireNonNull(kind, "kind");
        Map<String, ImportKey> found = new HashMap<>();
        for (String externalId : externalIds) {
            Objects.requireNonNull(externalId, "externalId");
            keys.get(new Key(kind, externalId)).ifPresent(k -> found.put(externalId, k));
        }
        return found;
    }

    @Override
    public void putKeys(List<ImportKey> list) {
        for (ImportKey key : list) {
            Objects.requireNonNull(key, "key");
            keys.put(new Key(key.kind(), key.externalId()), key);
        }
    }
}
