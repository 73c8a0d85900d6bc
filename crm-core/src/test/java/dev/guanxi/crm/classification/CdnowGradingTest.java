package dev.guanxi.crm.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.analytics.BtydData;
import dev.guanxi.crm.customer.CustomerId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The 80/20 grading of the real CDNOW sample (Fader and Hardie; 2,357 customers who first bought in Q1 1997;
 * ../shared/data/btyd/CDNOW_sample.txt: master id, sample id, date YYYYMMDD, number of CDs, dollar value),
 * valued by their spend in the standard 39-week calibration period (purchases up to 1997-09-30), checked
 * against a computation that shares nothing with the SDK: exact sums of cents, sorted with plain streams.
 *
 * <p>Result: 4,960 calibration purchases, USD 173,115.55 in all (8 customers spent nothing); 900 of the 2,357
 * customers (38.2%) are key — CDNOW's spend is less concentrated than 80/20: the top 20% of customers hold 63%
 * of the calibration spend.
 */
class CdnowGradingTest {
    private static final LocalDate END = BtydData.CALIBRATION_END;

    /** Calibration spend in cents by sample id (1 .. 2357), read without the SDK. */
    private static Map<Integer, Long> spend;

    private static Grading grading;

    private static CustomerId id(int sampleId) {
        return new CustomerId(new UUID(1997, sampleId));
    }

    @BeforeAll
    static void gradeCdnow() {
        spend = new TreeMap<>();
        CustomerBase.Builder b = CustomerBase.builder(END, Currency.getInstance("USD"));
        for (String line : BtydData.lines("CDNOW_sample.txt")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5) {
                continue;
            }
            int sampleId = Integer.parseInt(f[1]);
            LocalDate date = LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE);
            long cents = new BigDecimal(f[4]).movePointRight(2).longValueExact();
            int i = b.customer(id(sampleId));
            spend.putIfAbsent(sampleId, 0L);
            if (!date.isAfter(END)) {
                b.purchase(i, (int) date.toEpochDay(), cents);
                spend.merge(sampleId, cents, Long::sum);
            }
        }
        grading =
                AbcGrading.of(ValueMeasure.salesOnly(), GradeCutoffs.defaults()).grade(b.build());
    }

    @Test
    @DisplayName("the CDNOW sample has 2,357 customers and USD 173,115.55 of calibration spend")
    void theData() {
        long total = spend.values().stream().mapToLong(Long::longValue).sum();

        assertThat(spend).hasSize(2357);
        assertThat(grading.size()).isEqualTo(2357);
        assertThat(total).isEqualTo(173_115_55L);
        assertThat(grading.totalValue()).isCloseTo(total / 100.0, within(1e-6));
    }

    @Test
    @DisplayName("the Pareto curve matches cumulative sums of the spends sorted independently (within 1e-12)")
    void paretoCurve() {
        long[] sorted = spend.values().stream()
                .sorted((a, b) -> Long.compare(b, a))
                .mapToLong(Long::longValue)
                .toArray();
        long total = Arrays.stream(sorted).sum();
        double[] expected = new double[sorted.length];
        long running = 0;
        for (int k = 0; k < sorted.length; k++) {
            running += Math.max(0, sorted[k]);
            expected[k] = (double) running / total;
        }

        double[] curve = grading.paretoCurve();
        assertThat(curve).hasSize(2357);
        assertThat(curve).containsExactly(expected, within(1e-12));
        assertThat(curve[curve.length - 1]).isEqualTo(1.0);
    }

    @Test
    @DisplayName("key customers are exactly those with less than 80% of the spend above them; 900 of 2,357 (38.2%)")
    void keyCustomers() {
        long[] values = spend.values().stream().mapToLong(Long::longValue).toArray();
        long total = Arrays.stream(values).sum();
        int key = 0;
        int mismatches = 0;
        for (Map.Entry<Integer, Long> e : spend.entrySet()) {
            long v = e.getValue();
            long above = Arrays.stream(values).filter(x -> x > v).sum();
            // exact in integers: above / total < 0.8  <=>  10 above < 8 total
            boolean isKey = v > 0 && 10 * above < 8 * total;
            boolean isOrdinary = v > 0 && !isKey && 100 * above < 95 * total;
            CustomerGrade expected =
                    isKey ? CustomerGrade.KEY : isOrdinary ? CustomerGrade.ORDINARY : CustomerGrade.SMALL;
            key += isKey ? 1 : 0;
            if (grading.grade(id(e.getKey())).orElseThrow() != expected) {
                mismatches++;
            }
        }

        assertThat(mismatches).isZero();
        assertThat(grading.counts().get(CustomerGrade.KEY)).isEqualTo(key);
        // the share of key customers, computed independently: 900 / 2,357 = 0.3818
        double keyShare = (double) key / spend.size();
        assertThat(keyShare).isBetween(0.38, 0.39);
        assertThat(grading.valueShares().get(CustomerGrade.KEY)).isGreaterThanOrEqualTo(0.8);
    }
}
