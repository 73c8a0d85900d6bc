package dev.guanxi.crm.service;

import dev.guanxi.crm.customer.CustomerId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a customer's survey responses add up to. Immutable and thread-safe.
 *
 * @param customerId the customer whose responses are summed up, not null
 * @param responses how many responses there are
 * @param csatResponses how many of them have a CSAT score
 * @param meanCsat the mean CSAT score, rounded {@link RoundingMode#HALF_UP HALF_UP} to 2 decimals; empty
 *     without CSAT scores
 * @param npsResponses how many responses have an NPS answer
 * @param promoters how many NPS answers were 9 or 10
 * @param passives how many were 7 or 8
 * @param detractors how many were 0 to 6
 * @param netPromoterScore (promoters - detractors) / NPS answers × 100, from -100 to 100, rounded {@link
 *     RoundingMode#HALF_UP HALF_UP} to 1 decimal; empty without NPS answers
 * @param firstRespondedAt when the earliest response was given; empty without responses
 * @param lastRespondedAt when the latest response was given; empty without responses
 */
public record SatisfactionSummary(
        CustomerId customerId,
        int responses,
        int csatResponses,
        Optional<BigDecimal> meanCsat,
        int npsResponses,
        int promoters,
        int passives,
        int detractors,
        Optional<BigDecimal> netPromoterScore,
        Optional<Instant> firstRespondedAt,
        Optional<Instant> lastRespondedAt) {
    /**
     * Rejects nulls and counts that do not add up.
     *
     * @param customerId the customer whose responses are summed up, not null
     * @param responses how many responses there are
     * @param csatResponses how many of them have a CSAT score
     * @param meanCsat the mean CSAT score, rounded {@link RoundingMode#HALF_UP HALF_UP} to 2 decimals; empty without
     *     CSAT scores
     * @param npsResponses how many responses have an NPS answer
     * @param promoters how many NPS answers were 9 or 10
     * @param passives how many were 7 or 8
     * @param detractors how many were 0 to 6
     * @param netPromoterScore (promoters - detractors) / NPS answers × 100, from -100 to 100, rounded {@link
     *     RoundingMode#HALF_UP HALF_UP} to 1 decimal; empty without NPS answers
     * @param firstRespondedAt when the earliest response was given; empty without responses
     * @param lastRespondedAt when the latest response was given; empty without responses
     */
    public SatisfactionSummary {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(meanCsat, "meanCsat");
        Objects.requireNonNull(netPromoterScore, "netPromoterScore");
        Objects.requireNonNull(firstRespondedAt, "firstRespondedAt");
        Objects.requireNonNull(lastRespondedAt, "lastRespondedAt");
        if (promoters + passives + detractors != npsResponses) {
            throw new IllegalArgumentException("promoters, passives and detractors must add up to npsResponses");
        }
        if (csatResponses > responses || npsResponses > responses || csatResponses < 0 || npsResponses < 0) {
            throw new IllegalArgumentException("score counts must lie between 0 and responses");
        }
    }

    /**
     * Sums up responses.
     *
     * @param customerId the customer
     * @param responses the customer's responses, in any order
     * @return the summary
     */
    public static SatisfactionSummary of(CustomerId customerId, Iterable<SurveyResponse> responses) {
        int count = 0;
        int csatCount = 0;
        long csatSum = 0;
        int[] categories = new int[NpsCategory.values().length];
        Instant first = null;
        Instant last = null;
        for (SurveyResponse r : responses) {
            count++;
            if (r.csat() != null) {
                csatCount++;
                csatSum += r.csat();
            }
            r.npsCategory().ifPresent(c -> categories[c.ordinal()]++);
            first = first == null || r.respondedAt().isBefore(first) ? r.respondedAt() : first;
            last = last == null || r.respondedAt().isAfter(last) ? r.respondedAt() : last;
        }
        int promoters = categories[NpsCategory.PROMOTER.ordinal()];
        int passives = categories[NpsCategory.PASSIVE.ordinal()];
        int detractors = categories[NpsCategory.DETRACTOR.ordinal()];
        int npsCount = promoters + passives + detractors;
        Optional<BigDecimal> mean = csatCount == 0
                ? Optional.empty()
                : Optional.of(
                        BigDecimal.valueOf(csatSum).divide(BigDecimal.valueOf(csatCount), 2, RoundingMode.HALF_UP));
        Optional<BigDecimal> nps = npsCount == 0
                ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(100L * (promoters - detractors))
                        .divide(BigDecimal.valueOf(npsCount), 1, RoundingMode.HALF_UP));
        return new SatisfactionSummary(
                customerId,
                count,
                csatCount,
                mean,
                npsCount,
                promoters,
                passives,
                detractors,
                nps,
                Optional.ofNullable(first),
                Optional.ofNullable(last));
    }
}
