package dev.guanxi.crm.internal.membership;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.StaleVersionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a unit of work again when it lost an optimistic race: another unit of work changed the account first
 * ({@link StaleVersionException}) or stored the same key first ({@link DuplicateKeyException}, after which the
 * next attempt finds the winner's entry). Bounded, with jittered exponential pauses, so that many posts to one
 * account spread out instead of colliding again in lock step. Stateless and thread-safe.
 */
final class Retry {
    /** How often one post is tried before its last failure reaches the caller. */
    static final int MAX_ATTEMPTS = 24;
    /** The longest pause between two attempts, in milliseconds. */
    private static final long MAX_PAUSE_MILLIS = 100;

    private Retry() {}

    /**
     * @param attempt one attempt: a whole unit of work, with no effects outside it
     * @param <T> the result type
     * @return the result of the first attempt that did not lose a race
     */
    static <T> T optimistic(Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (StaleVersionException | DuplicateKeyException e) {
                if (n >= MAX_ATTEMPTS) {
                    throw e;
                }
                pause(n, e);
            }
        }
    }

    private static void pause(int attempt, RuntimeException cause) {
        long bound = Math.min(MAX_PAUSE_MILLIS, 1L << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
