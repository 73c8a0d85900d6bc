package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Objects;

/**
 * What a quadrant of the selection matrix (or a grade) means for the people serving the customer: the service
 * level and how often to contact the customer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param serviceLevel the level of service the quadrant or grade gets, not null
 * @param contactEveryDays the longest interval between proactive contacts, in days; 0 for no proactive contact
 * @param note advice for a person, may be empty
 */
@Beta
public record Treatment(ServiceLevel serviceLevel, int contactEveryDays, String note) {
    /** Service levels, from most to least personal. */
    public enum ServiceLevel {
        /** A dedicated account manager and follow-up (key customers). */
        DEDICATED,
        /** Standardised service by the sales and service teams. */
        STANDARD,
        /** Low-cost channels: web, e-mail, call centre. */
        LOW_COST,
        /** Self-service only; no proactive effort. */
        MINIMAL
    }

    /**
     * Validates the treatment.
     *
     * @param serviceLevel the level of service the quadrant or grade gets, not null
     * @param contactEveryDays the longest interval between proactive contacts, in days; 0 for no proactive contact
     * @param note advice for a person, may be empty
     * @throws ValidationException {@code contactEveryDays}, {@link ValidationRule#OUT_OF_RANGE}, if negative or
     *     above 3660
     */
    public Treatment {
        Objects.requireNonNull(serviceLevel, "serviceLevel");
        Objects.requireNonNull(note, "note");
        if (contactEveryDays < 0 || contactEveryDays > 3660) {
            throw new ValidationException(
                    "contactEveryDays", ValidationRule.OUT_OF_RANGE, "contactEveryDays must be 0 to 3660");
        }
    }
}
