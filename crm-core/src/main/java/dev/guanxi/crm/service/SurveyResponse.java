package dev.guanxi.crm.service;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.Channel;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's answer to a satisfaction survey (客户满意度): a CSAT score, an NPS answer or both, kept per
 * customer as a time series. A recorded answer is a fact and is not changed afterwards. Immutable and
 * thread-safe.
 *
 * @param id the response's id, assigned by the CRM when it is recorded, not null
 * @param customerId the customer who answered
 * @param respondedAt when the customer answered
 * @param csat the customer-satisfaction score 1 to 5, or {@code null}
 * @param nps the net-promoter answer 0 to 10, or {@code null}; at least one of the two is present
 * @param comment the customer's comment, or {@code null}
 * @param caseId the service case the survey was about, or {@code null}
 * @param channel the channel it was answered on, or {@code null}
 * @param version 1 (responses are not changed)
 * @param createdAt when it was recorded
 * @param updatedAt when it was last changed (equal to {@code createdAt})
 */
public record SurveyResponse(
        SurveyResponseId id,
        CustomerId customerId,
        Instant respondedAt,
        Integer csat,
        Integer nps,
        String comment,
        ServiceCaseId caseId,
        Channel channel,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<SurveyResponseId> {
    /** The lowest CSAT score. */
    public static final int CSAT_MIN = 1;
    /** The highest CSAT score. */
    public static final int CSAT_MAX = 5;
    /** The lowest NPS answer. */
    public static final int NPS_MIN = 0;
    /** The highest NPS answer. */
    public static final int NPS_MAX = 10;

    /**
     * Validates the components.
     *
     * @param id the response's id, assigned by the CRM when it is recorded, not null
     * @param customerId the customer who answered
     * @param respondedAt when the customer answered
     * @param csat the customer-satisfaction score 1 to 5, or {@code null}
     * @param nps the net-promoter answer 0 to 10, or {@code null}; at least one of the two is present
     * @param comment the customer's comment, or {@code null}
     * @param caseId the service case the survey was about, or {@code null}
     * @param channel the channel it was answered on, or {@code null}
     * @param version 1 (responses are not changed)
     * @param createdAt when it was recorded
     * @param updatedAt when it was last changed (equal to {@code createdAt})
     * @throws dev.guanxi.crm.ValidationException naming the first field that breaks a rule
     */
    public SurveyResponse {
        Objects.requireNonNull(id, "id");
        Check.required("customerId", customerId);
        Check.required("respondedAt", respondedAt);
        checkScores(csat, nps);
        Check.optionalMultiline("comment", comment, Check.TEXT_MAX);
        if (version < 1) {
            throw Check.fail("version", ValidationRule.OUT_OF_RANGE, "version must be 1 or more");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    static void checkScores(Integer csat, Integer nps) {
        if (csat == null && nps == null) {
            throw Check.fail(
                    "csat", ValidationRule.REQUIRED, "a survey response needs a CSAT score, an NPS answer or both");
        }
        if (csat != null) {
            Check.range("csat", csat, CSAT_MIN, CSAT_MAX);
        }
        if (nps != null) {
            Check.range("nps", nps, NPS_MIN, NPS_MAX);
        }
    }

    /**
     * Creates a new response at version 1 from a host's command. Does not check the clock or the store:
     * {@link Service#recordSurvey} does.
     *
     * @param id the new id
     * @param draft what to record
     * @param now the instant of recording; also {@code respondedAt} when the draft has none
     * @return the response
     */
    public static SurveyResponse of(SurveyResponseId id, NewSurveyResponse draft, Instant now) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(now, "now");
        return new SurveyResponse(
                id,
                draft.customerId(),
                draft.respondedAt() == null ? now : draft.respondedAt(),
                draft.csat(),
                draft.nps(),
                draft.comment(),
                draft.caseId(),
                draft.channel(),
                1,
                now,
                now);
    }

    /**
     * Returns the net-promoter category of the NPS answer.
     *
     * @return the category, or empty if the response has no NPS answer
     */
    public Optional<NpsCategory> npsCategory() {
        return nps == null ? Optional.empty() : Optional.of(NpsCategory.of(nps));
    }
}
