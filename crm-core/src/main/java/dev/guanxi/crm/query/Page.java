package dev.guanxi.crm.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of results.
 *
 * <p>Immutable (the items are copied into an unmodifiable list) and thread-safe if the items are; every item
 * type the SDK pages over is.
 *
 * @param items the results on this page, in the query's order
 * @param request the request that produced this page
 * @param hasMore whether results follow this page
 * @param <T> the element type
 */
public record Page<T>(List<T> items, PageRequest request, boolean hasMore) {
    /**
     * Copies the items.
     *
     * @param items the results on this page, in the query's order
     * @param request the request that produced this page
     * @param hasMore whether results follow this page
     */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(request, "request");
    }

    /**
     * Cuts a page out of a complete ordered list (for stores that filter in memory).
     *
     * @param all every result, in order
     * @param request the slice wanted
     * @param <T> the element type
     * @return the page
     */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = Math.min(request.offset(), all.size());
        int to = (int) Math.min((long) from + request.limit(), all.size());
        return new Page<>(all.subList(from, to), request, to < all.size());
    }

    /** @return the request for the next page, or empty on the last page */
    public Optional<PageRequest> nextRequest() {
        return hasMore ? Optional.of(request.next()) : Optional.empty();
    }

    /**
     * Maps the items.
     *
     * @param mapper the function applied to each item
     * @param <R> the new element type
     * @return a page of the same request and continuation
     */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), request, hasMore);
    }
}
