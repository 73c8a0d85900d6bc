package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.Channel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The retention plans of a tenant, in order: the first plan that applies to a customer's grade and stage wins
 * (put specific plans before general ones). Customers no plan applies to are never due.
 *
 * <p>Immutable and thread-safe.
 *
 * @param plans the plans, most specific first
 */
@Beta
public record RetentionPlans(List<RetentionPlan> plans) {
    /**
     * Copies.
     *
     * @param plans the plans, most specific first
     */
    public RetentionPlans {
        plans = List.copyOf(plans);
    }

    /**
     * The default plans: at-risk key customers weekly by a sales visit, key customers every 14 days by a
     * visit, at-risk others every 30 days by phone, ordinary customers every 60 days by phone, everyone else
     * every 90 days by e-mail.
     *
     * @return the defaults
     */
    public static RetentionPlans defaults() {
        return new RetentionPlans(List.of(
                new RetentionPlan("KEY", "AT_RISK", Channel.SALES_VISIT, 7),
                new RetentionPlan("KEY", null, Channel.SALES_VISIT, 14),
                new RetentionPlan(null, "AT_RISK", Channel.PHONE, 30),
                new RetentionPlan("ORDINARY", null, Channel.PHONE, 60),
                new RetentionPlan(null, null, Channel.EMAIL, 90)));
    }

    /**
     * Finds the plan for a customer.
     *
     * @param grade the customer's grade, or {@code null}
     * @param stage the customer's lifecycle stage, or {@code null}
     * @return the first plan that applies, or empty
     */
    public Optional<RetentionPlan> planFor(String grade, String stage) {
        for (RetentionPlan p : plans) {
            if (p.appliesTo(grade, stage)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * @param plan a plan to append (it applies only where no earlier plan does)
     * @return a copy with the plan appended
     */
    public RetentionPlans and(RetentionPlan plan) {
        Objects.requireNonNull(plan, "plan");
        java.util.ArrayList<RetentionPlan> all = new java.util.ArrayList<>(plans);
        all.add(plan);
        return new RetentionPlans(all);
    }
}
