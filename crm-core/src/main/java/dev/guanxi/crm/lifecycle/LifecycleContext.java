package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.internal.Check;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a {@link LifecyclePolicy} and a {@link LifecycleGuard} know about the evaluation itself: the business
 * day it is as of and the instant transitions are stamped with. A context object rather than parameters, so
 * information can be added later without breaking policies and guards.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the business day the facts are as of; day counts (days since the last purchase) are measured to
 *     it
 * @param at the instant the evaluation happens; transitions carry it
 */
@Beta
public record LifecycleContext(LocalDate asOf, Instant at) {
    /**
     * Validates the context.
     *
     * @param asOf the business day the facts are as of; day counts (days since the last purchase) are measured to it
     * @param at the instant the evaluation happens; transitions carry it
     * @throws dev.guanxi.crm.ValidationException naming {@code asOf} or {@code at} (REQUIRED)
     */
    public LifecycleContext {
        Check.required("asOf", asOf);
        Check.required("at", at);
    }

    /**
     * Returns the context of an evaluation now, as the injected clock tells: its instant, and its day in the
     * clock's zone.
     *
     * @param clock the clock
     * @return the context
     */
    public static LifecycleContext of(Clock clock) {
        Instant now = clock.instant();
        return new LifecycleContext(LocalDate.ofInstant(now, clock.getZone()), now);
    }
}
