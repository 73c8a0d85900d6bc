package dev.guanxi.crm.service;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a service case stands. The allowed transitions are written down once, here:
 *
 * <table>
 *   <caption>Allowed transitions</caption>
 *   <tr><th>from</th><th>to</th><th>by</th></tr>
 *   <tr><td>{@code OPEN}</td><td>{@code IN_PROGRESS}</td><td>{@link Service#startWork}</td></tr>
 *   <tr><td>{@code OPEN}</td><td>{@code RESOLVED}</td><td>{@link Service#resolve} (solved at first
 *       contact)</td></tr>
 *   <tr><td>{@code IN_PROGRESS}</td><td>{@code RESOLVED}</td><td>{@link Service#resolve}</td></tr>
 *   <tr><td>{@code RESOLVED}</td><td>{@code CLOSED}</td><td>{@link Service#close}</td></tr>
 *   <tr><td>{@code RESOLVED}</td><td>{@code OPEN}</td><td>{@link Service#reopen} (the customer is not
 *       satisfied)</td></tr>
 *   <tr><td>{@code CLOSED}</td><td>{@code OPEN}</td><td>{@link Service#reopen} (the problem came
 *       back)</td></tr>
 * </table>
 *
 * <p>A reopened case goes back to {@code OPEN}, into the queue, and gets a new SLA due instant; work on it
 * starts again with {@link Service#startWork}. A case is closed only after it was resolved. Any other request
 * throws {@link dev.guanxi.crm.IllegalTransitionException}.
 *
 * <p>Immutable and thread-safe.
 */
public enum CaseStatus {
    /** Received, waiting for someone to work on it. */
    OPEN,
    /** Someone is working on it. */
    IN_PROGRESS,
    /** A resolution was given; waiting to be closed (or reopened if the customer is not satisfied). */
    RESOLVED,
    /** Done. */
    CLOSED;

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = new EnumMap<>(CaseStatus.class);

    static {
        NEXT.put(OPEN, Collections.unmodifiableSet(EnumSet.of(IN_PROGRESS, RESOLVED)));
        NEXT.put(IN_PROGRESS, Collections.unmodifiableSet(EnumSet.of(RESOLVED)));
        NEXT.put(RESOLVED, Collections.unmodifiableSet(EnumSet.of(CLOSED, OPEN)));
        NEXT.put(CLOSED, Collections.unmodifiableSet(EnumSet.of(OPEN)));
    }

    /**
     * Returns the statuses a case in this status may move to.
     *
     * @return an unmodifiable set, never containing this status itself
     */
    public Set<CaseStatus> next() {
        return NEXT.get(this);
    }

    /**
     * Says whether a case in this status may move to another.
     *
     * @param target the requested status
     * @return whether the table allows it
     */
    public boolean canGoTo(CaseStatus target) {
        return next().contains(target);
    }

    /**
     * Says whether a case in this status still needs work, so that its SLA clock runs.
     *
     * @return {@code true} for {@link #OPEN} and {@link #IN_PROGRESS}
     */
    public boolean isActive() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
