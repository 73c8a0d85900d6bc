package dev.guanxi.crm.classification;

import static dev.guanxi.crm.classification.Bases.AS_OF;
import static dev.guanxi.crm.classification.Bases.DAY;
import static dev.guanxi.crm.classification.Bases.USD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.customer.CustomerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Properties of the 80/20 grading and of RFM over a few hundred random customer bases of 1 to 60 customers
 * (seeded, so every run checks the same bases). Amounts are drawn either from a handful of values (many ties)
 * or freely in cents (sums that are not exact in binary floating point).
 */
class ClassificationPropertyTest {
    private static final int BASES = 300;

    /** The measures and cut-offs every property is checked under. */
    private static final List<AbcGrading> GRADINGS = List.of(
            AbcGrading.defaults(),
            AbcGrading.of(ValueMeasure.salesOnly(), GradeCutoffs.rankPercentile(0.2, 0.5)),
            AbcGrading.of(ValueMeasure.salesOnly().withVolumeWeight(3), GradeCutoffs.cumulativeShare(0.7, 0.9)),
            AbcGrading.of(ValueMeasure.defaults().withRegularityWeight(0.6), GradeCutoffs.defaults()),
            AbcGrading.of(new ValueMeasure(1, 0.5, 0, 1, 1), GradeCutoffs.rankPercentile(0.1, 0.6)));

    /** One customer's facts: purchases in date order, margin, overdue. */
    private record Facts(CustomerId id, int[] days, long[] amounts, long margin, long overdue) {}

    private static List<Facts> randomFacts(Random rnd) {
        int n = 1 + rnd.nextInt(60);
        boolean ties = rnd.nextBoolean();
        List<Facts> facts = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            int count = rnd.nextInt(6); // 0 .. 5 purchases
            int[] days = new int[count];
            long[] amounts = new long[count];
            int day = DAY - 1 - rnd.nextInt(700);
            for (int p = 0; p < count; p++) {
                days[p] = day;
                amounts[p] = ties ? 100_00L * (1 + rnd.nextInt(3)) : rnd.nextInt(500_00);
                day = Math.min(DAY, day + (ties ? 30 : rnd.nextInt(120)));
            }
            long margin = ties ? 10_00L * (rnd.nextInt(5) - 1) : rnd.nextInt(200_00) - 50_00;
            long overdue = rnd.nextInt(4) == 0 ? (ties ? 100_00 : rnd.nextInt(300_00)) : 0;
            facts.add(new Facts(
                    new CustomerId(new UUID(rnd.nextLong(), rnd.nextLong())), days, amounts, margin, overdue));
        }
        return facts;
    }

    private static CustomerBase build(List<Facts> facts) {
        CustomerBase.Builder b = CustomerBase.builder(AS_OF, USD).recentDays(90);
        for (Facts f : facts) {
            int i = b.customer(f.id());
            for (int p = 0; p < f.days().length; p++) {
                b.purchase(i, f.days()[p], f.amounts()[p]);
            }
            b.margin(i, f.margin());
            if (f.overdue() > 0) {
                b.overdue(i, f.overdue());
            }
        }
        return b.build();
    }

    private static List<Facts> shuffled(List<Facts> facts, Random rnd) {
        List<Facts> copy = new ArrayList<>(facts);
        Collections.shuffle(copy, rnd);
        return copy;
    }

    /** One customer's result as a rule, by id: label, measure, rank, share above, cumulative share. */
    private static Map<CustomerId, List<Object>> byId(AbcGrading grading, CustomerBase base) {
        Classifications c = grading.classify(base, ClassificationContext.of(AS_OF));
        Map<CustomerId, List<Object>> out = new HashMap<>();
        for (int i = 0; i < base.size(); i++) {
            out.put(
                    base.customerId(i),
                    List.of(
                            c.label(i),
                            c.metric("measure", i),
                            c.metric("rank", i),
                            c.metric("shareAbove", i),
                            c.metric("cumulativeShare", i)));
        }
        return out;
    }

    @Test
    @DisplayName("the grading does not depend on the order customers were added in (grade, rank, shares, reason)")
    void gradingIgnoresInputOrder() {
        Random rnd = new Random(20240630L);
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < BASES; round++) {
            List<Facts> facts = randomFacts(rnd);
            CustomerBase base = build(facts);
            CustomerBase other = build(shuffled(facts, rnd));
            for (AbcGrading grading : GRADINGS) {
                // bit for bit the same numbers per customer id
                if (!byId(grading, base).equals(byId(grading, other))) {
                    failures.add("round " + round + ", " + grading.cutoffs() + ": " + base.size() + " customers");
                }
                // the same lines in the same order (ties in id order), reasons included; reasons are formatted
                // for every line, so only for some rounds
                if (round % 10 == 0
                        && !grading.grade(base)
                                .ranking()
                                .equals(grading.grade(other).ranking())) {
                    failures.add("round " + round + ", " + grading.cutoffs() + ": rankings differ");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    @DisplayName("raising one customer's sales never lowers its grade")
    void moreSalesNeverLowerTheGrade() {
        Random rnd = new Random(7L);
        int checked = 0;
        for (int round = 0; round < BASES; round++) {
            List<Facts> facts = randomFacts(rnd);
            int j = rnd.nextInt(facts.size());
            Facts f = facts.get(j);
            if (f.days().length == 0) {
                continue;
            }
            // raise the amount of the last purchase: same days, same count, same regularity, more sales
            long[] more = f.amounts().clone();
            more[more.length - 1] += 1 + rnd.nextInt(rnd.nextBoolean() ? 100 : 1_000_00);
            List<Facts> raised = new ArrayList<>(facts);
            raised.set(j, new Facts(f.id(), f.days(), more, f.margin(), f.overdue()));
            CustomerBase before = build(facts);
            CustomerBase after = build(raised);
            for (AbcGrading grading : GRADINGS) {
                GradedCustomer was = grading.grade(before).find(f.id()).orElseThrow();
                GradedCustomer now = grading.grade(after).find(f.id()).orElseThrow();
                assertThat(now.measure()).isGreaterThanOrEqualTo(was.measure());
                assertThat(was.grade().isBetterThan(now.grade()))
                        .as("round %d, %s: %s -> %s", round, grading.cutoffs(), was, now)
                        .isFalse();
                assertThat(now.rank()).isLessThanOrEqualTo(was.rank());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(BASES * GRADINGS.size() / 2);
    }

    @Test
    @DisplayName("equal measures get equal grades and ranks; a rank is 1 + the number of higher measures")
    void equalMeasuresEqualGrades() {
        Random rnd = new Random(99L);
        List<String> failures = new ArrayList<>();
        int tiedPairs = 0;
        for (int round = 0; round < BASES; round++) {
            CustomerBase base = build(randomFacts(rnd));
            int n = base.size();
            for (AbcGrading grading : GRADINGS) {
                Classifications c = grading.classify(base, ClassificationContext.of(AS_OF));
                for (int i = 0; i < n; i++) {
                    double measure = c.metric("measure", i);
                    CustomerGrade grade = CustomerGrade.valueOf(c.label(i));
                    int higher = 0;
                    for (int j = 0; j < n; j++) {
                        double other = c.metric("measure", j);
                        CustomerGrade otherGrade = CustomerGrade.valueOf(c.label(j));
                        if (other > measure) {
                            higher++;
                            if (grade.isBetterThan(otherGrade)) {
                                failures.add("lower measure, better grade: " + c.explain(i) + " / " + c.explain(j));
                            }
                        } else if (other == measure && j != i) {
                            tiedPairs++;
                            if (otherGrade != grade || c.metric("rank", j) != c.metric("rank", i)) {
                                failures.add(
                                        "equal measures, other grade or rank: " + c.explain(i) + " / " + c.explain(j));
                            }
                        }
                    }
                    if (c.metric("rank", i) != 1 + higher) {
                        failures.add("rank is not 1 + " + higher + ": " + c.explain(i));
                    }
                    if (!(measure > 0) && grade != CustomerGrade.SMALL) {
                        failures.add("no positive value but not small: " + c.explain(i));
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        // the property must have met ties
        assertThat(tiedPairs).isGreaterThan(1_000);
    }

    @Test
    @DisplayName("RFM scores do not depend on the order customers were added in")
    void rfmIgnoresInputOrder() {
        Random rnd = new Random(1997L);
        for (int round = 0; round < BASES; round++) {
            List<Facts> facts = randomFacts(rnd);
            CustomerBase base = build(facts);
            CustomerBase other = build(shuffled(facts, rnd));
            Classifications a = RfmAnalysis.standard().classify(base, ClassificationContext.of(AS_OF));
            Classifications b = RfmAnalysis.standard().classify(other, ClassificationContext.of(AS_OF));
            for (int i = 0; i < base.size(); i++) {
                int k = b.indexOf(base.customerId(i));
                assertThat(b.label(k)).isEqualTo(a.label(i));
                for (String metric : List.of("r", "f", "m")) {
                    assertThat(b.metric(metric, k)).isEqualTo(a.metric(metric, i));
                }
            }
        }
    }

    @Test
    @DisplayName("in RFM a better value never gets a lower score, and equal values get equal scores")
    void rfmIsMonotone() {
        Random rnd = new Random(42L);
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < BASES; round++) {
            CustomerBase base = build(randomFacts(rnd));
            Classifications c = RfmAnalysis.standard().classify(base, ClassificationContext.of(AS_OF));
            int n = base.size();
            for (int i = 0; i < n; i++) {
                if (base.purchases(i) == 0) {
                    if (!c.label(i).equals("NO_PURCHASES")) {
                        failures.add("round " + round + ": scored without purchases: " + c.explain(i));
                    }
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (base.purchases(j) == 0) {
                        continue;
                    }
                    String pair = "round " + round + ", customers " + i + " and " + j + ": ";
                    // recency: a later last purchase is better
                    checkMonotone(failures, pair + "r", base.lastPurchaseDay(i), base.lastPurchaseDay(j), c, "r", i, j);
                    checkMonotone(failures, pair + "f", base.purchases(i), base.purchases(j), c, "f", i, j);
                    checkMonotone(failures, pair + "m", base.sales(i), base.sales(j), c, "m", i, j);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void checkMonotone(
            List<String> failures,
            String what,
            long valueI,
            long valueJ,
            Classifications c,
            String score,
            int i,
            int j) {
        double scoreI = c.metric(score, i);
        double scoreJ = c.metric(score, j);
        if (scoreI < 1
                || scoreI > 5
                || (valueI > valueJ && scoreI < scoreJ)
                || (valueI == valueJ && scoreI != scoreJ)) {
            failures.add(what + ": values " + valueI + ", " + valueJ + " scores " + scoreI + ", " + scoreJ);
        }
    }
}
