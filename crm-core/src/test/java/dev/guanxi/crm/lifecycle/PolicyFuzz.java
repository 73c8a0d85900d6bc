package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.classification.CustomerGrade;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.AidaStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

/** Random but valid lifecycle facts for the property tests. */
final class PolicyFuzz {
    private PolicyFuzz() {}

    static LifecycleFacts randomFacts(
            Random random,
            LifecycleStage[] stages,
            CustomerGrade[] grades,
            LocalDate today,
            Instant since,
            boolean purchased) {
        int pick = random.nextInt(stages.length + 1);
        LifecycleState state = pick == stages.length
                ? null
                : stages[pick] == LifecycleStage.PROSPECT
                        ? LifecycleState.prospect(
                                random.nextBoolean() ? null : AidaStage.values()[random.nextInt(4)], since)
                        : LifecycleState.of(stages[pick], since);
        int purchases = purchased ? 1 + random.nextInt(20) : random.nextInt(20);
        LifecycleFacts.Builder b = LifecycleFacts.builder(new CustomerId(new java.util.UUID(0, random.nextLong())))
                .state(state)
                .grade(random.nextInt(4) == 0 ? null : grades[random.nextInt(grades.length)])
                .unresolvedComplaints(random.nextInt(5))
                .overdueCases(random.nextInt(3))
                .creditGrades(random.nextInt(8) - 1, random.nextInt(8) - 1)
                .pAlive(random.nextInt(5) == 0 ? Double.NaN : random.nextDouble())
                .purchasedSinceLastEvaluation(purchased);
        if (purchases > 0) {
            int last = purchased ? random.nextInt(3) : random.nextInt(800);
            int first = last + (purchases == 1 ? 0 : random.nextInt(1500));
            b.purchases(purchases, today.minusDays(first), today.minusDays(last));
        }
        return b.build();
    }
}
