package dev.guanxi.crm.classification;

import static dev.guanxi.crm.classification.Bases.DAY;
import static dev.guanxi.crm.classification.Bases.builder;
import static dev.guanxi.crm.classification.Bases.dollars;
import static dev.guanxi.crm.classification.Bases.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AbcGradingTest {
    private static final AbcGrading SALES = AbcGrading.of(ValueMeasure.salesOnly(), GradeCutoffs.defaults());

    private static GradedCustomer line(Grading grading, int n) {
        return grading.find(id(n)).orElseThrow();
    }

    private static CustomerGrade grade(Grading grading, int n) {
        return grading.grade(id(n)).orElseThrow();
    }

    @Test
    @DisplayName("cumulative share 80/95 by hand: the customer who crosses 80% is key, exactly 95% above is small")
    void cumulativeShareByHand() {
        // 500, 350, 100, 50 dollars; total 1,000
        // 1: above 0            -> KEY        (cumulative 0.50)
        // 2: above 500/1000=0.50 -> KEY        (cumulative 0.85: crosses the 80% line, still key)
        // 3: above 850/1000=0.85 -> ORDINARY   (cumulative 0.95)
        // 4: above 950/1000=0.95 -> SMALL      (0.95 is not below the 95% cut-off)
        Grading grading = SALES.grade(dollars(500, 350, 100, 50));

        assertThat(grade(grading, 1)).isEqualTo(CustomerGrade.KEY);
        assertThat(grade(grading, 2)).isEqualTo(CustomerGrade.KEY);
        assertThat(grade(grading, 3)).isEqualTo(CustomerGrade.ORDINARY);
        assertThat(grade(grading, 4)).isEqualTo(CustomerGrade.SMALL);
        GradedCustomer second = line(grading, 2);
        assertThat(second.rank()).isEqualTo(2);
        assertThat(second.measure()).isEqualTo(350.0);
        assertThat(second.shareAbove()).isCloseTo(0.50, within(1e-15));
        assertThat(second.cumulativeShare()).isCloseTo(0.85, within(1e-15));
        assertThat(grading.totalValue()).isEqualTo(1000.0);
        assertThat(grading.asOf()).isEqualTo(Bases.AS_OF);
        assertThat(grading.size()).isEqualTo(4);
    }

    @Test
    @DisplayName("a customer with exactly 80% of the value above it is ordinary")
    void exactlyAtKeyCutoff() {
        // 500, 300, 150, 50: customer 3 has (500 + 300) / 1000 = 0.80 above -> not below 0.80 -> ORDINARY
        Grading grading = SALES.grade(dollars(500, 300, 150, 50));

        assertThat(grade(grading, 2)).isEqualTo(CustomerGrade.KEY);
        assertThat(grade(grading, 3)).isEqualTo(CustomerGrade.ORDINARY);
        assertThat(line(grading, 3).shareAbove()).isEqualTo(0.8);
        // customer 4: (500 + 300 + 150) / 1000 = 0.95 above -> not below 0.95 -> SMALL
        assertThat(grade(grading, 4)).isEqualTo(CustomerGrade.SMALL);
    }

    @Test
    @DisplayName("ties share a rank (1, 2, 2, 4) and a grade")
    void tiesShareRankAndGrade() {
        // 500, 200, 200, 100: above 0, 0.5, 0.5, 0.9 -> KEY, KEY, KEY, ORDINARY; ranks 1, 2, 2, 4
        Grading grading = SALES.grade(dollars(500, 200, 200, 100));

        assertThat(List.of(
                        line(grading, 1).rank(),
                        line(grading, 2).rank(),
                        line(grading, 3).rank(),
                        line(grading, 4).rank()))
                .containsExactly(1, 2, 2, 4);
        assertThat(grade(grading, 2)).isEqualTo(CustomerGrade.KEY);
        assertThat(grade(grading, 3)).isEqualTo(CustomerGrade.KEY);
        assertThat(grade(grading, 4)).isEqualTo(CustomerGrade.ORDINARY);
        // both tied customers: (500 + 200 + 200) / 1000 = 0.9 at or above them
        assertThat(line(grading, 2).cumulativeShare()).isCloseTo(0.9, within(1e-15));
        assertThat(line(grading, 3).cumulativeShare()).isCloseTo(0.9, within(1e-15));
    }

    @Test
    @DisplayName("a tie group straddling the 80% line is key as a whole: placed by what lies strictly above it")
    void tieGroupAcrossCutoff() {
        // 700, 100, 100, 100: the three tied customers all have 700/1000 = 0.7 above -> all KEY
        // (one after the other they would have 0.7, 0.8 and 0.9 above: KEY, ORDINARY, ORDINARY)
        Grading grading = SALES.grade(dollars(700, 100, 100, 100));

        assertThat(grading.counts()).containsEntry(CustomerGrade.KEY, 4);
        assertThat(line(grading, 4).rank()).isEqualTo(2);
        assertThat(line(grading, 4).shareAbove()).isCloseTo(0.7, within(1e-15));
    }

    @Test
    @DisplayName("equal measures are listed in customer-id order whatever the order they were added in")
    void tiesInIdOrder() {
        CustomerBase.Builder b = builder();
        b.purchase(id(3), DAY - 1, 100);
        b.purchase(id(1), DAY - 1, 100);
        b.purchase(id(2), DAY - 1, 100);
        b.purchase(id(9), DAY - 1, 500);
        Grading grading = SALES.grade(b.build());

        List<CustomerId> order =
                grading.ranking().stream().map(GradedCustomer::customerId).toList();
        assertThat(order).containsExactly(id(9), id(1), id(2), id(3));
    }

    @Test
    @DisplayName("rank percentile 20/50 by hand, with a tie: the fraction of customers strictly above decides")
    void rankPercentileByHand() {
        AbcGrading grading = AbcGrading.of(ValueMeasure.salesOnly(), GradeCutoffs.rankPercentile(0.2, 0.5));
        // 10 customers: 100, 90, 90, 80, 70, 60, 50, 40, 30, 20; customers strictly above / 10:
        // 1: 0/10          KEY
        // 2, 3: 1/10       KEY (tied, rank 2)
        // 4: 3/10          ORDINARY
        // 5: 4/10          ORDINARY
        // 6: 5/10 = 0.5    SMALL (not below 0.5)
        // 7 .. 10          SMALL
        Grading g = grading.grade(dollars(100, 90, 90, 80, 70, 60, 50, 40, 30, 20));

        assertThat(List.of(grade(g, 1), grade(g, 2), grade(g, 3), grade(g, 4), grade(g, 5), grade(g, 6), grade(g, 10)))
                .containsExactly(
                        CustomerGrade.KEY,
                        CustomerGrade.KEY,
                        CustomerGrade.KEY,
                        CustomerGrade.ORDINARY,
                        CustomerGrade.ORDINARY,
                        CustomerGrade.SMALL,
                        CustomerGrade.SMALL);
        assertThat(line(g, 3).rank()).isEqualTo(2);
        assertThat(line(g, 4).rank()).isEqualTo(4);
    }

    @Test
    @DisplayName("with rank percentile cut-offs the reason gives the fraction of customers above, not of value")
    void rankPercentileReason() {
        AbcGrading grading = AbcGrading.of(ValueMeasure.salesOnly(), GradeCutoffs.rankPercentile(0.2, 0.5));
        // customer 4 (80): 3 of 10 customers above = 30.0% (their value share would be 280/630 = 44.4%)
        Grading g = grading.grade(dollars(100, 90, 90, 80, 70, 60, 50, 40, 30, 20));

        String reason = line(g, 4).reason();
        assertThat(reason)
                .startsWith("ORDINARY")
                .contains("rank 4 of 10")
                .contains("30.0% of all customers")
                .contains("50% ordinary cut-off");
    }

    @Test
    @DisplayName("the reason names the grade, the rank and the cut-off")
    void reasonText() {
        Grading grading = SALES.grade(dollars(500, 350, 100, 50, 0));

        assertThat(line(grading, 2).reason())
                .isEqualTo("KEY: rank 2 of 5, value 350.00 USD; customers ranked above hold 50.0% of the total"
                        + " value, below the 80% key cut-off");
        assertThat(line(grading, 3).reason())
                .startsWith("ORDINARY: rank 3 of 5")
                .contains("85.0%")
                .contains("below the 95% ordinary cut-off");
        assertThat(line(grading, 4).reason())
                .startsWith("SMALL: rank 4 of 5")
                .contains("95.0%")
                .contains("at or above the 95% ordinary cut-off");
        assertThat(line(grading, 5).reason()).isEqualTo("SMALL: value 0.00 USD is not positive (rank 5 of 5)");
    }

    @Test
    @DisplayName("customers without positive value are small: no purchase, or more overdue than bought")
    void nonPositiveIsSmall() {
        CustomerBase.Builder b = builder();
        b.purchase(id(1), DAY - 5, 100_00);
        b.customer(id(2));
        int three = b.customer(id(3));
        b.purchase(three, DAY - 5, 100_00).overdue(three, 150_00);
        // default measure = sales - overdue: 100, 0, 100 - 150 = -50
        Grading grading = AbcGrading.defaults().grade(b.build());

        assertThat(grade(grading, 1)).isEqualTo(CustomerGrade.KEY);
        assertThat(grade(grading, 2)).isEqualTo(CustomerGrade.SMALL);
        assertThat(grade(grading, 3)).isEqualTo(CustomerGrade.SMALL);
        assertThat(line(grading, 3).measure()).isEqualTo(-50.0);
        assertThat(line(grading, 3).rank()).isEqualTo(3);
        // the total counts positive measures only: 100
        assertThat(grading.totalValue()).isEqualTo(100.0);
        assertThat(line(grading, 3).shareAbove()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("an empty base grades to nothing")
    void emptyBase() {
        Grading grading = SALES.grade(builder().build());

        assertThat(grading.size()).isZero();
        assertThat(grading.ranking()).isEmpty();
        assertThat(grading.paretoCurve()).isEmpty();
        assertThat(grading.counts()).containsEntry(CustomerGrade.KEY, 0).containsEntry(CustomerGrade.SMALL, 0);
        assertThat(grading.valueShares()).containsEntry(CustomerGrade.KEY, 0.0);
        assertThat(grading.totalValue()).isZero();
        assertThat(grading.find(id(1))).isEmpty();
    }

    @Test
    @DisplayName("a single customer with value is key under both methods; without value it is small")
    void singleCustomer() {
        Grading share = SALES.grade(dollars(42));
        Grading percentile = AbcGrading.of(ValueMeasure.salesOnly(), GradeCutoffs.rankPercentile(0.2, 0.5))
                .grade(dollars(42));
        Grading nothing = SALES.grade(dollars(0));

        // share above 0 < 0.8; fraction above 0/1 = 0 < 0.2
        assertThat(grade(share, 1)).isEqualTo(CustomerGrade.KEY);
        assertThat(line(share, 1).cumulativeShare()).isEqualTo(1.0);
        assertThat(grade(percentile, 1)).isEqualTo(CustomerGrade.KEY);
        assertThat(grade(nothing, 1)).isEqualTo(CustomerGrade.SMALL);
    }

    @Test
    @DisplayName("customers all equal are all key with rank 1 (all zero: all small)")
    void allEqual() {
        Grading equal = SALES.grade(dollars(250, 250, 250, 250));
        Grading zero = SALES.grade(dollars(0, 0, 0));

        assertThat(equal.counts()).containsEntry(CustomerGrade.KEY, 4);
        assertThat(equal.ranking()).allSatisfy(c -> assertThat(c.rank()).isEqualTo(1));
        assertThat(zero.counts()).containsEntry(CustomerGrade.SMALL, 3);
        assertThat(zero.paretoCurve()).containsExactly(0, 0, 0);
    }

    @Test
    @DisplayName("overdue receivables lower the measure: equal buyers, the one with arrears ranks lower")
    void overdueLowersMeasure() {
        CustomerBase.Builder b = builder();
        int one = b.customer(id(1));
        int two = b.customer(id(2));
        b.purchase(one, DAY - 5, 1_000_00).overdue(one, 300_00);
        b.purchase(two, DAY - 5, 1_000_00);
        CustomerBase base = b.build();
        Grading grading = AbcGrading.defaults().grade(base);

        // 1,000 - 300 = 700; 1,000 - 0 = 1,000
        assertThat(line(grading, 1).measure()).isEqualTo(700.0);
        assertThat(line(grading, 2).measure()).isEqualTo(1000.0);
        assertThat(line(grading, 2).rank()).isEqualTo(1);
        assertThat(line(grading, 1).rank()).isEqualTo(2);
        List<Contribution> parts = AbcGrading.defaults().contributions(base, 0);
        assertThat(parts).extracting(Contribution::factor).containsExactly("sales", "overdue");
        assertThat(parts.get(1).points()).isEqualTo(-300.0);
        assertThat(parts.get(1).note()).isEqualTo("300.00 USD overdue");
    }

    @Test
    @DisplayName("negative margins: margin net of arrears and a sales + half-margin measure, by hand")
    void negativeMargins() {
        CustomerBase.Builder b = builder();
        int one = b.customer(id(1));
        int two = b.customer(id(2));
        int three = b.customer(id(3));
        b.purchase(one, DAY - 5, 1_000_00).margin(one, 300_00);
        b.purchase(two, DAY - 5, 2_000_00).margin(two, -100_00);
        b.purchase(three, DAY - 5, 500_00).margin(three, 200_00).overdue(three, 50_00);
        CustomerBase base = b.build();

        // margin - overdue: 300; -100; 200 - 50 = 150. Positive total 450.
        // 1: above 0 -> KEY; 3: above 300/450 = 0.667 -> KEY; 2: negative -> SMALL
        Grading margin = AbcGrading.of(ValueMeasure.marginNetOfArrears(), GradeCutoffs.defaults())
                .grade(base);
        assertThat(line(margin, 2).measure()).isEqualTo(-100.0);
        assertThat(grade(margin, 2)).isEqualTo(CustomerGrade.SMALL);
        assertThat(line(margin, 3).measure()).isEqualTo(150.0);
        assertThat(grade(margin, 3)).isEqualTo(CustomerGrade.KEY);
        assertThat(margin.totalValue()).isEqualTo(450.0);

        // 1 x sales + 0.5 x margin - 1 x overdue:
        // 1: 1,000 + 150 = 1,150; 2: 2,000 - 50 = 1,950; 3: 500 + 100 - 50 = 550. Total 3,650.
        // 2: above 0 -> KEY; 1: above 1,950/3,650 = 0.534 -> KEY; 3: above 3,100/3,650 = 0.849 -> ORDINARY
        AbcGrading mixed = AbcGrading.of(new ValueMeasure(1, 0.5, 0, 1, 0), GradeCutoffs.defaults());
        Grading g = mixed.grade(base);
        assertThat(line(g, 1).measure()).isEqualTo(1150.0);
        assertThat(line(g, 2).measure()).isEqualTo(1950.0);
        assertThat(line(g, 3).measure()).isEqualTo(550.0);
        assertThat(grade(g, 3)).isEqualTo(CustomerGrade.ORDINARY);
        List<Contribution> parts = mixed.contributions(base, 1);
        assertThat(parts).extracting(Contribution::factor).containsExactly("sales", "margin", "overdue");
        assertThat(parts.get(1).value()).isEqualTo(-100.0);
        assertThat(parts.get(1).points()).isEqualTo(-50.0);
        assertThat(parts.get(1).note()).isEqualTo("-100.00 USD gross margin");
    }

    @Test
    @DisplayName("volume weight values each purchase: 3 purchases x 5 + 90 sales = 105")
    void volumeWeight() {
        CustomerBase.Builder b = builder();
        b.purchase(id(1), DAY - 30, 30_00).purchase(id(1), DAY - 20, 30_00).purchase(id(1), DAY - 10, 30_00);
        CustomerBase base = b.build();
        AbcGrading grading = AbcGrading.of(ValueMeasure.salesOnly().withVolumeWeight(5), GradeCutoffs.defaults());

        assertThat(line(grading.grade(base), 1).measure()).isEqualTo(105.0);
        Contribution volume = grading.contributions(base, 0).get(1);
        assertThat(volume.factor()).isEqualTo("volume");
        assertThat(volume.points()).isEqualTo(15.0);
        assertThat(volume.note()).isEqualTo("3 purchases");
    }

    @Test
    @DisplayName("regularity weighting by hand: regular buyers keep their value, irregular and unknown lose some")
    void regularityWeighting() {
        CustomerBase.Builder b = builder();
        // each buys 300 dollars
        // 1 regular: gaps 10, 10 -> cv 0 -> regularity 1 -> factor 1 - 0.5 + 0.5 x 1 = 1 -> 300
        b.purchase(id(1), DAY - 30, 100_00).purchase(id(1), DAY - 20, 100_00).purchase(id(1), DAY - 10, 100_00);
        // 2 irregular: gaps 4, 16 -> mean 10, population sd 6, cv 0.6 -> regularity 1/1.6 = 0.625
        //   factor 0.5 + 0.5 x 0.625 = 0.8125 -> 300 x 0.8125 = 243.75
        b.purchase(id(2), DAY - 30, 100_00).purchase(id(2), DAY - 26, 100_00).purchase(id(2), DAY - 10, 100_00);
        // 3 two purchases: regularity unknown -> neutral 0.5 -> factor 0.75 -> 225
        b.purchase(id(3), DAY - 30, 150_00).purchase(id(3), DAY - 10, 150_00);
        CustomerBase base = b.build();
        AbcGrading grading = AbcGrading.of(ValueMeasure.salesOnly().withRegularityWeight(0.5), GradeCutoffs.defaults());
        Grading g = grading.grade(base);

        assertThat(line(g, 1).measure()).isCloseTo(300.0, within(1e-9));
        assertThat(line(g, 2).measure()).isCloseTo(243.75, within(1e-9));
        assertThat(line(g, 3).measure()).isCloseTo(225.0, within(1e-9));
        assertThat(g.ranking()).extracting(GradedCustomer::customerId).containsExactly(id(1), id(2), id(3));
        Contribution regularity = grading.contributions(base, 1).get(1);
        // (0.8125 - 1) x 300 = -56.25
        assertThat(regularity.factor()).isEqualTo("regularity");
        assertThat(regularity.value()).isCloseTo(0.625, within(1e-12));
        assertThat(regularity.points()).isCloseTo(-56.25, within(1e-9));
        assertThat(regularity.note()).isEqualTo("regularity 0.63 scales the value by 0.81");
        assertThat(grading.contributions(base, 2).get(1).value()).isEqualTo(ValueMeasure.NEUTRAL_REGULARITY);
    }

    @Test
    @DisplayName("the points of a customer's contributions add up to its measure (within 1e-9)")
    void contributionsAddUp() {
        CustomerBase.Builder b = builder();
        int one = b.customer(id(1));
        b.purchase(one, DAY - 90, 123_45).purchase(one, DAY - 41, 67_89).purchase(one, DAY - 3, 10_01);
        b.margin(one, -12_34).overdue(one, 55_55);
        int two = b.customer(id(2));
        b.purchase(two, DAY - 7, 999_99).margin(two, 400_00);
        b.customer(id(3));
        CustomerBase base = b.build();
        AbcGrading grading = AbcGrading.of(new ValueMeasure(0.7, 1.3, 2.5, 0.9, 0.4), GradeCutoffs.defaults());
        Grading g = grading.grade(base);

        for (int i = 0; i < base.size(); i++) {
            double sum = grading.contributions(base, i).stream()
                    .mapToDouble(Contribution::points)
                    .sum();
            assertThat(sum).isCloseTo(g.find(base.customerId(i)).orElseThrow().measure(), within(1e-9));
        }
        assertThat(grading.contributions(base, 0)).hasSize(5);
    }

    @Test
    @DisplayName("as a rule named abc it labels grades and stores measure, rank, shareAbove and cumulativeShare")
    void asRule() {
        CustomerBase base = dollars(500, 350, 100, 50);
        Classifications c = SALES.classify(base, ClassificationContext.of(base.asOf()));

        assertThat(c.rule()).isEqualTo("abc");
        assertThat(SALES.name()).isEqualTo(AbcGrading.NAME);
        assertThat(c.metricNames()).containsExactly("measure", "rank", "shareAbove", "cumulativeShare");
        assertThat(c.label(1)).isEqualTo("KEY");
        assertThat(c.score(1)).isEqualTo(350.0);
        assertThat(c.metric("rank", 2)).isEqualTo(3.0);
        assertThat(c.metric("shareAbove", 2)).isCloseTo(0.85, within(1e-15));
        assertThat(c.counts())
                .containsEntry("KEY", 2)
                .containsEntry("ORDINARY", 1)
                .containsEntry("SMALL", 1);
        Classification explained = c.explain(3);
        assertThat(explained.customerId()).isEqualTo(id(4));
        assertThat(explained.label()).isEqualTo("SMALL");
        assertThat(explained.reason()).isEqualTo(line(SALES.grade(base), 4).reason());
        assertThat(explained.contributions()).extracting(Contribution::factor).containsExactly("sales");
        assertThat(explained.metrics()).containsEntry("measure", 50.0);
        assertThatThrownBy(() -> c.metric("nope", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a measure weighing margin on a base without margins is refused: marginWeight INVALID_STATE")
    void marginWithoutMargins() {
        AbcGrading grading = AbcGrading.of(ValueMeasure.marginNetOfArrears(), GradeCutoffs.defaults());

        assertThatThrownBy(() -> grading.grade(dollars(10, 20)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("marginWeight");
                    assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                });
    }

    static Stream<Arguments> badMeasures() {
        return Stream.of(
                Arguments.of(-1, 0, 0, 0, 0, "salesWeight"),
                Arguments.of(1, Double.NaN, 0, 0, 0, "marginWeight"),
                Arguments.of(1, 0, Double.POSITIVE_INFINITY, 0, 0, "volumeWeight"),
                Arguments.of(1, 0, 0, -0.5, 0, "overdueWeight"),
                Arguments.of(1, 0, 0, 0, -0.1, "regularityWeight"),
                Arguments.of(1, 0, 0, 0, 1.5, "regularityWeight"),
                Arguments.of(1, 0, 0, 0, Double.NaN, "regularityWeight"),
                Arguments.of(0, 0, 0, 1, 0.5, "salesWeight"));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} -> {5}")
    @MethodSource("badMeasures")
    @DisplayName("bad weights are refused naming the weight: OUT_OF_RANGE")
    void badMeasure(double sales, double margin, double volume, double overdue, double regularity, String field) {
        assertThatThrownBy(() -> new ValueMeasure(sales, margin, volume, overdue, regularity))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
                });
    }

    @Test
    @DisplayName("the with-methods change one weight and keep the others")
    void withWeights() {
        ValueMeasure m = ValueMeasure.defaults()
                .withSalesWeight(2)
                .withMarginWeight(3)
                .withVolumeWeight(4)
                .withOverdueWeight(5)
                .withRegularityWeight(1);

        assertThat(m).isEqualTo(new ValueMeasure(2, 3, 4, 5, 1));
        assertThat(ValueMeasure.defaults()).isEqualTo(new ValueMeasure(1, 0, 0, 1, 0));
    }

    static Stream<Arguments> badCutoffs() {
        return Stream.of(
                Arguments.of(0.9, 0.9, "ordinary"),
                Arguments.of(0.95, 0.8, "ordinary"),
                Arguments.of(0.0, 0.5, "key"),
                Arguments.of(-0.2, 0.5, "key"),
                Arguments.of(1.0, 1.0, "key"),
                Arguments.of(Double.NaN, 0.9, "key"),
                Arguments.of(0.8, 1.01, "ordinary"),
                Arguments.of(0.8, Double.NaN, "ordinary"));
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @MethodSource("badCutoffs")
    @DisplayName("bad cut-offs are refused naming the cut-off, under both methods: OUT_OF_RANGE")
    void badCutoff(double key, double ordinary, String field) {
        for (GradeCutoffs.Method method : GradeCutoffs.Method.values()) {
            assertThatThrownBy(() -> new GradeCutoffs(method, key, ordinary))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo(field);
                        assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
                    });
        }
    }

    @Test
    @DisplayName("an ordinary cut-off of 1 is allowed: only customers without value are small")
    void ordinaryCutoffOfOne() {
        // 900, 90, 10: above 0, 0.9, 0.99 -> KEY, ORDINARY, ORDINARY (0.99 < 1)
        Grading grading = AbcGrading.of(ValueMeasure.salesOnly(), GradeCutoffs.cumulativeShare(0.8, 1.0))
                .grade(dollars(900, 90, 10, 0));

        assertThat(grade(grading, 3)).isEqualTo(CustomerGrade.ORDINARY);
        assertThat(grade(grading, 4)).isEqualTo(CustomerGrade.SMALL);
    }
}
