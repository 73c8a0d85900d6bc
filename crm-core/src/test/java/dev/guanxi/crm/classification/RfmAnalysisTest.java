package dev.guanxi.crm.classification;

import static dev.guanxi.crm.classification.Bases.AS_OF;
import static dev.guanxi.crm.classification.Bases.DAY;
import static dev.guanxi.crm.classification.Bases.builder;
import static dev.guanxi.crm.classification.Bases.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RfmAnalysisTest {
    private static Classifications rfm(CustomerBase base) {
        return RfmAnalysis.standard().classify(base, ClassificationContext.of(AS_OF));
    }

    private static List<Double> rfmOf(Classifications c, int i) {
        return List.of(c.metric("r", i), c.metric("f", i), c.metric("m", i));
    }

    /**
     * Four buyers and one customer without purchases:
     *
     * <pre>
     * customer  purchases  last purchase  amount
     * 1         1          5 days ago     100
     * 2         1          40 days ago     20
     * 3         2          40 days ago    300
     * 4         5          200 days ago    20
     * 5         0          -                0
     * </pre>
     */
    private static CustomerBase fourBuyers() {
        CustomerBase.Builder b = builder();
        b.purchase(id(1), DAY - 5, 100_00);
        b.purchase(id(2), DAY - 40, 20_00);
        b.purchase(id(3), DAY - 100, 150_00).purchase(id(3), DAY - 40, 150_00);
        for (int k = 4; k >= 0; k--) {
            b.purchase(id(4), DAY - 200 - 50 * k, 4_00);
        }
        b.customer(id(5));
        return b.build();
    }

    @Test
    @DisplayName(
            "quintiles by the mid-rank percentile, by hand, with ties; a customer without purchases is not counted")
    void quintilesByHand() {
        // m = 4 buyers; score = 1 + floor(5 p), p = (below + equal / 2) / 4
        // recency (fewer days is better): 200 -> p (0 + 0.5)/4 = 0.125 -> 1 + floor(0.625) = 1
        //                                 40, 40 -> p (1 + 1)/4 = 0.5 -> 1 + floor(2.5) = 3
        //                                 5 -> p (3 + 0.5)/4 = 0.875 -> 1 + floor(4.375) = 5
        // frequency: 1, 1 -> p (0 + 1)/4 = 0.25 -> 1 + floor(1.25) = 2; 2 -> p 2.5/4 = 0.625 -> 4; 5 -> 5
        // monetary: 20, 20 -> 2; 100 -> 4; 300 -> 5
        Classifications c = rfm(fourBuyers());

        assertThat(rfmOf(c, 0)).containsExactly(5.0, 2.0, 4.0);
        assertThat(rfmOf(c, 1)).containsExactly(3.0, 2.0, 2.0);
        assertThat(rfmOf(c, 2)).containsExactly(3.0, 4.0, 5.0);
        assertThat(rfmOf(c, 3)).containsExactly(1.0, 5.0, 2.0);
        // the cell 100 R + 10 F + M
        assertThat(c.score(0)).isEqualTo(524.0);
        assertThat(c.score(3)).isEqualTo(152.0);
        // segments from the table: R5 F2, R3 F2, R3 F4, R1 F5
        assertThat(List.of(c.label(0), c.label(1), c.label(2), c.label(3)))
                .containsExactly("POTENTIAL_LOYALIST", "ABOUT_TO_SLEEP", "LOYAL", "CANT_LOSE");
        assertThat(c.metric("recencyDays", 3)).isEqualTo(200.0);
        assertThat(c.metric("frequency", 3)).isEqualTo(5.0);
        assertThat(c.metric("monetary", 2)).isEqualTo(300.0);
    }

    @Test
    @DisplayName("five distinct values score 1 to 5: p = 0.1, 0.3, 0.5, 0.7, 0.9")
    void fiveDistinct() {
        CustomerBase.Builder b = builder();
        for (int k = 1; k <= 5; k++) {
            // customer k: k purchases, the last 10 x (6 - k) days ago, k x 10 dollars in all
            for (int p = k; p >= 1; p--) {
                b.purchase(id(k), DAY - 10 * (6 - k) - 100 * (p - 1), 10_00);
            }
        }
        Classifications c = rfm(b.build());

        for (int i = 0; i < 5; i++) {
            double expected = i + 1;
            assertThat(rfmOf(c, i)).containsOnly(expected);
        }
        assertThat(List.of(c.label(0), c.label(1), c.label(2), c.label(3), c.label(4)))
                .containsExactly("LOST", "HIBERNATING", "NEED_ATTENTION", "LOYAL", "CHAMPIONS");
    }

    @Test
    @DisplayName("customers without purchases are NO_PURCHASES with r = f = m = 0 and no score or recency")
    void noPurchases() {
        Classifications c = rfm(fourBuyers());

        assertThat(c.label(4)).isEqualTo("NO_PURCHASES");
        assertThat(rfmOf(c, 4)).containsOnly(0.0);
        assertThat(c.score(4)).isNaN();
        assertThat(c.metric("recencyDays", 4)).isNaN();
        Classification explained = c.explain(4);
        assertThat(explained.contributions()).isEmpty();
        assertThat(explained.reason()).isEqualTo("NO_PURCHASES: no purchase in the period");
    }

    @Test
    @DisplayName("a single customer scores 3 / 3 / 3 (p = 0.5)")
    void singleCustomer() {
        Classifications c = rfm(builder().purchase(id(1), DAY - 100, 5_00).build());

        assertThat(rfmOf(c, 0)).containsExactly(3.0, 3.0, 3.0);
        assertThat(c.label(0)).isEqualTo("NEED_ATTENTION");
        assertThat(c.score(0)).isEqualTo(333.0);
    }

    @Test
    @DisplayName("customers all equal score 3 on every measure")
    void allEqual() {
        CustomerBase.Builder b = builder();
        for (int k = 1; k <= 7; k++) {
            b.purchase(id(k), DAY - 20, 50_00).purchase(id(k), DAY - 10, 50_00);
        }
        Classifications c = rfm(b.build());

        for (int i = 0; i < 7; i++) {
            assertThat(rfmOf(c, i)).containsOnly(3.0);
        }
    }

    @Test
    @DisplayName("an empty base gives no results")
    void emptyBase() {
        Classifications c = rfm(builder().build());

        assertThat(c.size()).isZero();
        assertThat(c.counts()).isEmpty();
    }

    @Test
    @DisplayName("a purchase on the as-of day (0 days) ranks above customers without purchases' placeholder")
    void purchaseOnAsOfDay() {
        // the no-purchase customer's recency placeholder is 0, like a purchase today; it must not count
        CustomerBase.Builder b = builder();
        b.customer(id(1));
        b.purchase(id(2), DAY, 1_00);
        b.purchase(id(3), DAY - 30, 1_00);
        Classifications c = rfm(b.build());

        // buyers: recency 0 -> p (1 + 0.5)/2 = 0.75 -> 4; recency 30 -> p 0.25 -> 2
        assertThat(c.metric("r", 1)).isEqualTo(4.0);
        assertThat(c.metric("r", 2)).isEqualTo(2.0);
        assertThat(c.metric("recencyDays", 1)).isEqualTo(0.0);
    }

    @Test
    @DisplayName("the reason names the segment, the scores, the facts and the segment rule")
    void reasonNamesTheRule() {
        Classifications c = rfm(fourBuyers());

        assertThat(c.explain(2).reason())
                .isEqualTo("LOYAL (R3 F4 M5): last purchase 40 days ago, 2 purchases, 300.00 USD;"
                        + " segment rule R 3-4, F 4-5");
        List<Contribution> parts = c.explain(2).contributions();
        assertThat(parts).extracting(Contribution::factor).containsExactly("recency", "frequency", "monetary");
        assertThat(parts).extracting(Contribution::points).containsExactly(3.0, 4.0, 5.0);
        assertThat(parts.get(0).note()).isEqualTo("40 days since");
    }

    @Test
    @DisplayName("as a rule named rfm it stores r, f, m, recencyDays, frequency and monetary")
    void asRule() {
        assertThat(RfmAnalysis.standard().name()).isEqualTo("rfm");
        assertThat(rfm(fourBuyers()).metricNames())
                .containsExactly("r", "f", "m", "recencyDays", "frequency", "monetary");
    }

    @Test
    @DisplayName("the segment table covers every (R, F) cell 1..5 x 1..5 exactly once")
    void segmentTableCoversEveryCell() {
        List<String> problems = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                List<RfmSegment> owners = new ArrayList<>();
                for (RfmSegment s : RfmSegment.values()) {
                    if (s.contains(r, f)) {
                        owners.add(s);
                    }
                }
                if (owners.size() != 1) {
                    problems.add("R" + r + " F" + f + ": " + owners);
                } else if (RfmSegment.of(r, f) != owners.get(0)) {
                    problems.add("R" + r + " F" + f + ": of() gives " + RfmSegment.of(r, f));
                }
            }
        }
        assertThat(problems).isEmpty();
        // every segment but NO_PURCHASES owns at least one cell
        for (RfmSegment s : RfmSegment.values()) {
            boolean owns = false;
            for (int r = 1; r <= 5; r++) {
                for (int f = 1; f <= 5; f++) {
                    owns |= s.contains(r, f);
                }
            }
            assertThat(owns).as(s.name()).isEqualTo(s != RfmSegment.NO_PURCHASES);
        }
    }

    @Test
    @DisplayName("some cells of the table by hand, and each segment's rule as text")
    void segmentCells() {
        assertThat(RfmSegment.of(5, 5)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(RfmSegment.of(5, 1)).isEqualTo(RfmSegment.NEW_CUSTOMERS);
        assertThat(RfmSegment.of(4, 1)).isEqualTo(RfmSegment.PROMISING);
        assertThat(RfmSegment.of(1, 5)).isEqualTo(RfmSegment.CANT_LOSE);
        assertThat(RfmSegment.of(2, 3)).isEqualTo(RfmSegment.AT_RISK);
        assertThat(RfmSegment.of(1, 1)).isEqualTo(RfmSegment.LOST);
        assertThat(RfmSegment.CHAMPIONS.rule()).isEqualTo("R 5, F 4-5");
        assertThat(RfmSegment.NEED_ATTENTION.rule()).isEqualTo("R 3, F 3");
        assertThat(RfmSegment.NO_PURCHASES.rule()).isEqualTo("no purchase in the period");
    }

    @Test
    @DisplayName("a score outside 1..5 has no segment: IllegalArgumentException")
    void badCell() {
        assertThatThrownBy(() -> RfmSegment.of(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RfmSegment.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RfmSegment.of(6, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RfmSegment.of(3, 6)).isInstanceOf(IllegalArgumentException.class);
    }
}
