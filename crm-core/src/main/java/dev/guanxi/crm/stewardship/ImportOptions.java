package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an import runs: its job id, batch size and mode, duplicate detection, the mapping of a host's CSV header
 * names onto the {@linkplain ImportKind#columns() layout}, and the progress listener. Build with {@link
 * #builder()}; {@link #defaults()} is batches of {@value #DEFAULT_BATCH_SIZE}, no duplicate detection, the job
 * id derived from the source.
 *
 * <p>Immutable and thread-safe (if the listener and detector are); the {@link Builder} is not thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public final class ImportOptions {
    /** The default rows per batch. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    /** The largest batch. */
    public static final int MAX_BATCH_SIZE = 100_000;

    private static final ImportOptions DEFAULTS = builder().build();

    private final String jobId;
    private final int batchSize;
    private final ImportMode mode;
    private final DuplicatePolicy duplicatePolicy;
    private final DuplicateDetector detector;
    private final Map<String, String> columns;
    private final Set<String> ignored;
    private final ImportListener listener;
    private final MergeOptions mergeOptions;

    private ImportOptions(Builder b) {
        this.jobId = b.jobId;
        this.batchSize = b.batchSize == null ? DEFAULT_BATCH_SIZE : b.batchSize;
        this.mode = b.mode == null ? ImportMode.BATCHES : b.mode;
        this.duplicatePolicy = b.duplicatePolicy;
        this.detector = b.detector;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(b.columns));
        this.ignored = Collections.unmodifiableSet(new TreeSet<>(b.ignored));
        this.listener = b.listener == null ? ImportListener.none() : b.listener;
        this.mergeOptions = b.mergeOptions == null ? MergeOptions.defaults() : b.mergeOptions;
    }

    /** @return batches of {@value #DEFAULT_BATCH_SIZE}, no duplicate detection, the job id derived from the source */
    public static ImportOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The job's id in the journal. When none is given, it is derived from the source: the kind in lower case, a
     * dash, and the first 32 hex digits of the SHA-256 of the source's fingerprint ({@link ImportJob#source()}),
     * so that running the same file again resumes the job it started (or returns its result when it completed);
     * give a new id to import the same file once more.
     *
     * @return the job id given, or empty to derive it
     */
    public Optional<String> jobId() {
        return Optional.ofNullable(jobId);
    }

    /** @return the rows per batch (a purchase's lines count as one row) */
    public int batchSize() {
        return batchSize;
    }

    /** @return batches or all or nothing */
    public ImportMode mode() {
        return mode;
    }

    /** @return what to do with a new customer that resembles a stored one, or empty for no duplicate detection */
    public Optional<DuplicatePolicy> duplicatePolicy() {
        return Optional.ofNullable(duplicatePolicy);
    }

    /** @return the detector duplicates are found with ({@link DuplicateDetector#defaults()} unless given) */
    public DuplicateDetector detector() {
        return detector == null ? DuplicateDetector.defaults() : detector;
    }

    /**
     * @return the host's header names (lower case, stripped) mapped to layout columns, in the order given;
     *     unmodifiable
     */
    public Map<String, String> columns() {
        return columns;
    }

    /** @return the host's header names (lower case, stripped) whose columns are ignored; unmodifiable */
    public Set<String> ignoredColumns() {
        return ignored;
    }

    /** @return the progress listener */
    public ImportListener listener() {
        return listener;
    }

    /**
     * The survivorship rules by which {@link DuplicatePolicy#MERGE} merges a row into the stored customer it
     * duplicates (the stored customer survives).
     *
     * @return the rules given, or {@link MergeOptions#defaults()}
     */
    public MergeOptions mergeOptions() {
        return mergeOptions;
    }

    /**
     * Normalises a header name as the import compares them: surrounding white space stripped, lower case
     * ({@link Locale#ROOT}).
     *
     * @param header a header name
     * @return the normalised name
     */
    public static String normaliseHeader(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Builds {@link ImportOptions}. Fail-fast: setting an option twice, or mapping a header name twice, throws
     * {@link IllegalStateException} at once. Not thread-safe.
     */
    public static final class Builder {
        private String jobId;
        private Integer batchSize;
        private ImportMode mode;
        private DuplicatePolicy duplicatePolicy;
        private DuplicateDetector detector;
        private final Map<String, String> columns = new LinkedHashMap<>();
        private final Set<String> ignored = new TreeSet<>();
        private ImportListener listener;
        private MergeOptions mergeOptions;

        private Builder() {}

        /**
         * Sets the job id, to resume a job or to import a source again as a new job.
         *
         * @param id 1 to {@value ImportJob#JOB_ID_MAX} characters of one-line text
         * @return this builder
         * @throws ValidationException on {@code jobId} if missing, blank, too long or not one line
         * @throws IllegalStateException if the job id was already set
         */
        public Builder jobId(String id) {
            Check.text("jobId", id, ImportJob.JOB_ID_MAX);
            if (jobId != null) {
                throw new IllegalStateException("jobId was already set to " + jobId);
            }
            jobId = id;
            return this;
        }

        /**
         * Sets the rows per batch (default {@value ImportOptions#DEFAULT_BATCH_SIZE}).
         *
         * @param rows 1 to {@value ImportOptions#MAX_BATCH_SIZE}
         * @return this builder
         * @throws ValidationException on {@code batchSize} ({@link ValidationRule#OUT_OF_RANGE})
         * @throws IllegalStateException if the batch size was already set
         */
        public Builder batchSize(int rows) {
            Check.range("batchSize", rows, 1, MAX_BATCH_SIZE);
            if (batchSize != null) {
                throw new IllegalStateException("batchSize was already set to " + batchSize);
            }
            batchSize = rows;
            return this;
        }

        /**
         * Sets the mode (default {@link ImportMode#BATCHES}).
         *
         * @param importMode the mode
         * @return this builder
         * @throws ValidationException on {@code mode} if missing
         * @throws IllegalStateException if the mode was already set
         */
        public Builder mode(ImportMode importMode) {
            Check.required("mode", importMode);
            if (mode != null) {
                throw new IllegalStateException("mode was already set to " + mode);
            }
            mode = importMode;
            return this;
        }

        /**
         * Turns duplicate detection on, with {@link DuplicateDetector#defaults()}.
         *
         * @param policy what to do with a new customer row that resembles a stored customer
         * @return this builder
         * @throws ValidationException on {@code duplicatePolicy} if missing
         * @throws IllegalStateException if duplicate detection was already set
         */
        public Builder duplicates(DuplicatePolicy policy) {
            return duplicates(policy, DuplicateDetector.defaults());
        }

        /**
         * Turns duplicate detection on. Before the first batch, the import reads the tenant's customers once and
         * indexes them by the detector's blocking keys (O(n · k) time and memory for n customers with k keys
         * each); each new row is then compared with the customers sharing a key with it, and with the rows the
         * import created before it. Customers registered by others while the import runs are not seen.
         *
         * @param policy what to do with a new customer row that resembles a stored customer
         * @param duplicateDetector the matchers, weights and threshold
         * @return this builder
         * @throws ValidationException on {@code duplicatePolicy} or {@code detector} if missing
         * @throws IllegalStateException if duplicate detection was already set
         */
        public Builder duplicates(DuplicatePolicy policy, DuplicateDetector duplicateDetector) {
            Check.required("duplicatePolicy", policy);
            Check.required("detector", duplicateDetector);
            if (duplicatePolicy != null) {
                throw new IllegalStateException("duplicates was already set to " + duplicatePolicy);
            }
            duplicatePolicy = policy;
            detector = duplicateDetector;
            return this;
        }

        /**
         * Maps a host's CSV header name onto a layout column, e.g. {@code column("Kundennummer", "external_id")}.
         * Header names are compared {@linkplain ImportOptions#normaliseHeader normalised}.
         *
         * @param header the name in the host's file
         * @param layoutColumn a column of the kind's layout (or {@code custom:<namespace.name>})
         * @return this builder
         * @throws ValidationException on {@code header} or {@code layoutColumn} if missing or blank
         * @throws IllegalStateException if {@code header} was already mapped or ignored
         */
        public Builder column(String header, String layoutColumn) {
            String key = header(header);
            Check.text("layoutColumn", layoutColumn, 200);
            if (columns.containsKey(key) || ignored.contains(key)) {
                throw new IllegalStateException("header " + key + " was already mapped or ignored");
            }
            columns.put(key, normaliseHeader(layoutColumn));
            return this;
        }

        /**
         * Ignores a column of the host's file that is not part of the layout.
         *
         * @param header the name in the host's file
         * @return this builder
         * @throws ValidationException on {@code header} if missing or blank
         * @throws IllegalStateException if {@code header} was already mapped or ignored
         */
        public Builder ignoreColumn(String header) {
            String key = header(header);
            if (columns.containsKey(key) || !ignored.add(key)) {
                throw new IllegalStateException("header " + key + " was already mapped or ignored");
            }
            return this;
        }

        private static String header(String header) {
            Check.required("header", header);
            String key = normaliseHeader(header);
            if (key.isEmpty()) {
                throw new ValidationException("header", ValidationRule.BLANK, "a header name is blank");
            }
            return key;
        }

        /**
         * Sets the progress listener (default: none).
         *
         * @param progressListener called after each committed batch
         * @return this builder
         * @throws ValidationException on {@code listener} if missing
         * @throws IllegalStateException if the listener was already set
         */
        public Builder listener(ImportListener progressListener) {
            Check.required("listener", progressListener);
            if (listener != null) {
                throw new IllegalStateException("listener was already set");
            }
            listener = progressListener;
            return this;
        }

        /**
         * Sets the survivorship rules of {@link DuplicatePolicy#MERGE} (default: {@link MergeOptions#defaults()}).
         * A host's {@linkplain MergeOptions.Builder#choose choosers} run inside the batch's transaction: keep them
         * quick and free of I/O.
         *
         * @param options the rules
         * @return this builder
         * @throws ValidationException on {@code mergeOptions} if missing
         * @throws IllegalStateException if the merge options were already set
         */
        public Builder mergeOptions(MergeOptions options) {
            Check.required("mergeOptions", options);
            if (mergeOptions != null) {
                throw new IllegalStateException("mergeOptions was already set");
            }
            mergeOptions = options;
            return this;
        }

        /** @return the options */
        public ImportOptions build() {
            return new ImportOptions(this);
        }
    }

    @Override
    public String toString() {
        return "ImportOptions[jobId=" + jobId + ", batchSize=" + batchSize + ", mode=" + mode + ", duplicates="
                + duplicatePolicy + ", columns=" + columns + ", ignored=" + ignored + "]";
    }
}
