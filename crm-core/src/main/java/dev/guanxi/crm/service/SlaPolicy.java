package dev.guanxi.crm.service;

import dev.guanxi.crm.Beta;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decides by when a service case must be resolved (its SLA due instant). Called when a case is opened and
 * when it is reopened; the result is stored on the case as {@link ServiceCase#slaDueAt()}. Set one with
 * {@code Crm.builder().slaPolicy(...)}; the default is {@link #standard()}.
 *
 * <p>A policy must be a pure function of its context (no clock of its own: the context carries the start
 * instant), thread-safe, and return an instant not before {@link SlaContext#startsAt()}; otherwise the
 * operation fails with {@link IllegalStateException} and nothing is stored. The built-in policies count
 * elapsed time around the clock; a host that needs business hours or holidays writes its own.
 *
 * <pre>{@code
 * SlaPolicy policy = SlaPolicy.bySeverity(Map.of(
 *                 Severity.CRITICAL, Duration.ofHours(2), Severity.HIGH, Duration.ofHours(8),
 *                 Severity.MEDIUM, Duration.ofDays(2), Severity.LOW, Duration.ofDays(5)))
 *         .forKind(CaseKind.ENQUIRY, SlaPolicy.fixed(Duration.ofDays(1)));
 * }</pre>
 */
@Beta
@FunctionalInterface
public interface SlaPolicy {
    /**
     * Decides the due instant of a case.
     *
     * @param context the case's kind, severity, channel, customer and the instant its SLA clock starts
     * @return the due instant, not before {@code context.startsAt()}
     */
    Instant dueAt(SlaContext context);

    /**
     * Returns the default policy. Elapsed time from the start instant:
     *
     * <table>
     *   <caption>Standard service levels</caption>
     *   <tr><th>severity</th><th>request, enquiry</th><th>complaint</th></tr>
     *   <tr><td>{@code CRITICAL}</td><td>4 hours</td><td>2 hours</td></tr>
     *   <tr><td>{@code HIGH}</td><td>1 day</td><td>12 hours</td></tr>
     *   <tr><td>{@code MEDIUM}</td><td>3 days</td><td>36 hours</td></tr>
     *   <tr><td>{@code LOW}</td><td>5 days</td><td>60 hours</td></tr>
     * </table>
     *
     * <p>Complaints get half the time: a complaint handled fast is what keeps a dissatisfied customer.
     *
     * @return the standard policy
     */
    static SlaPolicy standard() {
        return BuiltInSla.STANDARD;
    }

    /**
     * Returns a policy that gives every case the same time.
     *
     * @param duration the time from the start instant, zero or positive
     * @return the policy
     * @throws IllegalArgumentException if the duration is negative
     */
    static SlaPolicy fixed(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
        return new BuiltInSla.Fixed(duration);
    }

    /**
     * Returns a policy that gives each severity its own time.
     *
     * @param durations the time from the start instant per severity; every severity must be present, none
     *     negative
     * @return the policy
     * @throws IllegalArgumentException if a severity is missing or a duration is negative
     */
    static SlaPolicy bySeverity(Map<Severity, Duration> durations) {
        Objects.requireNonNull(durations, "durations");
        EnumMap<Severity, Duration> copy = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            Duration d = durations.get(severity);
            if (d == null) {
                throw new IllegalArgumentException("durations has no entry for " + severity);
            }
            if (d.isNegative()) {
                throw new IllegalArgumentException("duration for " + severity + " must not be negative, got " + d);
            }
            copy.put(severity, d);
        }
        return new BuiltInSla.BySeverity(Collections.unmodifiableMap(copy));
    }

    /**
     * Returns a policy that decides cases of one kind by another policy and all others by this one.
     *
     * @param kind the kind the other policy is for
     * @param policy the policy for cases of that kind
     * @return the combined policy
     */
    default SlaPolicy forKind(CaseKind kind, SlaPolicy policy) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(policy, "policy");
        return new BuiltInSla.ForKind(kind, policy, this);
    }

    /**
     * Returns a policy that shortens (or lengthens) this policy's time by the customer's 80/20 grade: key
     * customers are served faster. The time from the start instant to this policy's due instant is multiplied
     * by the grade's factor (rounded down to the second); customers without a grade, or with a grade not in
     * the map, keep this policy's time.
     *
     * <pre>{@code
     * SlaPolicy policy = SlaPolicy.standard().byGrade(Map.of("KEY", 0.5, "SMALL", 1.5));
     * }</pre>
     *
     * @param factors the factor per grade label, each greater than 0 and at most 10
     * @return the grade-aware policy
     * @throws IllegalArgumentException if a factor is out of range
     * @since 0.1.0
     */
    default SlaPolicy byGrade(Map<String, Double> factors) {
        Objects.requireNonNull(factors, "factors");
        Map<String, Double> copy = Map.copyOf(factors);
        copy.forEach((grade, factor) -> {
            if (!(factor > 0 && factor <= 10)) {
                throw new IllegalArgumentException("factor for " + grade + " must lie in (0, 10], got " + factor);
            }
        });
        SlaPolicy base = this;
        return context -> {
            Instant due = base.dueAt(context);
            Double factor = context.grade().map(copy::get).orElse(null);
            if (factor == null) {
                return due;
            }
            long seconds = Duration.between(context.startsAt(), due).getSeconds();
            return context.startsAt().plusSeconds((long) Math.floor(seconds * factor));
        };
    }
}
