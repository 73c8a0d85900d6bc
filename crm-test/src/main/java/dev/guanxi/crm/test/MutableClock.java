package dev.guanxi.crm.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that a test moves by hand, so that time-dependent rules (SLA due instants, recency,
 * "no purchase for 180 days") are tested without waiting. Thread-safe: {@link #advance} and {@link #set}
 * may be called while other threads read the time.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2026-01-15T09:00:00Z");
 * Crm crm = Crm.builder().clock(clock).build();
 * clock.advance(Duration.ofDays(30));
 * }</pre>
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Creates a clock in UTC.
     *
     * @param instant the time it starts at
     * @return the clock
     */
    public static MutableClock at(Instant instant) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
    }

    /**
     * Creates a clock in UTC.
     *
     * @param isoInstant the time it starts at, e.g. {@code 2026-01-15T09:00:00Z}
     * @return the clock
     */
    public static MutableClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param duration how far
     * @return the new instant
     */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return now.updateAndGet(i -> i.plus(duration));
    }

    /**
     * Sets the clock.
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * Returns a clock that shares this clock's time but reports another zone.
     *
     * @param zone the zone
     * @return a view of this clock
     */
    @Override
    public MutableClock withZone(ZoneId zone) {
        return new MutableClock(now, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
