package dev.guanxi.crm.internal.scoring;

import dev.guanxi.crm.classification.CustomerBase;
import dev.guanxi.crm.classification.ScoringResult;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.spi.storage.ScoreBatch;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import dev.guanxi.crm.spi.storage.ScoreView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A batch of a run's changed customers as {@link ScoreBatch} rows over the run's {@link ScoringResult}: per row,
 * the customer's index in the base and its result hash (two longs), nothing else. A view reads labels and metrics
 * from the result's columns ({@link ScoringResult#snapshotLabel}, {@link ScoringResult#snapshotMetric}, the model
 * outputs of the base) and renders a reason or builds the {@link ScoreSnapshot} only when asked — the same
 * snapshot {@code result.snapshot(i, runId, hash, Models.metrics(base, i))} gives.
 *
 * <p>Immutable once built, and thread-safe (the result is).
 */
final class ResultBatch implements ScoreBatch {
    private final ScoringResult result;
    private final UUID runId;
    private final int[] indexes;
    private final long[] hashes;

    private ResultBatch(ScoringResult result, UUID runId, int[] indexes, long[] hashes) {
        this.result = result;
        this.runId = runId;
        this.indexes = indexes;
        this.hashes = hashes;
    }

    /** Collects the rows of one batch. Not thread-safe. */
    static final class Builder {
        private final ScoringResult result;
        private final UUID runId;
        private int[] indexes;
        private long[] hashes;
        private int size;

        Builder(ScoringResult result, UUID runId, int capacity) {
            this.result = Objects.requireNonNull(result, "result");
            this.runId = Objects.requireNonNull(runId, "runId");
            this.indexes = new int[Math.max(1, capacity)];
            this.hashes = new long[2 * indexes.length];
        }

        /** Adds customer {@code i} of the base with its result hash. */
        void add(int i, long high, long low) {
            if (size == indexes.length) {
                indexes = Arrays.copyOf(indexes, 2 * size);
                hashes = Arrays.copyOf(hashes, 4 * size);
            }
            indexes[size] = i;
            hashes[2 * size] = high;
            hashes[2 * size + 1] = low;
            size++;
        }

        ResultBatch build() {
            return new ResultBatch(result, runId, Arrays.copyOf(indexes, size), Arrays.copyOf(hashes, 2 * size));
        }
    }

    @Override
    public UUID runId() {
        return runId;
    }

    @Override
    public LocalDate asOf() {
        return result.base().asOf();
    }

    @Override
    public int size() {
        return indexes.length;
    }

    /**
     * @param row a row
     * @return the row's customer index in the run's base
     */
    int index(int row) {
        return indexes[row];
    }

    @Override
    public CustomerId customerId(int row) {
        return result.base().customerId(indexes[row]);
    }

    @Override
    public ScoreView view(int row) {
        Objects.checkIndex(row, indexes.length);
        return new Row(row);
    }

    /** One row: a customer's snapshot, answered from the run's results. */
    final class Row implements ScoreView {
        private final int row;

        Row(int row) {
            this.row = row;
        }

        private int i() {
            return indexes[row];
        }

        @Override
        public CustomerId customerId() {
            return result.base().customerId(i());
        }

        @Override
        public UUID runId() {
            return runId;
        }

        @Override
        public LocalDate asOf() {
            return result.base().asOf();
        }

        /**
         * The result hash as two longs, without its text.
         *
         * @param out receives the high and low lane
         */
        void hash(long[] out) {
            out[0] = hashes[2 * row];
            out[1] = hashes[2 * row + 1];
        }

        @Override
        public String inputsHash() {
            return ResultHash.hex(hashes[2 * row], hashes[2 * row + 1]);
        }

        @Override
        public String label(String name) {
            return result.snapshotLabel(i(), name);
        }

        @Override
        public BigDecimal metric(String name) {
            if (result.hasSnapshotMetric(name)) {
                // a rule's metric replaces a model output of the same name, as in ScoringResult.snapshot
                return result.snapshotMetric(i(), name);
            }
            CustomerBase base = result.base();
            if (name.equals(Models.P_ALIVE)) {
                double alive = base.probabilityAlive(i());
                return Double.isFinite(alive) ? Models.decimal(alive, 6, 1e6) : null;
            }
            if (name.equals(Models.CLV)) {
                double clv = base.lifetimeValue(i());
                return Double.isFinite(clv) ? Models.decimal(clv, 2, 1e2) : null;
            }
            return null;
        }

        @Override
        public ScoreSnapshot snapshot() {
            int i = i();
            return result.snapshot(i, runId, inputsHash(), Models.metrics(result.base(), i));
        }

        @Override
        public String toString() {
            return "ScoreView[" + customerId() + " of run " + runId + "]";
        }
    }
}
