package dev.guanxi.crm.sales;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A sales opportunity (销售机会): a possible deal with a customer, moving through the stages of a {@link
 * Pipeline} until it is won or lost.
 *
 * <p>On entering a stage the probability becomes the stage's default; a won opportunity has probability 100,
 * a lost one 0. Every stage entered is kept in {@link #stageHistory()}. The statuses follow {@link
 * OpportunityStatus}'s table: open → won, open → lost, and lost → open again (reopened, in the stage it was
 * lost in); won is final.
 *
 * <p>Immutable and thread-safe. Created by {@link Sales#openOpportunity(NewOpportunity)}; storage adapters and
 * tests may use the canonical constructor or {@link #open(OpportunityId, NewOpportunity, Pipeline, Instant)}.
 *
 * @param id the opportunity's id, assigned by the CRM when it is opened, required
 * @param customerId the prospective buyer
 * @param name what the deal is about
 * @param pipeline the name of its pipeline
 * @param stage the code of the current stage
 * @param amount the expected deal value, zero or more
 * @param probability the win probability in percent, 0 to 100
 * @param expectedCloseDate when the deal is expected to close, or {@code null} if unknown
 * @param status open, won or lost
 * @param lostReason why it was lost, or {@code null} if it is not lost; set exactly when the status is {@link
 *     OpportunityStatus#LOST}
 * @param competitorNote who won it instead, or another note on the competition, or {@code null} if none was
 *     recorded when it was lost
 * @param stageHistory every stage entered, oldest first; the last is the current stage
 * @param closedAt when it was won or lost, or {@code null} while it is open; set exactly when it is not open
 * @param version 1 when opened, +1 for every change
 * @param createdAt when it was opened
 * @param updatedAt when it was last changed
 */
public record Opportunity(
        OpportunityId id,
        CustomerId customerId,
        String name,
        String pipeline,
        String stage,
        Money amount,
        int probability,
        LocalDate expectedCloseDate,
        OpportunityStatus status,
        String lostReason,
        String competitorNote,
        List<StageEntry> stageHistory,
        Instant closedAt,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<OpportunityId> {
    /** The most entries a stage history keeps. */
    public static final int MAX_HISTORY = 10_000;

    /**
     * Validates the components.
     *
     * @param id the opportunity's id, assigned by the CRM when it is opened, required
     * @param customerId the prospective buyer
     * @param name what the deal is about
     * @param pipeline the name of its pipeline
     * @param stage the code of the current stage
     * @param amount the expected deal value, zero or more
     * @param probability the win probability in percent, 0 to 100
     * @param expectedCloseDate when the deal is expected to close, or {@code null} if unknown
     * @param status open, won or lost
     * @param lostReason why it was lost, or {@code null} if it is not lost; set exactly when the status is {@link
     *     OpportunityStatus#LOST}
     * @param competitorNote who won it instead, or another note on the competition, or {@code null} if none was
     *     recorded when it was lost
     * @param stageHistory every stage entered, oldest first; the last is the current stage
     * @param closedAt when it was won or lost, or {@code null} while it is open; set exactly when it is not open
     * @param version 1 when opened, +1 for every change
     * @param createdAt when it was opened
     * @param updatedAt when it was last changed
     * @throws ValidationException naming the field and the rule
     */
    public Opportunity {
        Check.required("id", id);
        Check.required("customerId", customerId);
        Check.text("name", name, Check.NAME_MAX);
        Check.code("pipeline", pipeline);
        Check.code("stage", stage);
        Check.nonNegative("amount", amount);
        Check.range("probability", probability, 0, 100);
        Check.required("status", status);
        Check.optionalText("lostReason", lostReason, Check.LINE_MAX);
        Check.optionalText("competitorNote", competitorNote, Check.LINE_MAX);
        stageHistory = Check.list("stageHistory", stageHistory, MAX_HISTORY);
        if (stageHistory.isEmpty()
                || !stageHistory.get(stageHistory.size() - 1).stage().equals(stage)) {
            throw Check.fail(
                    "stageHistory", ValidationRule.INVALID_STATE, "the last entry of the history is the current stage");
        }
        if ((lostReason != null) != (status == OpportunityStatus.LOST)) {
            throw Check.fail("lostReason", ValidationRule.INVALID_STATE, "a reason is given exactly for a lost deal");
        }
        if (competitorNote != null && status != OpportunityStatus.LOST) {
            throw Check.fail(
                    "competitorNote", ValidationRule.INVALID_STATE, "a competitor note belongs to a lost deal");
        }
        if ((closedAt != null) == (status == OpportunityStatus.OPEN)) {
            throw Check.fail("closedAt", ValidationRule.INVALID_STATE, "closedAt is set exactly for a closed deal");
        }
        SalesChecks.bookkeeping(version, createdAt, updatedAt);
    }

    /**
     * Creates a newly opened opportunity from a draft, at version 1, in the draft's stage (or the pipeline's
     * first) with the draft's probability (or the stage's default).
     *
     * @param id the new opportunity's id
     * @param draft what the deal is
     * @param pipeline the pipeline it runs on (the draft's, resolved by the caller)
     * @param now when it is opened
     * @return the opportunity
     * @throws ValidationException with field {@code pipeline} if the draft names another pipeline, or field
     *     {@code stage} and {@link ValidationRule#UNKNOWN_CODE} if the pipeline has no such stage
     */
    public static Opportunity open(OpportunityId id, NewOpportunity draft, Pipeline pipeline, Instant now) {
        Check.required("opportunity", draft);
        Check.required("pipeline", pipeline);
        if (draft.pipeline() != null && !draft.pipeline().equals(pipeline.name())) {
            throw Check.fail("pipeline", ValidationRule.UNKNOWN_CODE, "the draft names another pipeline");
        }
        PipelineStage start =
                draft.stage() == null ? pipeline.firstStage() : pipeline.requireStage("stage", draft.stage());
        return new Opportunity(
                id,
                draft.customerId(),
                draft.name(),
                pipeline.name(),
                start.code(),
                draft.amount(),
                draft.probability() == null ? start.defaultProbability() : draft.probability(),
                draft.expectedCloseDate(),
                OpportunityStatus.OPEN,
                null,
                null,
                List.of(new StageEntry(start.code(), now)),
                null,
                1,
                now,
                now);
    }

    /** @return {@code true} while the opportunity is open */
    public boolean isOpen() {
        return status == OpportunityStatus.OPEN;
    }

    /**
     * Returns this opportunity in another stage, one version on, with the stage's default probability and the
     * stage appended to the history. Stages may be entered in any order (a deal can fall back).
     *
     * @param target the stage to enter, of this opportunity's pipeline
     * @param now when it moves
     * @return the moved opportunity
     * @throws ValidationException with field {@code status} and {@link ValidationRule#INVALID_STATE} if the
     *     opportunity is not open
     */
    public Opportunity moveTo(PipelineStage target, Instant now) {
        Check.required("stage", target);
        if (!isOpen()) {
            throw Check.fail(
                    "status", ValidationRule.INVALID_STATE, "a " + status + " opportunity has no stage to move");
        }
        List<StageEntry> history = new ArrayList<>(stageHistory);
        history.add(new StageEntry(target.code(), now));
        return new Opportunity(
                id,
                customerId,
                name,
                pipeline,
                target.code(),
                amount,
                target.defaultProbability(),
                expectedCloseDate,
                status,
                lostReason,
                competitorNote,
                history,
                closedAt,
                version + 1,
                createdAt,
                now);
    }

    /**
     * Returns this opportunity won, one version on, with probability 100.
     *
     * @param now when it was won
     * @return the won opportunity
     * @throws IllegalTransitionException unless it is open
     */
    public Opportunity win(Instant now) {
        return withStatus(status.transitionTo(OpportunityStatus.WON), 100, null, null, now);
    }

    /**
     * Returns this opportunity lost, one version on, with probability 0.
     *
     * @param reason why it was lost, required, one line of at most 500 characters
     * @param competitorNote who won it instead, or {@code null}
     * @param now when it was lost
     * @return the lost opportunity
     * @throws ValidationException with field {@code reason} if the reason is missing or invalid
     * @throws IllegalTransitionException unless it is open
     */
    public Opportunity lose(String reason, String competitorNote, Instant now) {
        Check.text("reason", reason, Check.LINE_MAX);
        Check.optionalText("competitorNote", competitorNote, Check.LINE_MAX);
        return withStatus(status.transitionTo(OpportunityStatus.LOST), 0, reason, competitorNote, now);
    }

    /**
     * Returns this lost opportunity open again, one version on, in the stage it was lost in, with the given
     * probability (normally the stage's default).
     *
     * @param stageProbability the probability to resume with, 0 to 100
     * @param now when it is reopened
     * @return the reopened opportunity
     * @throws IllegalTransitionException unless it is lost
     */
    public Opportunity reopen(int stageProbability, Instant now) {
        return withStatus(status.transitionTo(OpportunityStatus.OPEN), stageProbability, null, null, now);
    }

    private Opportunity withStatus(
            OpportunityStatus next, int newProbability, String reason, String note, Instant now) {
        return new Opportunity(
                id,
                customerId,
                name,
                pipeline,
                stage,
                amount,
                newProbability,
                expectedCloseDate,
                next,
                reason,
                note,
                stageHistory,
                next == OpportunityStatus.OPEN ? null : now,
                version + 1,
                createdAt,
                now);
    }
}
