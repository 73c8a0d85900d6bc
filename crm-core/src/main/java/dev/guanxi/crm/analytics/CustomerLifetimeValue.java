package dev.guanxi.crm.analytics;

import static dev.guanxi.crm.analytics.InputChecks.continuousSummary;
import static dev.guanxi.crm.analytics.InputChecks.nonNegative;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Customer lifetime value over a horizon of whole months, from a {@link RepeatPurchaseModel} (how many purchases)
 * and a {@link GammaGammaModel} (how much per purchase), discounted monthly. The convention is the one of the
 * Python reference (lifetimes' {@code customer_lifetime_value}), so that results are comparable:
 *
 * <pre>
 * CLV = Σ_{i=1..M} E[value] · (E[Y(u·i) | x, t_x, T] − E[Y(u·(i−1)) | x, t_x, T]) / (1 + d)^i
 * </pre>
 *
 * where M is {@link #months()}, d the {@link #monthlyDiscountRate() monthly discount rate}, u the {@link
 * #timeUnitsPerMonth() number of the summary's time units in a month} and E[value] the Gamma-Gamma {@linkplain
 * GammaGammaModel#conditionalExpectedAverageValue(double, double) conditional expected average value} (the
 * population mean for a customer with x = 0). A month is {@value #WEEKS_PER_MONTH} weeks (lifetimes' factor) or
 * {@value #DAYS_PER_MONTH} days = 7 × 4.345, chosen so that a daily and a weekly summary of the same customers give
 * the same value (lifetimes itself uses 30 days; pass 30 to {@link #CustomerLifetimeValue} to reproduce that).
 * Start with {@link #of(RepeatPurchaseModel, GammaGammaModel, PeriodUnit, int, double)}, passing the {@link
 * PeriodUnit} of the summaries:
 *
 * <pre>{@code
 * CustomerSummaries summaries = CustomerSummaries.fromLog(log, calibrationEnd, PeriodUnit.WEEKS);
 * BgNbdModel purchases = BgNbdModel.fit(summaries).requireConverged();
 * GammaGammaModel spend = GammaGammaModel.fit(summaries.frequencies(), summaries.monetaryValues())
 *         .requireConverged();
 * CustomerLifetimeValue clv = CustomerLifetimeValue.of(purchases, spend, summaries.unit(), 12, 0.01);
 * double[] values = clv.values(summaries.frequencies(), summaries.recencies(), summaries.ages(),
 *         summaries.monetaryValues());
 * }</pre>
 *
 * <p>The result is an analytic estimate in the currency of the monetary values, as a {@code double}: it is
 * <em>not</em> a {@link Money} amount. Use {@link #toMoney(double, Currency, RoundingMode)} to turn it into one with
 * an explicit rounding.
 *
 * <p>Immutable and thread-safe if the purchase model is (as {@link RepeatPurchaseModel} requires). Cost: M + 1
 * evaluations of the purchase model per customer.
 *
 * @param purchases the fitted purchase model, in the same time unit as the summaries
 * @param spend the fitted spend model; its q must exceed 1 (so that the mean value exists)
 * @param months M, the horizon in whole months, at least 0
 * @param monthlyDiscountRate d, the discount rate per month, finite and greater than −1 (0.01 is 1% a month)
 * @param timeUnitsPerMonth u, the number of the summaries' time units in one month, finite and greater than 0
 */
public record CustomerLifetimeValue(
        RepeatPurchaseModel purchases,
        GammaGammaModel spend,
        int months,
        double monthlyDiscountRate,
        double timeUnitsPerMonth) {

    /** Weeks in a month, 4.345 (the factor of the Python reference lifetimes). */
    public static final double WEEKS_PER_MONTH = 4.345;

    /** Days in a month, 30.415 = 7 × {@link #WEEKS_PER_MONTH}, so that daily and weekly summaries agree. */
    public static final double DAYS_PER_MONTH = 30.415;

    /**
     * Checks the parameters.
     *
     * @param purchases the fitted purchase model
     * @param spend the fitted spend model
     * @param months the horizon in months
     * @param monthlyDiscountRate the discount rate per month
     * @param timeUnitsPerMonth the number of time units in a month
     * @throws ValidationException naming {@code purchases}, {@code spend} (also when its q ≤ 1), {@code months},
     *     {@code monthlyDiscountRate} or {@code timeUnitsPerMonth}
     */
    public CustomerLifetimeValue {
        InputChecks.required("purchases", purchases);
        InputChecks.required("spend", spend);
        if (!(spend.q() > 1)) {
            throw new ValidationException(
                    "spend", ValidationRule.OUT_OF_RANGE, "spend.q must exceed 1 but was " + spend.q());
        }
        if (months < 0) {
            throw InputChecks.outOfRange("months", -1, "must be at least 0 but was " + months);
        }
        if (!(monthlyDiscountRate > -1) || !Double.isFinite(monthlyDiscountRate)) {
            throw InputChecks.outOfRange(
                    "monthlyDiscountRate", -1, "must be finite and greater than -1 but was " + monthlyDiscountRate);
        }
        InputChecks.positive("timeUnitsPerMonth", timeUnitsPerMonth, -1);
    }

    /**
     * CLV for summaries in the given unit: a month is {@value #WEEKS_PER_MONTH} {@linkplain PeriodUnit#WEEKS
     * weeks} or {@value #DAYS_PER_MONTH} {@linkplain PeriodUnit#DAYS days} (see {@link
     * #timeUnitsPerMonth(PeriodUnit)}).
     *
     * @param purchases the fitted purchase model, in {@code unit}
     * @param spend the fitted spend model
     * @param unit the time unit of the summaries and of the purchase model
     * @param months the horizon in months, at least 0
     * @param monthlyDiscountRate the discount rate per month, greater than −1
     * @return the calculator
     * @throws ValidationException naming {@code unit} when it is null, otherwise as the {@linkplain
     *     #CustomerLifetimeValue constructor}
     */
    public static CustomerLifetimeValue of(
            RepeatPurchaseModel purchases,
            GammaGammaModel spend,
            PeriodUnit unit,
            int months,
            double monthlyDiscountRate) {
        InputChecks.required("unit", unit);
        return new CustomerLifetimeValue(purchases, spend, months, monthlyDiscountRate, timeUnitsPerMonth(unit));
    }

    /**
     * The number of {@code unit}s in a month: {@value #WEEKS_PER_MONTH} for {@link PeriodUnit#WEEKS}, {@value
     * #DAYS_PER_MONTH} for {@link PeriodUnit#DAYS}.
     *
     * @param unit the time unit, not null
     * @return the units per month
     * @throws NullPointerException when {@code unit} is null
     */
    public static double timeUnitsPerMonth(PeriodUnit unit) {
        return switch (unit) {
            case WEEKS -> WEEKS_PER_MONTH;
            case DAYS -> DAYS_PER_MONTH;
        };
    }

    /**
     * CLV for summaries in weeks (a month is {@value #WEEKS_PER_MONTH} weeks); the same as {@link
     * #of(RepeatPurchaseModel, GammaGammaModel, PeriodUnit, int, double) of(..., PeriodUnit.WEEKS, ...)}.
     *
     * @param purchases the fitted purchase model, in weeks
     * @param spend the fitted spend model
     * @param months the horizon in months, at least 0
     * @param monthlyDiscountRate the discount rate per month, greater than −1
     * @return the calculator
     * @throws ValidationException as the {@linkplain #CustomerLifetimeValue constructor}
     */
    public static CustomerLifetimeValue weekly(
            RepeatPurchaseModel purchases, GammaGammaModel spend, int months, double monthlyDiscountRate) {
        return of(purchases, spend, PeriodUnit.WEEKS, months, monthlyDiscountRate);
    }

    /**
     * CLV for summaries in days (a month is {@value #DAYS_PER_MONTH} days); the same as {@link
     * #of(RepeatPurchaseModel, GammaGammaModel, PeriodUnit, int, double) of(..., PeriodUnit.DAYS, ...)}.
     *
     * @param purchases the fitted purchase model, in days
     * @param spend the fitted spend model
     * @param months the horizon in months, at least 0
     * @param monthlyDiscountRate the discount rate per month, greater than −1
     * @return the calculator
     * @throws ValidationException as the {@linkplain #CustomerLifetimeValue constructor}
     */
    public static CustomerLifetimeValue daily(
            RepeatPurchaseModel purchases, GammaGammaModel spend, int months, double monthlyDiscountRate) {
        return of(purchases, spend, PeriodUnit.DAYS, months, monthlyDiscountRate);
    }

    /**
     * The discounted expected value of one customer over the horizon.
     *
     * @param x repeat purchases in the calibration period, finite, at least 0
     * @param tx time of the last purchase, 0 when {@code x = 0}, at most {@code age}
     * @param age time since the first purchase, T, finite
     * @param monetaryValue the mean value of the repeat purchases, finite, at least 0 (ignored when x = 0)
     * @return the CLV, finite and at least 0 (negative rounding residues of the purchase model are clamped to 0)
     * @throws ValidationException naming {@code frequency}, {@code recency}, {@code age} or {@code monetaryValue}
     * @throws IllegalStateException if the purchase model returns NaN (a defect of that model, never reported as 0)
     */
    public double value(double x, double tx, double age, double monetaryValue) {
        continuousSummary(x, tx, age, -1);
        nonNegative("monetaryValue", monetaryValue, -1);
        return compute(x, tx, age, monetaryValue);
    }

    /**
     * Columnar {@link #value(double, double, double, double)}: the CLV of every customer, the same numbers bit for
     * bit. O(customers + patterns · M): the purchase model is evaluated once per distinct (x, t_x, T) — for
     * BG/NBD once per distinct (x, T), and P(alive) once per customer.
     *
     * @param frequency x of each customer
     * @param recency t_x of each customer
     * @param age T of each customer
     * @param monetaryValue the mean repeat-purchase value of each customer
     * @return a new array with the CLV of each customer
     * @throws ValidationException naming {@code frequency}, {@code recency}, {@code age} or {@code monetaryValue}
     *     (and the row) for a bad value or array length; nothing is computed then
     */
    public double[] values(double[] frequency, double[] recency, double[] age, double[] monetaryValue) {
        InputChecks.required("frequency", frequency);
        InputChecks.required("recency", recency);
        InputChecks.required("age", age);
        InputChecks.required("monetaryValue", monetaryValue);
        InputChecks.sameLength("recency", recency.length, frequency.length);
        InputChecks.sameLength("age", age.length, frequency.length);
        InputChecks.sameLength("monetaryValue", monetaryValue.length, frequency.length);
        for (int i = 0; i < frequency.length; i++) {
            continuousSummary(frequency[i], recency[i], age[i], i);
            nonNegative("monetaryValue", monetaryValue[i], i);
        }
        double[] out = new double[frequency.length];
        // the discounted expected purchases depend on (x, t_x, T) only: computed once per distinct triple; for
        // BG/NBD they are P(alive | x, t_x, T) times a sum that depends on (x, T) only, computed once per pair
        BgNbdModel bgNbd = purchases instanceof BgNbdModel m ? m : null;
        Map<Pattern, Double> discounted = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            double x = frequency[i];
            double tx = recency[i];
            double t = age[i];
            double purchasesAhead;
            if (bgNbd != null) {
                Pattern key = new Pattern(x, 0, t);
                Double ifAlive = discounted.get(key);
                if (ifAlive == null) {
                    ifAlive = discountedIfAlive(bgNbd, x, t);
                    discounted.put(key, ifAlive);
                }
                purchasesAhead = aliveTimes(bgNbd, x, tx, t, ifAlive);
            } else {
                Pattern key = new Pattern(x, tx, t);
                Double ahead = discounted.get(key);
                if (ahead == null) {
                    ahead = discountedPurchases(x, tx, t);
                    discounted.put(key, ahead);
                }
                purchasesAhead = ahead;
            }
            out[i] = value(x, monetaryValue[i], purchasesAhead);
        }
        return out;
    }

    /** A customer's purchase summary as a key; {@code double} components compare as {@link Double#equals}. */
    private record Pattern(double x, double tx, double age) {}

    private double compute(double x, double tx, double age, double monetaryValue) {
        if (purchases instanceof BgNbdModel bgNbd) {
            return value(x, monetaryValue, aliveTimes(bgNbd, x, tx, age, discountedIfAlive(bgNbd, x, age)));
        }
        return value(x, monetaryValue, discountedPurchases(x, tx, age));
    }

    /**
     * BG/NBD's E[Y(t) | x, t_x, T] is P(alive | x, t_x, T) times an expectation if alive that depends on (x, T)
     * only: Σ_{i=1..M} (e_i − e_{i−1}) / (1 + d)^i of the latter, once per (x, T).
     *
     * @throws IllegalStateException if the model returns NaN
     */
    private double discountedIfAlive(BgNbdModel model, double x, double age) {
        double previous = 0; // e_0 = 0
        double sum = 0;
        for (int i = 1; i <= months; i++) {
            double cumulative = model.expectationIfAlive(timeUnitsPerMonth * i, x, age);
            sum += (cumulative - previous) / Math.pow(1 + monthlyDiscountRate, i);
            previous = cumulative;
        }
        if (Double.isNaN(sum)) {
            throw new IllegalStateException("the purchase model gave no number for x=" + x + ", T=" + age);
        }
        return sum;
    }

    /** P(alive) times the discounted expectation if alive; 0 when the customer is surely gone. */
    private static double aliveTimes(BgNbdModel model, double x, double tx, double age, double discountedIfAlive) {
        double alive = model.probabilityAlive(x, tx, age);
        if (Double.isNaN(alive)) {
            throw new IllegalStateException(
                    "the purchase model gave no number for x=" + x + ", t_x=" + tx + ", T=" + age);
        }
        return alive == 0 ? 0 : alive * discountedIfAlive;
    }

    /** u(x, m) times the discounted expected purchases, clamped at 0. */
    private double value(double x, double monetaryValue, double discountedPurchases) {
        double value = spend.conditionalExpectedAverageValue(x, monetaryValue);
        return Math.max(0.0, value * discountedPurchases); // clamps negative rounding residues only
    }

    /**
     * Σ_{i=1..M} (E[Y(i months)] − E[Y((i−1) months)]) / (1 + d)^i for one customer: the expected purchases of
     * each month of the horizon, discounted. O(M) evaluations of the purchase model.
     *
     * @throws IllegalStateException if the purchase model returns NaN
     */
    private double discountedPurchases(double x, double tx, double age) {
        double previous = 0; // E[Y(0)] = 0
        double sum = 0;
        for (int i = 1; i <= months; i++) {
            double cumulative = purchases.conditionalExpectedPurchases(timeUnitsPerMonth * i, x, tx, age);
            sum += (cumulative - previous) / Math.pow(1 + monthlyDiscountRate, i);
            previous = cumulative;
        }
        if (Double.isNaN(sum)) {
            // A NaN must not pass for a worthless customer (NaN > 0 is false): it is a defect of the model.
            throw new IllegalStateException(
                    "the purchase model gave no number for x=" + x + ", t_x=" + tx + ", T=" + age);
        }
        return sum;
    }

    /**
     * Turns an analytic value (a CLV) into money, rounding to the currency's scale with an explicit mode.
     *
     * @param value the value, finite
     * @param currency the currency of the monetary values the spend model was fitted on
     * @param rounding how to round to the currency's minor unit
     * @return the money
     * @throws ValidationException naming {@code value} when it is not finite, or as {@link Money#of(BigDecimal,
     *     Currency, RoundingMode)}
     */
    public static Money toMoney(double value, Currency currency, RoundingMode rounding) {
        Objects.requireNonNull(rounding, "rounding");
        if (!Double.isFinite(value)) {
            throw new ValidationException(
                    "value", ValidationRule.OUT_OF_RANGE, "value must be finite but was " + value);
        }
        return Money.of(BigDecimal.valueOf(value), currency, rounding);
    }
}
