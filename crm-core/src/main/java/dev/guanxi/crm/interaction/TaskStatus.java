package dev.guanxi.crm.interaction;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a follow-up task stands. The allowed transitions are written down once, here:
 *
 * <table>
 *   <caption>Allowed transitions</caption>
 *   <tr><th>from</th><th>to</th><th>by</th></tr>
 *   <tr><td>{@code OPEN}</td><td>{@code DONE}</td><td>{@link Interactions#complete}</td></tr>
 *   <tr><td>{@code OPEN}</td><td>{@code CANCELLED}</td><td>{@link Interactions#cancel}</td></tr>
 *   <tr><td>{@code DONE}</td><td>{@code OPEN}</td><td>{@link Interactions#reopen}</td></tr>
 *   <tr><td>{@code CANCELLED}</td><td>{@code OPEN}</td><td>{@link Interactions#reopen}</td></tr>
 * </table>
 *
 * <p>Any other request throws {@link dev.guanxi.crm.IllegalTransitionException}.
 *
 * <p>Immutable and thread-safe.
 */
public enum TaskStatus {
    /** To do. */
    OPEN,
    /** Done. */
    DONE,
    /** Dropped without being done. */
    CANCELLED;

    private static final Map<TaskStatus, Set<TaskStatus>> NEXT = new EnumMap<>(TaskStatus.class);

    static {
        NEXT.put(OPEN, Collections.unmodifiableSet(EnumSet.of(DONE, CANCELLED)));
        NEXT.put(DONE, Collections.unmodifiableSet(EnumSet.of(OPEN)));
        NEXT.put(CANCELLED, Collections.unmodifiableSet(EnumSet.of(OPEN)));
    }

    /**
     * Returns the statuses a task in this status may move to.
     *
     * @return an unmodifiable set, never containing this status itself
     */
    public Set<TaskStatus> next() {
        return NEXT.get(this);
    }

    /**
     * Says whether a task in this status may move to another.
     *
     * @param target the requested status
     * @return whether the table allows it
     */
    public boolean canGoTo(TaskStatus target) {
        return next().contains(target);
    }
}
