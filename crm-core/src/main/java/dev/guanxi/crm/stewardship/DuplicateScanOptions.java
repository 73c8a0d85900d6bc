package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Objects;

/**
 * How a {@linkplain Stewardship#scanDuplicates duplicate scan} runs.
 *
 * <p>The block cap bounds the work: a block of {@code k} customers costs {@code k(k-1)/2} comparisons, so a
 * block larger than {@code maxBlockSize} (a name key shared by thousands, a placeholder e-mail such as {@code
 * noemail@example.com} typed for every walk-in customer) is skipped and counted in the report, never scored.
 * Its customers are still compared through their other blocks.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxBlockSize the largest block that is scored, 2 to {@value #MAX_BLOCK_SIZE_LIMIT}
 * @param listener receives the scan's progress
 * @since 0.1.0
 */
@Beta
public record DuplicateScanOptions(int maxBlockSize, DuplicateScanListener listener) {
    /** The default block cap: 100 customers (at most 4,950 comparisons per block). */
    public static final int DEFAULT_MAX_BLOCK_SIZE = 100;
    /** The largest block cap allowed. */
    public static final int MAX_BLOCK_SIZE_LIMIT = 100_000;

    /**
     * Validates the options.
     *
     * @param maxBlockSize the largest block that is scored, 2 to {@value #MAX_BLOCK_SIZE_LIMIT}
     * @param listener receives the scan's progress
     * @throws ValidationException on {@code maxBlockSize} with {@link ValidationRule#OUT_OF_RANGE}
     */
    public DuplicateScanOptions {
        Objects.requireNonNull(listener, "listener");
        if (maxBlockSize < 2 || maxBlockSize > MAX_BLOCK_SIZE_LIMIT) {
            throw new ValidationException(
                    "maxBlockSize",
                    ValidationRule.OUT_OF_RANGE,
                    "maxBlockSize must be 2 to " + MAX_BLOCK_SIZE_LIMIT + ", got " + maxBlockSize);
        }
    }

    /** @return the defaults: blocks of up to {@value #DEFAULT_MAX_BLOCK_SIZE}, no listener */
    public static DuplicateScanOptions defaults() {
        return new DuplicateScanOptions(DEFAULT_MAX_BLOCK_SIZE, DuplicateScanListener.none());
    }

    /**
     * @param size the largest block that is scored
     * @return these options with another block cap
     */
    public DuplicateScanOptions withMaxBlockSize(int size) {
        return new DuplicateScanOptions(size, listener);
    }

    /**
     * @param newListener receives the scan's progress
     * @return these options with another listener
     */
    public DuplicateScanOptions withListener(DuplicateScanListener newListener) {
        return new DuplicateScanOptions(maxBlockSize, newListener);
    }
}
