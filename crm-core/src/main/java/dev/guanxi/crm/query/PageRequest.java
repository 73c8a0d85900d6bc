package dev.guanxi.crm.query;

/**
 * Which slice of a deterministic ordered result to return.
 *
 * <p>Immutable and thread-safe.
 *
 * @param offset how many results to skip, zero or more
 * @param limit how many results at most, 1 to {@value #MAX_LIMIT}
 */
public record PageRequest(int offset, int limit) {
    /** The largest page size. */
    public static final int MAX_LIMIT = 1_000;

    /**
     * Validates the bounds.
     *
     * @param offset how many results to skip, zero or more
     * @param limit how many results at most, 1 to {@value #MAX_LIMIT}
     */
    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /**
     * Returns the first page.
     *
     * @param limit the page size
     * @return a request for the first {@code limit} results
     */
    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }

    /** @return the request for the page after this one */
    public PageRequest next() {
        return new PageRequest(offset + limit, limit);
    }
}
