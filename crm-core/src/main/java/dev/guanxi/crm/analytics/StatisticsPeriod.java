package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The calendar periods of {@link StatisticsDimension#PERIOD}. Each period has a whole-number {@linkplain
 * #index(LocalDate) index} that rises with time (so periods sort chronologically by index) and an ISO-like
 * {@linkplain #label(long) label}: {@code 2026-11-22}, {@code 2026-W47}, {@code 2026-11}, {@code 2026-Q4},
 * {@code 2026}.
 *
 * <p>Weeks are ISO 8601 weeks: they start on Monday and belong to the week-based year of their Thursday, so
 * 2026-12-31 and 2027-01-01 are in {@code 2026-W53} and 2027-01-04 starts {@code 2027-W01}.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public enum StatisticsPeriod {
    /** One calendar day: {@code 2026-11-22}. */
    DAY,
    /** One ISO week, Monday to Sunday: {@code 2026-W47}. */
    WEEK,
    /** One calendar month: {@code 2026-11}. */
    MONTH,
    /** One calendar quarter (January to March is Q1): {@code 2026-Q4}. */
    QUARTER,
    /** One calendar year: {@code 2026}. */
    YEAR;

    /**
     * Returns the index of the period a day lies in. Indices of one granularity rise by one from each period to
     * the next; they are meant to be compared and {@linkplain #label(long) labelled}, not read.
     *
     * @param day the day
     * @return the period's index (for {@link #DAY} the epoch day)
     */
    public long index(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return index(day.toEpochDay(), day);
    }

    /** The index of the period of an epoch day, without a {@link LocalDate} for days and weeks. */
    long index(long epochDay) {
        return this == DAY || this == WEEK ? index(epochDay, null) : index(epochDay, LocalDate.ofEpochDay(epochDay));
    }

    /** The index from a day's epoch day and the day itself (days and weeks need only the epoch day). */
    long index(long epochDay, LocalDate day) {
        return switch (this) {
            case DAY -> epochDay;
            // 1970-01-01 was a Thursday, so the week starting Monday 1969-12-29 (epoch day -3) is week 0.
            case WEEK -> Math.floorDiv(epochDay + 3, 7);
            case MONTH -> day.getYear() * 12L + day.getMonthValue() - 1;
            case QUARTER -> day.getYear() * 4L + (day.getMonthValue() - 1) / 3;
            case YEAR -> day.getYear();
        };
    }

    /**
     * Returns the first day of a period.
     *
     * @param index a period index of this granularity
     * @return its first day (a Monday for {@link #WEEK})
     */
    public LocalDate start(long index) {
        return switch (this) {
            case DAY -> LocalDate.ofEpochDay(index);
            case WEEK -> LocalDate.ofEpochDay(index * 7 - 3);
            case MONTH ->
                LocalDate.of(Math.toIntExact(Math.floorDiv(index, 12)), (int) Math.floorMod(index, 12) + 1, 1);
            case QUARTER ->
                LocalDate.of(Math.toIntExact(Math.floorDiv(index, 4)), (int) Math.floorMod(index, 4) * 3 + 1, 1);
            case YEAR -> LocalDate.of(Math.toIntExact(index), 1, 1);
        };
    }

    /**
     * Returns the ISO-like label of a period: {@code 2026-11-22}, {@code 2026-W47}, {@code 2026-11}, {@code
     * 2026-Q4} or {@code 2026}.
     *
     * @param index a period index of this granularity
     * @return the label
     */
    public String label(long index) {
        return switch (this) {
            case DAY -> start(index).toString();
            case WEEK -> {
                // The ISO week-based year and week number are those of the week's Thursday.
                LocalDate thursday = start(index).plusDays(3);
                int week = (thursday.getDayOfYear() - 1) / 7 + 1;
                yield year(thursday.getYear()) + "-W" + (week < 10 ? "0" : "") + week;
            }
            case MONTH -> {
                int month = (int) Math.floorMod(index, 12) + 1;
                yield year(Math.floorDiv(index, 12)) + "-" + (month < 10 ? "0" : "") + month;
            }
            case QUARTER -> year(Math.floorDiv(index, 4)) + "-Q" + (Math.floorMod(index, 4) + 1);
            case YEAR -> year(index);
        };
    }

    /**
     * Returns the label of the period a day lies in.
     *
     * @param day the day
     * @return the label, as {@link #label(long)}
     */
    public String label(LocalDate day) {
        return label(index(day));
    }

    /** Four digits for years -9999 to 9999 (with a minus sign below 0), a sign beyond, as {@link LocalDate} prints. */
    private static String year(long year) {
        long abs = Math.abs(year);
        String digits = Long.toString(abs);
        String sign = year < 0 ? "-" : abs > 9999 ? "+" : "";
        return abs > 9999 ? sign + digits : sign + "0000".substring(digits.length()) + digits;
    }
}
