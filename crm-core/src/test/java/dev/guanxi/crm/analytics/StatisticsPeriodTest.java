package dev.guanxi.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Statistics periods")
class StatisticsPeriodTest {
    static String label(StatisticsPeriod p, String day) {
        return p.label(LocalDate.parse(day));
    }

    @Test
    @DisplayName("labels a day in each granularity ISO-like: 2026-11-22, 2026-W47, 2026-11, 2026-Q4, 2026")
    void labels() {
        assertThat(label(StatisticsPeriod.DAY, "2026-11-22")).isEqualTo("2026-11-22");
        assertThat(label(StatisticsPeriod.WEEK, "2026-11-22")).isEqualTo("2026-W47");
        assertThat(label(StatisticsPeriod.MONTH, "2026-11-22")).isEqualTo("2026-11");
        assertThat(label(StatisticsPeriod.QUARTER, "2026-11-22")).isEqualTo("2026-Q4");
        assertThat(label(StatisticsPeriod.YEAR, "2026-11-22")).isEqualTo("2026");
        assertThat(label(StatisticsPeriod.MONTH, "0987-03-01")).isEqualTo("0987-03");
    }

    @Test
    @DisplayName("puts the days around New Year in the ISO week of their Thursday")
    void isoWeeksAroundNewYear() {
        // 2026 starts on a Thursday, so it has 53 weeks; week 1 of 2026 starts on Monday 29 December 2025
        assertThat(label(StatisticsPeriod.WEEK, "2025-12-28")).isEqualTo("2025-W52");
        assertThat(label(StatisticsPeriod.WEEK, "2025-12-29")).isEqualTo("2026-W01");
        assertThat(label(StatisticsPeriod.WEEK, "2026-12-31")).isEqualTo("2026-W53");
        assertThat(label(StatisticsPeriod.WEEK, "2027-01-01")).isEqualTo("2026-W53");
        assertThat(label(StatisticsPeriod.WEEK, "2027-01-03")).isEqualTo("2026-W53");
        assertThat(label(StatisticsPeriod.WEEK, "2027-01-04")).isEqualTo("2027-W01");
        // 2024-12-30 is a Monday whose Thursday is 2 January 2025
        assertThat(label(StatisticsPeriod.WEEK, "2024-12-30")).isEqualTo("2025-W01");
    }

    @Test
    @DisplayName("agrees with java.time's ISO week fields on every day from 2010 to 2035")
    void isoWeeksAgreeWithJavaTime() {
        List<String> mismatches = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2010, 1, 1); d.getYear() < 2036; d = d.plusDays(1)) {
            String expected = String.format(
                    "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            String actual = StatisticsPeriod.WEEK.label(d);
            if (!actual.equals(expected)) {
                mismatches.add(d + ": " + actual + " instead of " + expected);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    @DisplayName("switches quarter between 31 March and 1 April and year between 31 December and 1 January")
    void quarterBoundaries() {
        assertThat(label(StatisticsPeriod.QUARTER, "2026-01-01")).isEqualTo("2026-Q1");
        assertThat(label(StatisticsPeriod.QUARTER, "2026-03-31")).isEqualTo("2026-Q1");
        assertThat(label(StatisticsPeriod.QUARTER, "2026-04-01")).isEqualTo("2026-Q2");
        assertThat(label(StatisticsPeriod.QUARTER, "2026-06-30")).isEqualTo("2026-Q2");
        assertThat(label(StatisticsPeriod.QUARTER, "2026-07-01")).isEqualTo("2026-Q3");
        assertThat(label(StatisticsPeriod.QUARTER, "2026-09-30")).isEqualTo("2026-Q3");
        assertThat(label(StatisticsPeriod.QUARTER, "2026-10-01")).isEqualTo("2026-Q4");
        assertThat(label(StatisticsPeriod.QUARTER, "2026-12-31")).isEqualTo("2026-Q4");
        assertThat(label(StatisticsPeriod.QUARTER, "2027-01-01")).isEqualTo("2027-Q1");
        long q4 = StatisticsPeriod.QUARTER.index(LocalDate.parse("2026-12-31"));
        long q1 = StatisticsPeriod.QUARTER.index(LocalDate.parse("2027-01-01"));
        assertThat(q1).isEqualTo(q4 + 1);
    }

    @Test
    @DisplayName("indices rise by one from period to period, and each period starts on its first day")
    void indicesAndStarts() {
        for (StatisticsPeriod p : StatisticsPeriod.values()) {
            LocalDate d = LocalDate.of(1969, 12, 1);
            long previous = p.index(d);
            while (d.getYear() < 1972) {
                LocalDate next = d.plusDays(1);
                long index = p.index(next);
                assertThat(index - previous).as(p + " " + next).isBetween(0L, 1L);
                if (index != previous) {
                    LocalDate start = p.start(index);
                    assertThat(start).as(p + " " + index).isEqualTo(next);
                }
                assertThat(p.label(index)).isEqualTo(p.label(next));
                previous = index;
                d = next;
            }
        }
        LocalDate monday = StatisticsPeriod.WEEK.start(StatisticsPeriod.WEEK.index(LocalDate.parse("2026-11-22")));
        assertThat(monday).isEqualTo(LocalDate.parse("2026-11-16"));
    }
}
