package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.money.ExchangeRates;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * What a scoring run computes: the day, the tenant's base currency and where exchange rates come from, the
 * value period (purchases from {@code valueFrom} to {@code asOf}), the recent window, and the rules.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the day the scores describe; purchases after it are ignored
 * @param currency the tenant's base currency; every amount is converted into it
 * @param rates the host's exchange rates (a purchase in another currency without a rate fails the run)
 * @param valueFrom the first day of the value period, not after {@code asOf}
 * @param recentDays the length of the recent window (share of recent spend), 1 or more
 * @param scoring the rules the run applies to every customer (grading, segmentation, lifecycle...), not null
 * @param batchSize how many snapshots are written per transaction, 1 to 100,000
 * @param margins where gross margins come from, or {@code null} if the run does not compute margins (then a
 *     value measure that weighs margin fails the run)
 * @param models whether the run fits the customer-base models (P(alive), CLV)
 * @param listener receives the run's progress
 */
@Beta
public record ScoringRequest(
        LocalDate asOf,
        Currency currency,
        ExchangeRates rates,
        LocalDate valueFrom,
        int recentDays,
        CustomerScoring scoring,
        int batchSize,
        GrossMargins margins,
        ScoringModels models,
        ScoringListener listener) {
    /** The default value period: one year. */
    public static final int DEFAULT_PERIOD_DAYS = 365;
    /** The default recent window: 90 days. */
    public static final int DEFAULT_RECENT_DAYS = 90;
    /** The default batch size. */
    public static final int DEFAULT_BATCH = 1000;

    /**
     * Validates the request.
     *
     * @param asOf the day the scores describe; purchases after it are ignored
     * @param currency the tenant's base currency; every amount is converted into it
     * @param rates the host's exchange rates (a purchase in another currency without a rate fails the run)
     * @param valueFrom the first day of the value period, not after {@code asOf}
     * @param recentDays the length of the recent window (share of recent spend), 1 or more
     * @param scoring the rules the run applies to every customer (grading, segmentation, lifecycle...), not null
     * @param batchSize how many snapshots are written per transaction, 1 to 100,000
     * @param margins where gross margins come from, or {@code null} if the run does not compute margins (then a value
     *     measure that weighs margin fails the run)
     * @param models whether the run fits the customer-base models (P(alive), CLV)
     * @param listener receives the run's progress
     * @throws ValidationException {@code valueFrom} ({@link ValidationRule#DATE_ORDER}) after {@code asOf};
     *     {@code recentDays} or {@code batchSize} ({@link ValidationRule#OUT_OF_RANGE}) out of range
     */
    public ScoringRequest {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(valueFrom, "valueFrom");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(listener, "listener");
        dev.guanxi.crm.money.Money.scaleOf(currency);
        if (valueFrom.isAfter(asOf)) {
            throw new ValidationException("valueFrom", ValidationRule.DATE_ORDER, "valueFrom lies after asOf");
        }
        if (recentDays < 1) {
            throw new ValidationException("recentDays", ValidationRule.OUT_OF_RANGE, "recentDays must be 1 or more");
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new ValidationException("batchSize", ValidationRule.OUT_OF_RANGE, "batchSize must be 1 to 100000");
        }
    }

    /**
     * A request with the defaults: value period of the last 365 days, recent window 90 days, the default rules
     * ({@link CustomerScoring#defaults()} plus credit and loyalty), no exchange rates.
     *
     * @param asOf the day
     * @param currency the base currency
     * @return the request
     */
    public static ScoringRequest of(LocalDate asOf, Currency currency) {
        return new ScoringRequest(
                asOf,
                currency,
                ExchangeRates.none(),
                asOf.minusDays(DEFAULT_PERIOD_DAYS - 1L),
                DEFAULT_RECENT_DAYS,
                StandardRules.all(),
                DEFAULT_BATCH,
                null,
                ScoringModels.none(),
                ScoringListener.none());
    }

    /**
     * @param rates the exchange rates
     * @return a copy with these rates
     */
    public ScoringRequest withRates(ExchangeRates rates) {
        return new ScoringRequest(
                asOf, currency, rates, valueFrom, recentDays, scoring, batchSize, margins, models, listener);
    }

    /**
     * @param from the first day of the value period
     * @return a copy with this value period
     */
    public ScoringRequest withValueFrom(LocalDate from) {
        return new ScoringRequest(
                asOf, currency, rates, from, recentDays, scoring, batchSize, margins, models, listener);
    }

    /**
     * @param days the recent window
     * @return a copy with this window
     */
    public ScoringRequest withRecentDays(int days) {
        return new ScoringRequest(
                asOf, currency, rates, valueFrom, days, scoring, batchSize, margins, models, listener);
    }

    /**
     * @param rules the rules
     * @return a copy with these rules
     */
    public ScoringRequest withScoring(CustomerScoring rules) {
        return new ScoringRequest(
                asOf, currency, rates, valueFrom, recentDays, rules, batchSize, margins, models, listener);
    }

    /**
     * @param source where gross margins come from
     * @return a copy that computes margins (reading the orders of the value period)
     */
    public ScoringRequest withMargins(GrossMargins source) {
        return new ScoringRequest(
                asOf,
                currency,
                rates,
                valueFrom,
                recentDays,
                scoring,
                batchSize,
                Objects.requireNonNull(source, "source"),
                models,
                listener);
    }

    /**
     * @param options whether and how to fit the customer-base models
     * @return a copy with these options
     */
    public ScoringRequest withModels(ScoringModels options) {
        return new ScoringRequest(
                asOf, currency, rates, valueFrom, recentDays, scoring, batchSize, margins, options, listener);
    }

    /**
     * @param progress receives the run's progress
     * @return a copy with this listener
     */
    public ScoringRequest withListener(ScoringListener progress) {
        return new ScoringRequest(
                asOf, currency, rates, valueFrom, recentDays, scoring, batchSize, margins, models, progress);
    }

    /**
     * @param size the batch size
     * @return a copy with this batch size
     */
    public ScoringRequest withBatchSize(int size) {
        return new ScoringRequest(
                asOf, currency, rates, valueFrom, recentDays, scoring, size, margins, models, listener);
    }
}
