package dev.guanxi.crm.interaction;

import dev.guanxi.crm.internal.Check;

/**
 * The result of an interaction: a kind that reports can count and an optional one-line summary.
 * Immutable and thread-safe.
 *
 * @param kind how it went; required
 * @param summary what came of it in words, at most 500 characters without control
 *     characters, or {@code null}
 */
public record Outcome(OutcomeKind kind, String summary) {
    /**
     * Validates the components.
     *
     * @param kind how it went; required
     * @param summary what came of it in words, at most 500 characters without control characters, or {@code null}
     * @throws dev.guanxi.crm.ValidationException naming {@code outcome.kind} or {@code outcome.summary}
     */
    public Outcome {
        Check.required("outcome.kind", kind);
        Check.optionalText("outcome.summary", summary, Check.LINE_MAX);
    }

    /**
     * Returns an outcome without a summary.
     *
     * @param kind how it went
     * @return the outcome
     */
    public static Outcome of(OutcomeKind kind) {
        return new Outcome(kind, null);
    }

    /**
     * Returns an outcome with a summary.
     *
     * @param kind how it went
     * @param summary what came of it
     * @return the outcome
     */
    public static Outcome of(OutcomeKind kind, String summary) {
        return new Outcome(kind, summary);
    }
}
