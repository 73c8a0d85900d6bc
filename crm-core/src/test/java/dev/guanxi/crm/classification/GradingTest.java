package dev.guanxi.crm.classification;

import static dev.guanxi.crm.classification.Bases.DAY;
import static dev.guanxi.crm.classification.Bases.USD;
import static dev.guanxi.crm.classification.Bases.dollars;
import static dev.guanxi.crm.classification.Bases.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GradingTest {
    private static final AbcGrading SALES = AbcGrading.of(ValueMeasure.salesOnly(), GradeCutoffs.defaults());

    private static Grading gradeOn(LocalDate asOf, long[] dollarsById) {
        CustomerBase.Builder b = CustomerBase.builder(asOf, USD);
        int day = (int) asOf.toEpochDay();
        for (int n = 1; n < dollarsById.length; n++) {
            if (dollarsById[n] >= 0) {
                b.purchase(id(n), day - 1, dollarsById[n] * 100);
            }
        }
        return SALES.grade(b.build());
    }

    @Test
    @DisplayName("counts, value shares and the Pareto curve by hand")
    void countsSharesCurve() {
        // 500, 350, 100, 50 -> KEY, KEY, ORDINARY, SMALL (see AbcGradingTest)
        Grading grading = SALES.grade(dollars(500, 350, 100, 50));

        Map<CustomerGrade, Integer> counts = grading.counts();
        assertThat(counts)
                .containsExactly(
                        Map.entry(CustomerGrade.KEY, 2),
                        Map.entry(CustomerGrade.ORDINARY, 1),
                        Map.entry(CustomerGrade.SMALL, 1));
        // KEY (500 + 350) / 1000 = 0.85; ORDINARY 0.10; SMALL 0.05
        Map<CustomerGrade, Double> shares = grading.valueShares();
        assertThat(shares.get(CustomerGrade.KEY)).isCloseTo(0.85, within(1e-15));
        assertThat(shares.get(CustomerGrade.ORDINARY)).isCloseTo(0.10, within(1e-15));
        assertThat(shares.get(CustomerGrade.SMALL)).isCloseTo(0.05, within(1e-15));
        // after the 1, 2, 3, 4 best: 0.50, 0.85, 0.95, 1.00
        double[] curve = grading.paretoCurve();
        assertThat(curve).containsExactly(new double[] {0.50, 0.85, 0.95, 1.00}, within(1e-15));
    }

    @Test
    @DisplayName("customers without positive value get no share and leave the curve flat at 1")
    void nonPositiveShares() {
        CustomerBase.Builder b = Bases.builder();
        b.purchase(id(1), DAY - 1, 300_00);
        b.purchase(id(2), DAY - 1, 100_00);
        int three = b.customer(id(3));
        b.purchase(three, DAY - 1, 10_00).overdue(three, 20_00);
        Grading grading = AbcGrading.defaults().grade(b.build());

        // measures 300, 100, -10; positive total 400: curve 0.75, 1, 1
        assertThat(grading.paretoCurve()).containsExactly(new double[] {0.75, 1.0, 1.0}, within(1e-15));
        assertThat(grading.valueShares().get(CustomerGrade.SMALL)).isEqualTo(0.0);
    }

    @Test
    @DisplayName("the Pareto curve ends at exactly 1 and the last tie group's cumulative share is exactly 1")
    void curveEndsAtOne() {
        // 0.10, 0.20, 0.30 dollars: added in this order their double sum is 0.6000000000000001, in rank order 0.6
        CustomerBase.Builder b = Bases.builder();
        b.purchase(id(1), DAY - 1, 10);
        b.purchase(id(2), DAY - 1, 20);
        b.purchase(id(3), DAY - 1, 30);
        Grading grading = SALES.grade(b.build());

        double[] curve = grading.paretoCurve();
        assertThat(curve[2]).isEqualTo(1.0);
        assertThat(grading.find(id(1)).orElseThrow().cumulativeShare()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("the ranking lists every customer best first with its line")
    void ranking() {
        Grading grading = SALES.grade(dollars(100, 500, 300));

        List<GradedCustomer> ranking = grading.ranking();
        assertThat(ranking).extracting(GradedCustomer::customerId).containsExactly(id(2), id(3), id(1));
        assertThat(ranking).extracting(GradedCustomer::rank).containsExactly(1, 2, 3);
        assertThat(ranking.get(0).grade()).isEqualTo(CustomerGrade.KEY);
        assertThatThrownBy(() -> ranking.add(ranking.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(grading.measure()).isEqualTo(ValueMeasure.salesOnly());
        assertThat(grading.cutoffs()).isEqualTo(GradeCutoffs.defaults());
    }

    @Test
    @DisplayName("changes between two gradings: upgrades, downgrades, a new customer (from null), none for the gone")
    void changes() {
        // January: 1: 500, 2: 350, 3: 100, 4: 50, 6: 0 -> KEY, KEY, ORDINARY, SMALL, SMALL (see AbcGradingTest)
        Grading january = gradeOn(LocalDate.of(2024, 1, 31), new long[] {-1, 500, 350, 100, 50, -1, 0});
        // June: 1: 100, 2: 350, 3: 500, 4: 40, 5: 10; total 1,000
        // 3: above 0 KEY; 2: above 0.5 KEY; 1: above 0.85 ORDINARY; 4: above 0.95 SMALL; 5: above 0.99 SMALL
        Grading june = gradeOn(LocalDate.of(2024, 6, 30), new long[] {-1, 100, 350, 500, 40, 10});

        List<GradeChange> changes = june.changesSince(january);
        // in June's rank order: 3 (ORDINARY -> KEY), 1 (KEY -> ORDINARY), 5 (new, SMALL); 2 and 4 kept their grade,
        // 6 is gone and not listed
        assertThat(changes)
                .containsExactly(
                        new GradeChange(id(3), CustomerGrade.ORDINARY, CustomerGrade.KEY),
                        new GradeChange(id(1), CustomerGrade.KEY, CustomerGrade.ORDINARY),
                        new GradeChange(id(5), null, CustomerGrade.SMALL));
        assertThat(june.upgradesSince(january)).containsExactly(changes.get(0));
        assertThat(june.downgradesSince(january)).containsExactly(changes.get(1));
        GradeChange fresh = changes.get(2);
        assertThat(fresh.isUpgrade()).isFalse();
        assertThat(fresh.isDowngrade()).isFalse();
        assertThat(june.changesSince(june)).isEmpty();
    }

    @Test
    @DisplayName("a grade change to the same grade is refused; a change needs a customer and a new grade")
    void gradeChangeValidation() {
        assertThatThrownBy(() -> new GradeChange(id(1), CustomerGrade.KEY, CustomerGrade.KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GradeChange(id(1), CustomerGrade.KEY, null))
                .isInstanceOf(NullPointerException.class);
        assertThat(CustomerGrade.KEY.isBetterThan(CustomerGrade.ORDINARY)).isTrue();
        assertThat(CustomerGrade.SMALL.isBetterThan(CustomerGrade.ORDINARY)).isFalse();
        assertThat(CustomerGrade.SMALL.isBetterThan(CustomerGrade.SMALL)).isFalse();
    }
}
