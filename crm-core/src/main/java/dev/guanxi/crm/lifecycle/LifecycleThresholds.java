package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.CustomerGrade;
import java.util.Objects;

/**
 * The thresholds of {@link DefaultLifecyclePolicy} for one 80/20 grade. Comparisons at the exact threshold:
 * P(alive) rules fire strictly below ({@code <}), the cycle overrun strictly above ({@code >}), counts, grade
 * drops and the silence in days at or above ({@code >=}); a repeat purchase is within the expected cycle at
 * or below it ({@code <=}).
 *
 * <p>The {@linkplain #standard(CustomerGrade) standard thresholds} warn earlier for key customers:
 *
 * <table>
 *   <caption>Standard thresholds</caption>
 *   <tr><th></th><th>KEY</th><th>ORDINARY</th><th>SMALL</th></tr>
 *   <tr><td>at-risk P(alive) below</td><td>0.50</td><td>0.30</td><td>0.20</td></tr>
 *   <tr><td>lost P(alive) below</td><td>0.10</td><td>0.05</td><td>0.05</td></tr>
 *   <tr><td>cycle overrun factor</td><td>1.5</td><td>2</td><td>3</td></tr>
 *   <tr><td>expected cycle (days)</td><td>90</td><td>180</td><td>365</td></tr>
 *   <tr><td>lost after days without purchase</td><td>365</td><td>365</td><td>540</td></tr>
 *   <tr><td>unresolved complaints</td><td>1</td><td>2</td><td>3</td></tr>
 *   <tr><td>overdue cases</td><td>1</td><td>1</td><td>2</td></tr>
 *   <tr><td>credit grade drop (steps)</td><td>1</td><td>2</td><td>2</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @param atRiskPAlive AT_RISK when P(alive) is below this, in [0, 1]
 * @param lostPAlive LOST when P(alive) is below this, in [0, 1] and not above {@code atRiskPAlive}
 * @param cycleOverrunFactor AT_RISK when the days since the last purchase exceed this factor times the
 *     customer's cycle (own mean interval, at least one day, with two or more purchases; else {@code
 *     expectedCycleDays}); finite and at least 1
 * @param expectedCycleDays the cycle a new customer's repeat purchase must come within to count as active, and
 *     the cycle of a customer with one purchase; at least 1
 * @param lostAfterDays LOST after this many days without a purchase; at least 1
 * @param unresolvedComplaints AT_RISK with this many open complaints or more; at least 1
 * @param overdueCases AT_RISK with this many cases past their SLA or more; at least 1
 * @param creditGradeDrop AT_RISK when the credit grade is this many steps worse than at the previous run or
 *     more; at least 1
 */
@Beta
public record LifecycleThresholds(
        double atRiskPAlive,
        double lostPAlive,
        double cycleOverrunFactor,
        int expectedCycleDays,
        int lostAfterDays,
        int unresolvedComplaints,
        int overdueCases,
        int creditGradeDrop) {
    private static final LifecycleThresholds KEY = new LifecycleThresholds(0.50, 0.10, 1.5, 90, 365, 1, 1, 1);
    private static final LifecycleThresholds ORDINARY = new LifecycleThresholds(0.30, 0.05, 2.0, 180, 365, 2, 1, 2);
    private static final LifecycleThresholds SMALL = new LifecycleThresholds(0.20, 0.05, 3.0, 365, 540, 3, 2, 2);

    /**
     * Validates the thresholds.
     *
     * @param atRiskPAlive AT_RISK when P(alive) is below this, in [0, 1]
     * @param lostPAlive LOST when P(alive) is below this, in [0, 1] and not above {@code atRiskPAlive}
     * @param cycleOverrunFactor AT_RISK when the days since the last purchase exceed this factor times the customer's
     *     cycle (own mean interval, at least one day, with two or more purchases; else {@code expectedCycleDays});
     *     finite and at least 1
     * @param expectedCycleDays the cycle a new customer's repeat purchase must come within to count as active, and the
     *     cycle of a customer with one purchase; at least 1
     * @param lostAfterDays LOST after this many days without a purchase; at least 1
     * @param unresolvedComplaints AT_RISK with this many open complaints or more; at least 1
     * @param overdueCases AT_RISK with this many cases past their SLA or more; at least 1
     * @param creditGradeDrop AT_RISK when the credit grade is this many steps worse than at the previous run or more;
     *     at least 1
     * @throws ValidationException (OUT_OF_RANGE) naming the first offending field; {@code lostPAlive} also
     *     when it is above {@code atRiskPAlive}
     */
    public LifecycleThresholds {
        probability("atRiskPAlive", atRiskPAlive);
        probability("lostPAlive", lostPAlive);
        if (lostPAlive > atRiskPAlive) {
            throw new ValidationException(
                    "lostPAlive",
                    ValidationRule.OUT_OF_RANGE,
                    "lostPAlive " + lostPAlive + " must not be above atRiskPAlive " + atRiskPAlive);
        }
        if (!(Double.isFinite(cycleOverrunFactor) && cycleOverrunFactor >= 1)) {
            throw new ValidationException(
                    "cycleOverrunFactor",
                    ValidationRule.OUT_OF_RANGE,
                    "cycleOverrunFactor must be finite and >= 1, got " + cycleOverrunFactor);
        }
        positive("expectedCycleDays", expectedCycleDays);
        positive("lostAfterDays", lostAfterDays);
        positive("unresolvedComplaints", unresolvedComplaints);
        positive("overdueCases", overdueCases);
        positive("creditGradeDrop", creditGradeDrop);
    }

    private static void probability(String field, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new ValidationException(field, ValidationRule.OUT_OF_RANGE, field + " must be in [0, 1], got " + p);
        }
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new ValidationException(field, ValidationRule.OUT_OF_RANGE, field + " must be >= 1, got " + value);
        }
    }

    /**
     * Returns the standard thresholds of a grade (see the table above).
     *
     * @param grade the grade
     * @return its thresholds
     */
    public static LifecycleThresholds standard(CustomerGrade grade) {
        Objects.requireNonNull(grade, "grade");
        return switch (grade) {
            case KEY -> KEY;
            case ORDINARY -> ORDINARY;
            case SMALL -> SMALL;
        };
    }
}
