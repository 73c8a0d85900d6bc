package dev.guanxi.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.ValidationException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CustomerSummariesTest {
    @Test
    @DisplayName("CDNOW summaries agree with the published cdnow_customers_summary.csv to its 2-decimal rounding")
    void cdnowMatchesPublishedSummary() {
        CustomerSummaries s = BtydData.cdnowSummaries();
        List<String[]> rows = BtydData.csv("cdnow_customers_summary.csv");
        assertThat(s.size()).isEqualTo(2357).isEqualTo(rows.size());
        for (String[] row : rows) {
            int i = Integer.parseInt(row[0]) - 1; // sample ids 1..2357 are log indices 0..2356, all included
            assertThat(s.customer(i)).isEqualTo(i);
            assertThat(s.frequency(i)).as("frequency of %s", row[0]).isEqualTo(Double.parseDouble(row[1]));
            // the file rounds weeks to 2 decimals: tolerance half a unit of the last place
            assertThat(s.recency(i))
                    .as("recency of %s", row[0])
                    .isCloseTo(Double.parseDouble(row[2]), within(0.005 + 1e-9));
            assertThat(s.age(i)).as("T of %s", row[0]).isCloseTo(Double.parseDouble(row[3]), within(0.005 + 1e-9));
        }
    }

    @Test
    @DisplayName("CDNOW monetary values (mean of repeat purchases, same day summed) agree with zbar to 2 decimals")
    void cdnowMonetaryMatchesZbar() {
        CustomerSummaries s = BtydData.cdnowSummaries();
        List<String[]> rows = BtydData.csv("cdnow_customers_summary_with_transactions.csv");
        assertThat(rows).hasSize(2357);
        int repeatBuyers = 0;
        for (String[] row : rows) {
            int i = Integer.parseInt(row[0]) - 1;
            assertThat(s.frequency(i)).isEqualTo(Double.parseDouble(row[1]));
            assertThat(s.monetaryValue(i))
                    .as("zbar of %s", row[0])
                    .isCloseTo(Double.parseDouble(row[4]), within(0.005 + 1e-9));
            if (s.frequency(i) > 0) {
                repeatBuyers++;
            }
        }
        assertThat(repeatBuyers).isEqualTo(946); // README: 946 customers with x > 0
    }

    @Test
    @DisplayName("same-day purchases are merged and summed; the first purchase is excluded from the monetary value")
    void sameDayMerged() {
        TransactionLog log = new TransactionLog();
        LocalDate d0 = LocalDate.of(2024, 1, 1);
        log.add("a", d0, 1000).add("a", d0, 500).add("a", d0.plusDays(7), 300).add("a", d0.plusDays(7), 100);
        log.add("a", d0.plusDays(14), 200).add("a", d0.plusDays(30), 999);
        log.add("b", d0.plusDays(3), 700);
        log.add("c", d0.plusDays(40), 100); // first purchase after calibration end: excluded
        CustomerSummaries s = CustomerSummaries.fromLog(log, d0.plusDays(21), d0.plusDays(42), PeriodUnit.DAYS);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.frequency(0)).isEqualTo(2);
        assertThat(s.recency(0)).isEqualTo(14);
        assertThat(s.age(0)).isEqualTo(21);
        assertThat(s.monetaryValue(0)).isEqualTo((4.00 + 2.00) / 2);
        assertThat(s.holdoutFrequency(0)).isEqualTo(1);
        assertThat(s.holdoutDuration()).isEqualTo(21);
        assertThat(s.frequency(1)).isZero();
        assertThat(s.recency(1)).isZero();
        assertThat(s.age(1)).isEqualTo(18);
        assertThat(s.monetaryValue(1)).isZero();
        assertThat(log.customerKey(s.customer(1))).contains("b");
    }

    @Test
    @DisplayName("rows may arrive in any order")
    void orderIndependent() {
        TransactionLog sorted = new TransactionLog();
        TransactionLog shuffled = new TransactionLog();
        int[][] rows = {{0, 10, 5}, {0, 12, 6}, {1, 11, 7}, {0, 30, 8}, {1, 40, 9}};
        for (int[] r : rows) {
            sorted.add(r[0], r[1], r[2]);
        }
        for (int k = rows.length - 1; k >= 0; k--) {
            shuffled.add(rows[k][0], rows[k][1], rows[k][2]);
        }
        LocalDate end = LocalDate.ofEpochDay(35);
        CustomerSummaries a = CustomerSummaries.fromLog(sorted, end, PeriodUnit.WEEKS);
        CustomerSummaries b = CustomerSummaries.fromLog(shuffled, end, PeriodUnit.WEEKS);
        assertThat(b.frequencies()).containsExactly(a.frequencies());
        assertThat(b.recencies()).containsExactly(a.recencies());
        assertThat(b.ages()).containsExactly(a.ages());
        assertThat(b.monetaryValues()).containsExactly(a.monetaryValues());
    }

    @Test
    @DisplayName("summaries given as arrays are validated, naming the field")
    void arraysValidated() {
        assertThatThrownBy(() -> CustomerSummaries.of(
                        new double[] {1, 0}, new double[] {2, 1}, new double[] {3, 4}, null, PeriodUnit.WEEKS))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field())
                .isEqualTo("recency");
        assertThatThrownBy(() -> CustomerSummaries.of(
                        new double[] {-1}, new double[] {0}, new double[] {3}, null, PeriodUnit.WEEKS))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field())
                .isEqualTo("frequency");
        assertThatThrownBy(() -> new TransactionLog().add("a", LocalDate.of(2024, 1, 1), -1))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field())
                .isEqualTo("amount");
    }
}
