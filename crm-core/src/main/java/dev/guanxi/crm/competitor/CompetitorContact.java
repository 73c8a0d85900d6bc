package dev.guanxi.crm.competitor;

import dev.guanxi.crm.internal.Check;

/**
 * A key person at a competitor (their sales lead, their manager for a region). Immutable and thread-safe.
 *
 * @param name the person's name, in any script, 1 to 200 characters
 * @param role their role, up to 200 characters, or {@code null}
 */
public record CompetitorContact(String name, String role) {
    /**
     * Validates the components.
     *
     * @param name the person's name, in any script, 1 to 200 characters
     * @param role their role, up to 200 characters, or {@code null}
     * @throws dev.guanxi.crm.ValidationException naming {@code name} or {@code role} and the rule
     */
    public CompetitorContact {
        Check.text("name", name, Check.NAME_MAX);
        Check.optionalText("role", role, Check.NAME_MAX);
    }
}
