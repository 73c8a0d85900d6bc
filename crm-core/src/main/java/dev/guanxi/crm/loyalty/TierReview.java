package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The result of evaluating every member's tier on a day ({@link Membership#evaluateTiers(LocalDate)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the day evaluated
 * @param evaluated how many accounts were evaluated
 * @param promoted how many members moved up (or into the programme)
 * @param demoted how many members moved down (or out of the programme)
 */
@Beta
public record TierReview(LocalDate asOf, long evaluated, long promoted, long demoted) {
    /**
     * Rejects a null day and negative counts.
     *
     * @param asOf the day evaluated
     * @param evaluated how many accounts were evaluated
     * @param promoted how many members moved up (or into the programme)
     * @param demoted how many members moved down (or out of the programme)
     */
    public TierReview {
        Objects.requireNonNull(asOf, "asOf");
        if (evaluated < 0 || promoted < 0 || demoted < 0 || promoted + demoted > evaluated) {
            throw new IllegalArgumentException("bad counts " + evaluated + ", " + promoted + ", " + demoted);
        }
    }
}
