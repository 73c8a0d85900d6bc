package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;

/**
 * The kinds of rows that belong to a customer, and what a merge does with the loser's: each kind either
 * {@linkplain #moves() moves} to the survivor (the row's customer becomes the survivor, nothing else of it
 * changes but the version of a versioned row, which goes up by one) or stays with the loser's id, as history of
 * the merged record. No row of any kind is ever deleted by a merge; an undo gives every moved row back exactly as
 * it was.
 *
 * @since 0.1.0
 */
@Beta
public enum ChildKind {
    /** Interactions: move. */
    INTERACTIONS("Interaction", true),
    /** Follow-up tasks linked to the customer: move. */
    TASKS("Task", true),
    /** Orders with their lines: move, amounts unchanged. */
    ORDERS("Order", true),
    /** Invoices: move, amounts unchanged. */
    INVOICES("Invoice", true),
    /** Payments: move, amounts unchanged. */
    PAYMENTS("Payment", true),
    /** Sales opportunities: move. */
    OPPORTUNITIES("Opportunity", true),
    /** Contracts: move. */
    CONTRACTS("Contract", true),
    /** Service cases: move. */
    SERVICE_CASES("ServiceCase", true),
    /** Satisfaction survey responses: move. */
    SURVEY_RESPONSES("SurveyResponse", true),
    /**
     * Campaign responses: move. At most one per (campaign, customer): a loser's response to a campaign the survivor
     * also responded to is a {@link MergeConflictException}.
     */
    CAMPAIGN_RESPONSES("CampaignResponse", true),
    /** Competitors' dealings with the customer: move. */
    COMPETITOR_DEALINGS("CompetitorDealing", true),
    /**
     * Places on campaign target lists: move (the campaigns' list sizes do not change). At most one per (campaign,
     * customer): a campaign that targets both is a {@link MergeConflictException}. The key of a row is the
     * campaign's id.
     */
    CAMPAIGN_TARGETS("CampaignTarget", false, true),
    /**
     * Shares with colleagues: move. At most one per (customer, colleague): a colleague both customers are shared
     * with, or a share with the merged customer's owner, is a {@link MergeConflictException}. The key of a row is
     * the colleague's staff id.
     */
    SHARES("CustomerShare", false, true),
    /**
     * The points account and its whole ledger: move when only the loser is a member; when both are, it is a
     * {@link MergeConflictException} (the host settles the points first). The key is the account's (the loser's)
     * id; the account keeps its version.
     */
    POINTS("PointsAccount", true, true),
    /**
     * The ownership ledger: stays with the loser's id, as the history of that record (a ledger is append-only
     * and has one current line). If the merged owner differs from the survivor's, the survivor's ledger gets a
     * new line.
     */
    OWNERSHIP_LEDGER("OwnershipRecord", false, false),
    /**
     * The lifecycle log, current stage and churn reasons: stay with the loser's id. They are derived by the
     * scoring run from the rows that moved, and a customer has one current stage: the next scoring run
     * re-evaluates the survivor ({@link MergeResult#rescoringNeeded()}).
     */
    LIFECYCLE("LifecycleStage", false, false),
    /**
     * The score snapshot: stays with the loser's id (one current snapshot per customer; it describes the loser
     * alone). The survivor is re-scored by the next scoring run ({@link MergeResult#rescoringNeeded()}).
     */
    SCORES("ScoreSnapshot", false, false);

    private final String entityType;
    private final boolean versioned;
    private final boolean moves;

    ChildKind(String entityType, boolean versioned) {
        this(entityType, versioned, true);
    }

    ChildKind(String entityType, boolean versioned, boolean moves) {
        this.entityType = entityType;
        this.versioned = versioned;
        this.moves = moves;
    }

    /** @return the entity name used in exceptions, e.g. {@code "Interaction"} */
    public String entityType() {
        return entityType;
    }

    /** @return whether the rows carry a version (checked when a merge executes and when it is undone) */
    public boolean versioned() {
        return versioned;
    }

    /** @return whether a merge moves the loser's rows of this kind to the survivor */
    public boolean moves() {
        return moves;
    }
}
