package dev.guanxi.crm.access;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * An {@link AccessPolicy}'s answer, with the reason for it (shown in {@link dev.guanxi.crm.AccessDeniedException}
 * and useful in a host's own access log).
 *
 * <p>Immutable and thread-safe.
 *
 * @param permitted whether the request is allowed
 * @param reason why, one short line, e.g. {@code "owner"} or {@code "role scope OWN does not reach bob's
 *     customers"}
 * @since 0.1.0
 */
@Beta
public record AccessDecision(boolean permitted, String reason) {
    /**
     * Validates the reason.
     *
     * @param permitted whether the request is allowed
     * @param reason why, one short line, e.g. {@code "owner"} or {@code "role scope OWN does not reach bob's
     *     customers"}
     * @throws NullPointerException if {@code reason} is null
     */
    public AccessDecision {
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason why
     * @return a permission
     */
    public static AccessDecision permit(String reason) {
        return new AccessDecision(true, reason);
    }

    /**
     * @param reason why
     * @return a denial
     */
    public static AccessDecision deny(String reason) {
        return new AccessDecision(false, reason);
    }
}
