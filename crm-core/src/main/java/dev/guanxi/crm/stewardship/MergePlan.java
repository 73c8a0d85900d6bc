package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What merging one customer (the loser) into another (the survivor) will do: the dry run. {@link
 * Stewardship#planMerge} makes it and changes nothing; {@link Stewardship#merge} executes exactly it, or
 * nothing, if either customer or any row to move changed since.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tenant the tenant the plan was made in (a plan is executed only there)
 * @param survivor the customer that stays, as read when planning (its version is checked when merging)
 * @param loser the customer merged into it, as read when planning (its version is checked too)
 * @param decisions one decision per {@link MergeField}, in field order
 * @param merged the survivor's values after the merge (the chosen values)
 * @param moves every row of the loser that moves to the survivor, by kind (in {@link ChildKind} order), then
 *     key, with its version when planned
 * @param kept the loser's rows that stay under its id, per kind that has any
 * @param rescoringNeeded whether the survivor's scores and lifecycle stage are stale after the merge (rows they
 *     are computed from moved, or the loser had a score or a stage): the next scoring run re-evaluates it
 * @param plannedAt when the plan was made, by the CRM's clock
 * @since 0.1.0
 */
@Beta
public record MergePlan(
        TenantId tenant,
        Customer survivor,
        Customer loser,
        List<FieldDecision> decisions,
        CustomerDraft merged,
        List<MovedRow> moves,
        List<RowsKept> kept,
        boolean rescoringNeeded,
        Instant plannedAt) {
    /**
     * Rejects nulls and copies the lists.
     *
     * @param tenant the tenant the plan was made in (a plan is executed only there)
     * @param survivor the customer that stays, as read when planning (its version is checked when merging)
     * @param loser the customer merged into it, as read when planning (its version is checked too)
     * @param decisions one decision per {@link MergeField}, in field order
     * @param merged the survivor's values after the merge (the chosen values)
     * @param moves every row of the loser that moves to the survivor, by kind (in {@link ChildKind} order), then key,
     *     with its version when planned
     * @param kept the loser's rows that stay under its id, per kind that has any
     * @param rescoringNeeded whether the survivor's scores and lifecycle stage are stale after the merge (rows they are
     *     computed from moved, or the loser had a score or a stage): the next scoring run re-evaluates it
     * @param plannedAt when the plan was made, by the CRM's clock
     * @throws IllegalArgumentException if the survivor is the loser
     */
    public MergePlan {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(survivor, "survivor");
        Objects.requireNonNull(loser, "loser");
        Objects.requireNonNull(merged, "merged");
        Objects.requireNonNull(plannedAt, "plannedAt");
        decisions = List.copyOf(decisions);
        moves = List.copyOf(moves);
        kept = List.copyOf(kept);
        if (survivor.id().equals(loser.id())) {
            throw new IllegalArgumentException("a customer cannot be merged into itself: " + survivor.id());
        }
    }

    /** @return the survivor's version when planned; the merge requires it unchanged */
    public long survivorVersion() {
        return survivor.version();
    }

    /** @return the loser's version when planned; the merge requires it unchanged */
    public long loserVersion() {
        return loser.version();
    }

    /**
     * @param field a field
     * @return the decision of that field, if the plan has one
     */
    public Optional<FieldDecision> decision(MergeField field) {
        Objects.requireNonNull(field, "field");
        return decisions.stream().filter(d -> d.field() == field).findFirst();
    }

    /**
     * @param kind a kind of row
     * @return the rows of that kind that move, by key
     */
    public List<MovedRow> moves(ChildKind kind) {
        Objects.requireNonNull(kind, "kind");
        return moves.stream().filter(m -> m.kind() == kind).toList();
    }

    /** @return how many rows move, per kind that has any, in {@link ChildKind} order */
    public Map<ChildKind, Integer> moveCounts() {
        Map<ChildKind, Integer> counts = new EnumMap<>(ChildKind.class);
        for (MovedRow m : moves) {
            counts.merge(m.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Renders the plan in one line, e.g. {@code "merge 7c… into 1a…: 2 fields from the loser, 14 rows move
     * (INTERACTIONS 9, ORDERS 5)"}. Built on each call.
     *
     * @return the line
     */
    public String reason() {
        long changed = decisions.stream().filter(FieldDecision::changesSurvivor).count();
        StringBuilder b = new StringBuilder("merge ")
                .append(loser.id())
                .append(" into ")
                .append(survivor.id())
                .append(": ")
                .append(changed)
                .append(changed == 1 ? " field" : " fields")
                .append(" from the loser, ")
                .append(moves.size())
                .append(moves.size() == 1 ? " row moves" : " rows move");
        Map<ChildKind, Integer> counts = moveCounts();
        if (!counts.isEmpty()) {
            b.append(" (");
            String sep = "";
            for (Map.Entry<ChildKind, Integer> e : counts.entrySet()) {
                b.append(sep).append(e.getKey()).append(' ').append(e.getValue());
                sep = ", ";
            }
            b.append(')');
        }
        return b.toString();
    }
}
