package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.Channel;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Objects;

/**
 * How often, and on which channel, customers of one grade and lifecycle stage are contacted (客户维护): key
 * customers every two weeks by a visit, small customers every quarter by e-mail. A customer with no interaction
 * within the interval is due for contact.
 *
 * <p>Immutable and thread-safe.
 *
 * @param grade the 80/20 grade this plan is for ({@code KEY}, {@code ORDINARY}, {@code SMALL}), or {@code null}
 *     for any grade (including ungraded customers)
 * @param stage the lifecycle stage label this plan is for (e.g. {@code AT_RISK}), or {@code null} for any
 * @param channel the channel to use
 * @param contactEveryDays the longest interval without an interaction, 1 to 3660 days
 */
@Beta
public record RetentionPlan(String grade, String stage, Channel channel, int contactEveryDays) {
    /**
     * Validates the plan.
     *
     * @param grade the 80/20 grade this plan is for ({@code KEY}, {@code ORDINARY}, {@code SMALL}), or {@code null} for
     *     any grade (including ungraded customers)
     * @param stage the lifecycle stage label this plan is for (e.g. {@code AT_RISK}), or {@code null} for any
     * @param channel the channel to use
     * @param contactEveryDays the longest interval without an interaction, 1 to 3660 days
     * @throws ValidationException {@code contactEveryDays}, {@link ValidationRule#OUT_OF_RANGE}; {@code grade}
     *     or {@code stage}, {@link ValidationRule#BLANK}, if blank
     */
    public RetentionPlan {
        Objects.requireNonNull(channel, "channel");
        if (contactEveryDays < 1 || contactEveryDays > 3660) {
            throw new ValidationException(
                    "contactEveryDays", ValidationRule.OUT_OF_RANGE, "contactEveryDays must be 1 to 3660");
        }
        if (grade != null && grade.isBlank()) {
            throw new ValidationException("grade", ValidationRule.BLANK, "grade must not be blank");
        }
        if (stage != null && stage.isBlank()) {
            throw new ValidationException("stage", ValidationRule.BLANK, "stage must not be blank");
        }
    }

    /**
     * @param customerGrade a customer's grade, or {@code null}
     * @param customerStage a customer's stage, or {@code null}
     * @return {@code true} if this plan applies
     */
    public boolean appliesTo(String customerGrade, String customerStage) {
        return (grade == null || grade.equals(customerGrade)) && (stage == null || stage.equals(customerStage));
    }
}
