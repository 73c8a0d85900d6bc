package dev.guanxi.crm.classification;

import static dev.guanxi.crm.classification.Bases.AS_OF;
import static dev.guanxi.crm.classification.Bases.DAY;
import static dev.guanxi.crm.classification.Bases.builder;
import static dev.guanxi.crm.classification.Bases.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SelectionMatrixTest {
    /** A stand-in for the credit rule: scores 0..100 from the host column "creditScore". */
    private static final ClassificationRule CREDIT = new ClassificationRule() {
        @Override
        public String name() {
            return "credit";
        }

        @Override
        public Classifications classify(CustomerBase base, ClassificationContext context) {
            double[] scores = base.column("creditScore").orElseThrow();
            String[] labels = new String[base.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = scores[i] >= 50 ? "GOOD" : "POOR";
            }
            return Classifications.builder("credit", base)
                    .labels(labels)
                    .scores(scores)
                    .build();
        }
    };

    /**
     * Four customers, sales 700, 200, 60 (in two purchases) and 40 dollars (in two purchases); total 1,000.
     *
     * <pre>
     * customer  above  value         credit  cases/purchases   strategic  fit
     * 1         0      1.00          90      0 / 1 -> 1        0.8        (0.9 + 1 + 0.8) / 3 = 0.9
     * 2         0.70   0.30          30      3 / 1 -> 0.25     0.2        (0.3 + 0.25 + 0.2) / 3 = 0.25
     * 3         0.90   0.10          80      0 / 2 -> 1        0.6        (0.8 + 1 + 0.6) / 3 = 0.8
     * 4         0.96   0.04          10      4 / 2 -> 1/3      0.1        (0.1 + 1/3 + 0.1) / 3 = 0.17778
     * </pre>
     *
     * cost to serve = 1 / (1 + cases / purchases)
     */
    private static CustomerBase fourCustomers() {
        CustomerBase.Builder b = builder();
        b.purchase(id(1), DAY - 10, 700_00);
        b.purchase(id(2), DAY - 10, 200_00);
        b.purchase(id(3), DAY - 20, 30_00).purchase(id(3), DAY - 10, 30_00);
        b.purchase(id(4), DAY - 20, 20_00).purchase(id(4), DAY - 10, 20_00);
        b.column("creditScore", new double[] {90, 30, 80, 10});
        b.column("serviceCases", new double[] {0, 3, 0, 4});
        b.column("strategicFit", new double[] {0.8, 0.2, 0.6, 0.1});
        return b.build();
    }

    private static Classifications withCredit(CustomerBase base, SelectionMatrix matrix) {
        ScoringResult result = CustomerScoring.builder()
                .add(AbcGrading.defaults())
                .add(CREDIT)
                .add(matrix)
                .build()
                .classify(base);
        return result.result("matrix").orElseThrow();
    }

    @Test
    @DisplayName("the four quadrants by hand: value from the grading, fit from credit, cost to serve and strategy")
    void fourQuadrants() {
        Classifications c = withCredit(fourCustomers(), SelectionMatrix.defaults());

        assertThat(List.of(c.label(0), c.label(1), c.label(2), c.label(3)))
                .containsExactly("FOCUS", "OPPORTUNISTIC", "PASSIVE", "ABANDON");
        assertThat(c.metric("value", 0)).isEqualTo(1.0);
        assertThat(c.metric("value", 1)).isCloseTo(0.30, within(1e-12));
        assertThat(c.metric("value", 2)).isCloseTo(0.10, within(1e-12));
        assertThat(c.metric("value", 3)).isCloseTo(0.04, within(1e-12));
        assertThat(c.metric("fit", 0)).isCloseTo(0.9, within(1e-12));
        assertThat(c.metric("fit", 1)).isCloseTo(0.25, within(1e-12));
        assertThat(c.metric("fit", 2)).isCloseTo(0.8, within(1e-12));
        assertThat(c.metric("fit", 3)).isCloseTo((0.1 + 1.0 / 3 + 0.1) / 3, within(1e-12));
        assertThat(c.score(3)).isEqualTo(c.metric("fit", 3));
        assertThat(c.metricNames()).containsExactly("value", "fit", "paymentBehaviour", "costToServe", "strategicFit");
        assertThat(c.metric("paymentBehaviour", 1)).isCloseTo(0.3, within(1e-12));
        assertThat(c.metric("costToServe", 3)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    @DisplayName("contributions split the fit by normalised weight and add up to it; the reason says why")
    void explained() {
        Classifications c = withCredit(fourCustomers(), SelectionMatrix.defaults());

        Classification second = c.explain(1);
        assertThat(second.contributions())
                .extracting(Contribution::factor)
                .containsExactly("paymentBehaviour", "costToServe", "strategicFit");
        assertThat(second.contributions())
                .allSatisfy(p -> assertThat(p.weight()).isCloseTo(1.0 / 3, within(1e-12)));
        double sum = second.contributions().stream()
                .mapToDouble(Contribution::points)
                .sum();
        assertThat(sum).isCloseTo(0.25, within(1e-12));
        assertThat(second.contributions().get(0).note()).isEqualTo("fit 0.30");
        assertThat(second.reason())
                .isEqualTo("OPPORTUNISTIC: value 0.30 is high (threshold 0.20, from the 80/20 grading), fit 0.25 is low"
                        + " (threshold 0.50); standard service, contact at least every 30 days");
        assertThat(c.explain(3).reason()).endsWith("minimal service, no proactive contact");
        assertThat(c.explain(2).reason()).contains("low-cost service, contact at least every 90 days");
    }

    @Test
    @DisplayName("with the default grading, high value is exactly the key customers")
    void highValueIsKey() {
        CustomerBase base = fourCustomers();
        ScoringResult result = CustomerScoring.defaults().classify(base);
        Classifications abc = result.result("abc").orElseThrow();
        Classifications matrix = result.result("matrix").orElseThrow();

        for (int i = 0; i < base.size(); i++) {
            boolean key = abc.label(i).equals("KEY");
            boolean high = matrix.label(i).equals("FOCUS") || matrix.label(i).equals("OPPORTUNISTIC");
            assertThat(high).as("customer %d", i).isEqualTo(key);
        }
    }

    @Test
    @DisplayName("unknown criteria are left out and their weight redistributed; all unknown gives fit 0.5")
    void unknownCriteria() {
        CustomerBase.Builder b = builder();
        int one = b.customer(id(1));
        b.purchase(one, DAY - 10, 100_00).overdue(one, 25_00);
        b.purchase(id(2), DAY - 10, 200_00);
        b.customer(id(3));
        b.column("strategicFit", new double[] {Double.NaN, 0.4, Double.NaN});
        CustomerBase base = b.build();
        // no credit rule: payment = 1 - overdue / sales; no serviceCases column: cost to serve unknown
        // 1: payment 1 - 25/100 = 0.75, strategy unknown -> fit 0.75
        // 2: payment 1, strategy 0.4 -> (1 + 0.4) / 2 = 0.7
        // 3: no sales (payment unknown), strategy unknown -> 0.5
        Classifications c = SelectionMatrix.defaults().classify(base, ClassificationContext.of(AS_OF));

        assertThat(c.metric("fit", 0)).isCloseTo(0.75, within(1e-12));
        assertThat(c.metric("fit", 1)).isCloseTo(0.7, within(1e-12));
        assertThat(c.metric("fit", 2)).isEqualTo(0.5);
        assertThat(c.metric("costToServe", 0)).isNaN();
        assertThat(c.metric("paymentBehaviour", 2)).isNaN();
        List<Contribution> first = c.explain(0).contributions();
        assertThat(first).extracting(Contribution::weight).containsExactly(1.0, 0.0, 0.0);
        assertThat(first.get(1).note()).isEqualTo("unknown, left out");
        assertThat(first.get(1).points()).isZero();
        List<Contribution> second = c.explain(1).contributions();
        assertThat(second).extracting(Contribution::weight).containsExactly(0.5, 0.0, 0.5);
        assertThat(second.get(2).points()).isCloseTo(0.2, within(1e-12));
        assertThat(c.explain(2).contributions())
                .extracting(Contribution::weight)
                .containsOnly(0.0);
        // without a purchase the customer has no value: low value, fit 0.5 is high -> PASSIVE
        assertThat(c.label(2)).isEqualTo("PASSIVE");
    }

    @Test
    @DisplayName("the CLV value axis is the mid-rank percentile among known CLVs; unknown CLV is value 0")
    void lifetimeValueAxis() {
        CustomerBase.Builder b = builder();
        double[] clv = {10, 20, 20, 40, Double.NaN};
        for (int k = 0; k < clv.length; k++) {
            int i = b.customer(id(k + 1));
            b.model(i, Double.NaN, clv[k]);
        }
        CustomerBase base = b.build();
        SelectionMatrix matrix = SelectionMatrix.builder()
                .valueAxis(SelectionMatrix.ValueAxis.LIFETIME_VALUE)
                .build();
        // 4 known: 10 -> (0 + 0.5) / 4 = 0.125; 20, 20 -> (1 + 1) / 4 = 0.5; 40 -> (3 + 0.5) / 4 = 0.875
        Classifications c = matrix.classify(base, ClassificationContext.of(AS_OF));

        assertThat(List.of(c.metric("value", 0), c.metric("value", 1), c.metric("value", 2), c.metric("value", 3)))
                .containsExactly(0.125, 0.5, 0.5, 0.875);
        assertThat(c.metric("value", 4)).isZero();
        assertThat(c.explain(3).reason()).contains("from CLV percentile");
    }

    @Test
    @DisplayName("a value or fit exactly at its threshold is high")
    void exactThresholds() {
        CustomerBase.Builder b = builder();
        double[] clv = {10, 20, 20, 40};
        for (int k = 0; k < clv.length; k++) {
            b.model(b.customer(id(k + 1)), Double.NaN, clv[k]);
        }
        b.column("strategicFit", new double[] {0.5, 0.5, 0.49, 0.5});
        CustomerBase base = b.build();
        SelectionMatrix matrix = SelectionMatrix.builder()
                .valueAxis(SelectionMatrix.ValueAxis.LIFETIME_VALUE)
                .valueThreshold(0.5)
                .fitThreshold(0.5)
                .criterion(FitCriterion.strategicFit(), 1)
                .build();
        // values 0.125, 0.5, 0.5, 0.875; fits 0.5, 0.5, 0.49, 0.5
        Classifications c = matrix.classify(base, ClassificationContext.of(AS_OF));

        assertThat(List.of(c.label(0), c.label(1), c.label(2), c.label(3)))
                .containsExactly("PASSIVE", "FOCUS", "OPPORTUNISTIC", "FOCUS");
    }

    @Test
    @DisplayName("a value from the grading exactly at the threshold is high: 1 - 0.6 = 0.4")
    void exactGradingThreshold() {
        // 60, 20, 20: above 0, 0.6, 0.6 -> values 1, 0.4, 0.4
        CustomerBase base = Bases.dollars(60, 20, 20);
        SelectionMatrix matrix = SelectionMatrix.builder().valueThreshold(0.4).build();
        Classifications c = matrix.classify(base, ClassificationContext.of(AS_OF));

        assertThat(c.metric("value", 1)).isEqualTo(0.4);
        assertThat(c.label(1)).isEqualTo("FOCUS"); // payment fit 1 (no overdue)
        assertThat(SelectionMatrix.builder()
                        .valueThreshold(0.41)
                        .build()
                        .classify(base, ClassificationContext.of(AS_OF))
                        .label(1))
                .isEqualTo("PASSIVE");
    }

    @Test
    @DisplayName("the grading axis reads an earlier abc rule's result, not the default grading")
    void readsEarlierGrading() {
        CustomerBase.Builder b = builder();
        b.purchase(id(1), DAY - 10, 500_00);
        int two = b.customer(id(2));
        b.purchase(two, DAY - 10, 500_00).overdue(two, 400_00);
        CustomerBase base = b.build();
        // default measure (sales - overdue): 500, 100 -> customer 2 above 500/600 = 0.833 -> value 0.1667
        // sales only: 500, 500 -> tied, nothing above -> value 1
        Classifications byDefault = SelectionMatrix.defaults().classify(base, ClassificationContext.of(AS_OF));
        Classifications afterSalesOnly = CustomerScoring.builder()
                .add(AbcGrading.of(ValueMeasure.salesOnly(), GradeCutoffs.defaults()))
                .add(SelectionMatrix.defaults())
                .build()
                .classify(base)
                .result("matrix")
                .orElseThrow();

        assertThat(byDefault.metric("value", 1)).isCloseTo(1 - 500.0 / 600, within(1e-12));
        assertThat(afterSalesOnly.metric("value", 1)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("a custom criterion replaces the defaults; weights are relative")
    void customCriteria() {
        CustomerBase.Builder b = builder();
        b.purchase(id(1), DAY - 10, 100_00);
        b.column("distance", new double[] {0.2});
        b.column("strategicFit", new double[] {1.0});
        CustomerBase base = b.build();
        SelectionMatrix matrix = SelectionMatrix.builder()
                .criterion(FitCriterion.column("distance"), 3)
                .criterion(FitCriterion.strategicFit(), 1)
                .build();
        // (3 x 0.2 + 1 x 1.0) / 4 = 0.4; the default payment behaviour (1 here) is gone
        Classifications c = matrix.classify(base, ClassificationContext.of(AS_OF));

        assertThat(c.metricNames()).containsExactly("value", "fit", "distance", "strategicFit");
        assertThat(c.metric("fit", 0)).isCloseTo(0.4, within(1e-12));
        assertThat(c.explain(0).contributions())
                .extracting(Contribution::weight)
                .containsExactly(0.75, 0.25);
    }

    @Test
    @DisplayName("a host column criterion clamps its values to [0, 1]")
    void columnClamps() {
        CustomerBase.Builder b = builder();
        b.customer(id(1));
        b.customer(id(2));
        b.column("distance", new double[] {-3, 7});
        CustomerBase base = b.build();
        FitCriterion distance = FitCriterion.column("distance");
        ClassificationContext context = ClassificationContext.of(AS_OF);

        assertThat(distance.fit(base, 0, context)).isZero();
        assertThat(distance.fit(base, 1, context)).isEqualTo(1.0);
        assertThat(FitCriterion.column("missing").fit(base, 0, context)).isNaN();
    }

    @Test
    @DisplayName("the same criterion name twice is refused: criterion DUPLICATE")
    void duplicateCriterion() {
        SelectionMatrix.Builder b = SelectionMatrix.builder().criterion(FitCriterion.column("distance"), 1);

        assertThatThrownBy(() -> b.criterion(FitCriterion.column("distance"), 2))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("criterion");
                    assertThat(e.rule()).isEqualTo(ValidationRule.DUPLICATE);
                });
    }

    @Test
    @DisplayName("a criterion named like the matrix's own metrics (value, fit) is refused: criterion DUPLICATE")
    void criterionNameClash() {
        // it would silently replace the stored overall fit (or value) by its own column
        for (String name : List.of("value", "fit")) {
            assertThatThrownBy(() -> SelectionMatrix.builder().criterion(FitCriterion.column(name), 1))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("criterion");
                        assertThat(e.rule()).isEqualTo(ValidationRule.DUPLICATE);
                    });
        }
    }

    @Test
    @DisplayName("a criterion name that cannot be a metric name is refused when added: criterion INVALID_FORMAT")
    void criterionNameFormat() {
        for (String name : List.of("service_cases", "Distance", "x".repeat(32), "")) {
            assertThatThrownBy(() -> SelectionMatrix.builder().criterion(FitCriterion.column(name), 1))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("criterion");
                        assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_FORMAT);
                    });
        }
    }

    @Test
    @DisplayName("bad weights and thresholds are refused naming them: OUT_OF_RANGE")
    void badSettings() {
        assertInvalid(() -> SelectionMatrix.builder().criterion(FitCriterion.strategicFit(), 0), "weight");
        assertInvalid(() -> SelectionMatrix.builder().criterion(FitCriterion.strategicFit(), Double.NaN), "weight");
        assertInvalid(() -> SelectionMatrix.builder().valueThreshold(1.5), "valueThreshold");
        assertInvalid(() -> SelectionMatrix.builder().fitThreshold(-0.1), "fitThreshold");
        assertInvalid(() -> SelectionMatrix.builder().fitThreshold(Double.NaN), "fitThreshold");
        assertInvalid(() -> new Treatment(Treatment.ServiceLevel.STANDARD, -1, ""), "contactEveryDays");
        assertInvalid(() -> new Treatment(Treatment.ServiceLevel.STANDARD, 3661, ""), "contactEveryDays");
    }

    private static void assertInvalid(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
        });
    }

    @Test
    @DisplayName("a quadrant's treatment can be overridden; the others keep their defaults")
    void treatmentOverride() {
        Treatment weekly = new Treatment(Treatment.ServiceLevel.STANDARD, 7, "weekly call");
        SelectionMatrix matrix = SelectionMatrix.builder()
                .treatment(MatrixQuadrant.FOCUS, weekly)
                .build();
        Classifications c = withCredit(fourCustomers(), matrix);

        assertThat(matrix.treatment(MatrixQuadrant.FOCUS)).isEqualTo(weekly);
        assertThat(matrix.treatment(MatrixQuadrant.ABANDON))
                .isEqualTo(SelectionMatrix.defaultTreatments().get(MatrixQuadrant.ABANDON));
        assertThat(c.explain(0).reason()).endsWith("standard service, contact at least every 7 days");
        assertThat(SelectionMatrix.defaults().treatment(MatrixQuadrant.FOCUS).serviceLevel())
                .isEqualTo(Treatment.ServiceLevel.DEDICATED);
    }

    @Test
    @DisplayName("a criterion returning 1.5 is a programming error: IllegalStateException naming it")
    void criterionOutOfRange() {
        FitCriterion broken = new FitCriterion() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public double fit(CustomerBase base, int i, ClassificationContext context) {
                return 1.5;
            }
        };
        SelectionMatrix matrix = SelectionMatrix.builder().criterion(broken, 1).build();

        assertThatThrownBy(() -> matrix.classify(Bases.dollars(10), ClassificationContext.of(AS_OF)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken")
                .hasMessageContaining("1.5");
    }

    @Test
    @DisplayName("the quadrant of value x fit")
    void quadrantOf() {
        assertThat(MatrixQuadrant.of(true, true)).isEqualTo(MatrixQuadrant.FOCUS);
        assertThat(MatrixQuadrant.of(true, false)).isEqualTo(MatrixQuadrant.OPPORTUNISTIC);
        assertThat(MatrixQuadrant.of(false, true)).isEqualTo(MatrixQuadrant.PASSIVE);
        assertThat(MatrixQuadrant.of(false, false)).isEqualTo(MatrixQuadrant.ABANDON);
    }

    @Test
    @DisplayName("an empty base gives no results")
    void emptyBase() {
        Classifications c = SelectionMatrix.defaults().classify(builder().build(), ClassificationContext.of(AS_OF));

        assertThat(c.size()).isZero();
    }
}
