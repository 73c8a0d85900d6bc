package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;

/**
 * Why a customer was lost (流失原因), recorded by a person after the customer moved to {@link
 * LifecycleStage#LOST}: a code from the tenant's {@link dev.guanxi.crm.customer.ReferenceCodeType#CHURN_REASON}
 * list (a host-defined code list, e.g. {@code price}, {@code service}, {@code competitor}, {@code moved}, {@code
 * other}), optionally the {@link dev.guanxi.crm.competitor.Competitor} the customer went to, and a note. A reason
 * belongs to one loss: the {@link StageTransition} into {@code LOST} at {@code lostAt}; a customer lost twice
 * has two.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the lost customer, required
 * @param lostAt when the customer moved to {@code LOST} (the instant of that transition); instants are truncated
 *     to microseconds, the precision every store keeps
 * @param code the churn reason code, 1 to 64 characters of {@code [A-Za-z0-9_.-]}
 * @param competitorId the competitor the customer went to, or {@code null}
 * @param note a free-text note of at most 4,000 characters, or {@code null}
 * @param recordedAt when the reason was recorded
 * @param recordedBy who recorded it, or {@code null} if not known
 * @since 0.1.0
 */
@Beta
public record ChurnReason(
        CustomerId customerId,
        Instant lostAt,
        String code,
        CompetitorId competitorId,
        String note,
        Instant recordedAt,
        StaffId recordedBy) {
    /** The longest note, in characters. */
    public static final int NOTE_MAX = 4_000;

    /**
     * Validates the components.
     *
     * @param customerId the lost customer, required
     * @param lostAt when the customer moved to {@code LOST} (the instant of that transition); instants are truncated to
     *     microseconds, the precision every store keeps
     * @param code the churn reason code, 1 to 64 characters of {@code [A-Za-z0-9_.-]}
     * @param competitorId the competitor the customer went to, or {@code null}
     * @param note a free-text note of at most 4,000 characters, or {@code null}
     * @param recordedAt when the reason was recorded
     * @param recordedBy who recorded it, or {@code null} if not known
     * @throws dev.guanxi.crm.ValidationException naming {@code customerId}, {@code lostAt} or {@code recordedAt}
     *     (REQUIRED), {@code code} (REQUIRED, INVALID_FORMAT), {@code note} (BLANK, TOO_LONG, ILLEGAL_CHARACTER)
     *     or {@code recordedAt} (DATE_ORDER: before {@code lostAt})
     */
    public ChurnReason {
        Check.required("customerId", customerId);
        Check.required("lostAt", lostAt);
        Check.code("code", code);
        Check.optionalMultiline("note", note, NOTE_MAX);
        Check.required("recordedAt", recordedAt);
        lostAt = lostAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        recordedAt = recordedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Check.order("recordedAt", lostAt, recordedAt);
    }
}
