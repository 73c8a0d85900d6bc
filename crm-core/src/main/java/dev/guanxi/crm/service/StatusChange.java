package dev.guanxi.crm.service;

import dev.guanxi.crm.internal.Check;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a service case's history: the case entered a status at an instant, with an optional note.
 * The note of a {@link CaseStatus#RESOLVED} entry is the resolution given, and that of a reopening {@link
 * CaseStatus#OPEN} entry the reason; so every resolution ever given stays archived even after a reopen.
 * Immutable and thread-safe.
 *
 * @param status the status entered
 * @param at when the case entered the status, by the CRM's clock, not null
 * @param note the resolution, the reason for reopening, or {@code null}; at most 20,000 characters
 */
public record StatusChange(CaseStatus status, Instant at, String note) {
    /**
     * Validates the components.
     *
     * @param status the status entered
     * @param at when the case entered the status, by the CRM's clock, not null
     * @param note the resolution, the reason for reopening, or {@code null}; at most 20,000 characters
     * @throws dev.guanxi.crm.ValidationException naming the first field that breaks a rule
     */
    public StatusChange {
        Check.required("status", status);
        Objects.requireNonNull(at, "at");
        Check.optionalMultiline("note", note, Check.TEXT_MAX);
    }
}
