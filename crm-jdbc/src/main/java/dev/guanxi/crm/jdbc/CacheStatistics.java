package dev.guanxi.crm.jdbc;

/**
 * A snapshot of the customer read cache's counters since the storage was opened ({@link
 * JdbcStorage#customerCacheStats()}). Immutable and thread-safe.
 *
 * @param hitCount reads answered from the cache
 * @param missCount reads that went to the database
 * @param evictionCount entries evicted for size
 */
public record CacheStatistics(long hitCount, long missCount, long evictionCount) {
    /**
     * Validates the counters.
     *
     * @param hitCount reads answered from the cache, 0 or more
     * @param missCount reads that went to the database, 0 or more
     * @param evictionCount entries evicted for size, 0 or more
     * @throws IllegalArgumentException if a counter is negative
     */
    public CacheStatistics {
        if (hitCount < 0 || missCount < 0 || evictionCount < 0) {
            throw new IllegalArgumentException("cache counters are never negative");
        }
    }

    /** @return the share of reads answered from the cache, in [0, 1]; 1 when nothing was read */
    public double hitRate() {
        long reads = hitCount + missCount;
        return reads == 0 ? 1.0 : (double) hitCount / reads;
    }
}
