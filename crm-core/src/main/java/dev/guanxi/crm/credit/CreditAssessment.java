package dev.guanxi.crm.credit;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.classification.Contribution;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.CreditGradeChanged;
import dev.guanxi.crm.event.EventMetadata;
import dev.guanxi.crm.internal.Check;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A customer's credit grade with the score behind it and each factor's part in it, from {@link CreditScoring}.
 * The points of the contributions add up to the score (up to rounding); a factor's weight is its share of the
 * weights of the factors available for this customer (0 for one left out), so {@code 100 * weight - points} is
 * what it cost.
 *
 * <p>Immutable and thread-safe.
 *
 * @param grade the grade's label in the scoring's {@link CreditScale}
 * @param gradeIndex the grade's index in that scale, 0 for the best grade
 * @param score the credit score, 0 to 100 (higher is better)
 * @param noHistory {@code true} if the customer had no invoice and got the neutral no-history score
 * @param contributions each factor's part, in the order of {@link CreditScoring.Factor} (empty for no history)
 */
@Beta
public record CreditAssessment(
        String grade, int gradeIndex, double score, boolean noHistory, List<Contribution> contributions) {
    /**
     * Validates the assessment and copies the contributions.
     *
     * @param grade the grade's label in the scoring's {@link CreditScale}
     * @param gradeIndex the grade's index in that scale, 0 for the best grade
     * @param score the credit score, 0 to 100 (higher is better)
     * @param noHistory {@code true} if the customer had no invoice and got the neutral no-history score
     * @param contributions each factor's part, in the order of {@link CreditScoring.Factor} (empty for no history)
     * @throws ValidationException naming the field if the grade is blank, the index negative or the score not
     *     within 0 to 100
     */
    public CreditAssessment {
        Check.text("grade", grade, CreditScale.LABEL_MAX);
        CreditChecks.atLeast("gradeIndex", gradeIndex, 0);
        CreditChecks.between("score", score, 0, 100);
        contributions = List.copyOf(contributions);
    }

    /**
     * Explains the grade in one line: the grade and score, then the factors that cost the most points, worst
     * first (ties in factor order), e.g. {@code "grade BB (score 55.3); lowered by: 21.4 weighted days past due
     * (-17.5), 92% of the credit limit used (-12.7)"}. Built on each call.
     *
     * @return the explanation
     */
    public String reason() {
        String head = "grade " + grade + " (score " + CreditChecks.number(score, 1) + ")";
        if (noHistory) {
            return head + ": no invoice history yet, neutral grade";
        }
        List<Contribution> costly = new ArrayList<>();
        for (Contribution c : contributions) {
            if (cost(c) >= 0.05) {
                costly.add(c);
            }
        }
        if (costly.isEmpty()) {
            return head + "; nothing lowered it";
        }
        costly.sort(Comparator.comparingDouble(CreditAssessment::cost).reversed());
        StringBuilder text = new StringBuilder(head).append("; lowered by: ");
        for (int i = 0; i < costly.size(); i++) {
            Contribution c = costly.get(i);
            if (i > 0) {
                text.append(", ");
            }
            text.append(c.note())
                    .append(" (-")
                    .append(CreditChecks.number(cost(c), 1))
                    .append(')');
        }
        return text.toString();
    }

    private static double cost(Contribution c) {
        return 100 * c.weight() - c.points();
    }

    /**
     * Returns the event announcing this grade if it differs from the customer's previous one.
     *
     * @param previousGrade the customer's grade before, or {@code null} if there was none
     * @param metadata the event's id, tenant and time
     * @param customerId the customer
     * @param asOf the day the grade is for
     * @return the event with the score rounded to a whole number, or empty if the grade did not change
     */
    public Optional<CreditGradeChanged> changeFrom(
            String previousGrade, EventMetadata metadata, CustomerId customerId, LocalDate asOf) {
        if (grade.equals(previousGrade)) {
            return Optional.empty();
        }
        return Optional.of(
                new CreditGradeChanged(metadata, customerId, previousGrade, grade, (int) Math.round(score), asOf));
    }
}
