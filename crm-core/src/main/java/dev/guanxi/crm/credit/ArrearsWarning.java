package dev.guanxi.crm.credit;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.classification.Contribution;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.ArrearsWarningRaised;
import dev.guanxi.crm.event.EventMetadata;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An early warning (欠费预警): a customer's risk of falling into arrears reached the threshold of the {@link
 * ArrearsEarlyWarning} policy. The contributions say which signals raised it; their points add up to the risk
 * (up to rounding).
 *
 * <p>Immutable and thread-safe.
 *
 * @param risk the arrears risk, from {@code threshold} to 100
 * @param threshold the threshold it reached, 0 to 100
 * @param contributions each signal's part, in the order of {@link ArrearsEarlyWarning.Factor}
 */
@Beta
public record ArrearsWarning(double risk, int threshold, List<Contribution> contributions) {
    /**
     * Validates the warning and copies the contributions.
     *
     * @param risk the arrears risk, from {@code threshold} to 100
     * @param threshold the threshold it reached, 0 to 100
     * @param contributions each signal's part, in the order of {@link ArrearsEarlyWarning.Factor}
     * @throws ValidationException with rule {@link dev.guanxi.crm.ValidationRule#OUT_OF_RANGE} naming {@code
     *     threshold} if not within 0 to 100, or {@code risk} if not within the threshold to 100
     */
    public ArrearsWarning {
        CreditChecks.between("threshold", threshold, 0, 100);
        CreditChecks.between("risk", risk, threshold, 100);
        contributions = List.copyOf(contributions);
    }

    /** @return the risk rounded to a whole number (half up), never below the threshold */
    public int roundedRisk() {
        return (int) Math.round(risk);
    }

    /**
     * Explains the warning in one line, strongest signal first (ties in factor order), e.g. {@code "arrears risk
     * 52 (threshold 40): days to pay rising 5.0 days per invoice; 95% of the credit limit used"}. Built on each
     * call.
     *
     * @return the explanation
     */
    public String reason() {
        return "arrears risk " + roundedRisk() + " (threshold " + threshold + "): " + signals();
    }

    /** The notes of the signals that raised the risk, strongest first, joined by "; ". */
    private String signals() {
        List<Contribution> raising = new ArrayList<>();
        for (Contribution c : contributions) {
            if (c.points() >= 0.05) {
                raising.add(c);
            }
        }
        raising.sort(Comparator.comparingDouble(Contribution::points).reversed());
        StringBuilder text = new StringBuilder();
        for (Contribution c : raising) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(c.note());
        }
        return text.length() == 0 ? "no signal" : text.toString();
    }

    /**
     * Returns the event that announces this warning, with the risk {@link #roundedRisk() rounded} and the
     * signals as its reasons.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer warned about
     * @param asOf the day of the assessment
     * @return the event
     */
    public ArrearsWarningRaised toEvent(EventMetadata metadata, CustomerId customerId, LocalDate asOf) {
        return new ArrearsWarningRaised(metadata, customerId, roundedRisk(), threshold, signals(), asOf);
    }
}
