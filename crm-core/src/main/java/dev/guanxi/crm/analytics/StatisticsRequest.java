package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.money.CurrencyConverter;
import dev.guanxi.crm.money.Money;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link SalesStatistics} computes: the dimensions to group by (in column order), the period
 * granularity, an optional date range, the as-of day of the {@linkplain StatisticsMeasure#OVERDUE overdue}
 * measure and the base currency (with the converter for amounts in other currencies).
 *
 * <p>Every fact is dated by its own date (order date, issue date, receipt day, the UTC day a case was opened or
 * resolved or a campaign response came in; the as-of day for the overdue amount) and is skipped when that date
 * lies outside {@code [from, to]}. A period that the range cuts holds only the facts inside the range. The
 * overdue amount is counted only when the as-of day lies in the range; for a closed range, the range's last day
 * is the natural as-of day.
 *
 * <p>Immutable and thread-safe if the converter's rate source is.
 *
 * @param dimensions the grouping dimensions in column order, each at most once; empty for the grand total only
 * @param period the granularity of {@link StatisticsDimension#PERIOD} (also used by nothing else)
 * @param from the first day counted, inclusive, or {@code null} for no lower bound
 * @param to the last day counted, inclusive, or {@code null} for no upper bound
 * @param asOf the day on which "overdue" is judged
 * @param converter converts amounts into its base currency, the currency of every money measure
 */
@Beta
public record StatisticsRequest(
        List<StatisticsDimension> dimensions,
        StatisticsPeriod period,
        LocalDate from,
        LocalDate to,
        LocalDate asOf,
        CurrencyConverter converter) {
    /**
     * Validates the request and copies the dimensions.
     *
     * @param dimensions the grouping dimensions in column order, each at most once; empty for the grand total only
     * @param period the granularity of {@link StatisticsDimension#PERIOD} (also used by nothing else)
     * @param from the first day counted, inclusive, or {@code null} for no lower bound
     * @param to the last day counted, inclusive, or {@code null} for no upper bound
     * @param asOf the day on which "overdue" is judged
     * @param converter converts amounts into its base currency, the currency of every money measure
     * @throws ValidationException naming the field: {@code dimensions} ({@link ValidationRule#REQUIRED}), {@code
     *     dimensions[i]} ({@link ValidationRule#REQUIRED} for a null, {@link ValidationRule#DUPLICATE} for a
     *     repeated dimension), {@code period}, {@code asOf} or {@code converter} ({@link ValidationRule#REQUIRED}),
     *     {@code to} ({@link ValidationRule#DATE_ORDER} if it is before {@code from}), {@code converter.currency}
     *     ({@link ValidationRule#UNKNOWN_CURRENCY} for a base currency without decimal minor units)
     */
    public StatisticsRequest {
        if (dimensions == null) {
            throw new ValidationException(
                    "dimensions", ValidationRule.REQUIRED, "dimensions is required (may be empty)");
        }
        Set<StatisticsDimension> seen = EnumSet.noneOf(StatisticsDimension.class);
        for (int i = 0; i < dimensions.size(); i++) {
            StatisticsDimension d = dimensions.get(i);
            if (d == null) {
                throw new ValidationException(
                        "dimensions[" + i + "]", ValidationRule.REQUIRED, "a grouping dimension is required");
            }
            if (!seen.add(d)) {
                throw new ValidationException(
                        "dimensions[" + i + "]", ValidationRule.DUPLICATE, "the table is already grouped by " + d);
            }
        }
        dimensions = List.copyOf(dimensions);
        if (period == null) {
            throw new ValidationException("period", ValidationRule.REQUIRED, "period is required");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new ValidationException("to", ValidationRule.DATE_ORDER, "to " + to + " is before from " + from);
        }
        if (asOf == null) {
            throw new ValidationException("asOf", ValidationRule.REQUIRED, "asOf is required");
        }
        if (converter == null) {
            throw new ValidationException("converter", ValidationRule.REQUIRED, "converter is required");
        }
        try {
            Money.scaleOf(converter.base());
        } catch (ValidationException e) {
            throw e.under("converter");
        }
    }

    /**
     * Starts a request. Defaults: no grouping, {@link StatisticsPeriod#MONTH}, no date range; the as-of day and
     * the currency must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the currency of every money measure, the converter's base */
    public Currency baseCurrency() {
        return converter.base();
    }

    /**
     * @param dimension a dimension
     * @return {@code true} if the table is grouped by it
     */
    public boolean groupsBy(StatisticsDimension dimension) {
        return dimensions.contains(dimension);
    }

    /**
     * @param day a day
     * @return {@code true} if the day lies in {@code [from, to]}
     */
    public boolean contains(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /**
     * Builds a {@link StatisticsRequest}. Fails fast: setting an option twice, or both a currency and a converter,
     * is an {@link IllegalStateException}. Not thread-safe.
     */
    public static final class Builder {
        private List<StatisticsDimension> dimensions;
        private StatisticsPeriod period;
        private boolean rangeSet;
        private LocalDate from;
        private LocalDate to;
        private LocalDate asOf;
        private CurrencyConverter converter;

        private Builder() {}

        /**
         * Sets the grouping dimensions, in column order.
         *
         * @param by the dimensions, each at most once
         * @return this builder
         */
        public Builder groupBy(StatisticsDimension... by) {
            Objects.requireNonNull(by, "by");
            once(dimensions, "groupBy");
            dimensions = Arrays.asList(by.clone());
            return this;
        }

        /**
         * Sets the period granularity (default {@link StatisticsPeriod#MONTH}).
         *
         * @param granularity the granularity
         * @return this builder
         */
        public Builder period(StatisticsPeriod granularity) {
            once(period, "period");
            period = Objects.requireNonNull(granularity, "granularity");
            return this;
        }

        /**
         * Counts only facts dated in a range.
         *
         * @param first the first day counted, or {@code null} for no lower bound
         * @param last the last day counted, or {@code null} for no upper bound
         * @return this builder
         */
        public Builder between(LocalDate first, LocalDate last) {
            if (rangeSet) {
                throw new IllegalStateException("the date range was already set to [" + from + ", " + to + "]");
            }
            rangeSet = true;
            from = first;
            to = last;
            return this;
        }

        /**
         * Sets the day on which "overdue" is judged.
         *
         * @param day the as-of day
         * @return this builder
         */
        public Builder asOf(LocalDate day) {
            once(asOf, "asOf");
            asOf = Objects.requireNonNull(day, "day");
            return this;
        }

        /**
         * Sets the base currency for data in that currency only; an amount in another currency is then a {@link
         * dev.guanxi.crm.money.MissingExchangeRateException}.
         *
         * @param base the base currency
         * @return this builder
         */
        public Builder currency(Currency base) {
            once(converter, "currency or converter");
            converter = CurrencyConverter.single(Objects.requireNonNull(base, "base"));
            return this;
        }

        /**
         * Sets the converter, whose base currency is the currency of the table.
         *
         * @param into the converter
         * @return this builder
         */
        public Builder converter(CurrencyConverter into) {
            once(converter, "currency or converter");
            converter = Objects.requireNonNull(into, "into");
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException as the canonical constructor, e.g. on {@code asOf} if it was not set
         */
        public StatisticsRequest build() {
            return new StatisticsRequest(
                    dimensions == null ? List.of() : dimensions,
                    period == null ? StatisticsPeriod.MONTH : period,
                    from,
                    to,
                    asOf,
                    converter);
        }

        private static void once(Object current, String option) {
            if (current != null) {
                throw new IllegalStateException(option + " was already set to " + current);
            }
        }
    }
}
