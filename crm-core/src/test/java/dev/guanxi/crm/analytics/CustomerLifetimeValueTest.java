package dev.guanxi.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.money.Money;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CustomerLifetimeValueTest {
    // Published CDNOW parameters: BG/NBD r = 0.243, α = 4.414, a = 0.793, b = 2.426 (Fader, Hardie & Lee 2005);
    // Gamma-Gamma p = 6.25, q = 3.74, γ = 15.44 (Fader & Hardie 2013).
    private static final ClvReferencePurchaseModel BGNBD = ClvReferencePurchaseModel.CDNOW;
    private static final GammaGammaModel SPEND = new GammaGammaModel(6.25, 3.74, 15.44);
    private static final CustomerLifetimeValue CLV = CustomerLifetimeValue.weekly(BGNBD, SPEND, 12, 0.01);

    @Test
    @DisplayName("the test BG/NBD reproduces Hardie's E[Y(39) | 2, 30.43, 38.86] = 1.226")
    void referenceModelIsRight() {
        // tolerance: the published value has 3 decimals (Hardie's BG/NBD spreadsheet)
        assertThat(BGNBD.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(5e-4));
    }

    @Test
    @DisplayName("the CLV of CDNOW customer 1 equals the hand-written monthly sum and an independent scipy value")
    void customerOneByHand() {
        double x = 2;
        double tx = 30.43;
        double age = 38.86;
        double value = (6.25 * 15.44 + 6.25 * 2 * 22.35) / (6.25 * 2 + 3.74 - 1); // Gamma-Gamma eq. 5 by hand
        double byHand = 0;
        for (int i = 1; i <= 12; i++) {
            byHand += value
                    * (BGNBD.conditionalExpectedPurchases(4.345 * i, x, tx, age)
                            - BGNBD.conditionalExpectedPurchases(4.345 * (i - 1), x, tx, age))
                    / Math.pow(1.01, i);
        }
        assertThat(CLV.value(x, tx, age, 22.35)).isCloseTo(byHand, within(1e-9));
        // independent: the same sum in Python with scipy.special.hyp2f1 gave 36.28921112559922
        assertThat(CLV.value(x, tx, age, 22.35)).isCloseTo(36.28921112559922, within(1e-9));
        // customer 2 (x = 1, t_x = 1.71) and customer 3 (x = 0, the population mean value) from the same script
        assertThat(CLV.value(1, 1.71, 38.86, 11.77)).isCloseTo(4.63729465974718, within(1e-9));
        assertThat(CLV.value(0, 0, 38.86, 0)).isCloseTo(8.369004358920183, within(1e-9));
    }

    @Test
    @DisplayName(
            "a customer without repeat purchases is valued at the population mean spend, whatever her monetary value says")
    void zeroFrequencyUsesPopulationMean() {
        assertThat(CLV.value(0, 0, 38.86, 0)).isEqualTo(CLV.value(0, 0, 38.86, 1234));
        double purchases = BGNBD.conditionalExpectedPurchases(4.345, 0, 0, 38.86);
        CustomerLifetimeValue oneMonth = CustomerLifetimeValue.weekly(BGNBD, SPEND, 1, 0.0);
        assertThat(oneMonth.value(0, 0, 38.86, 0)).isCloseTo(SPEND.populationMeanValue() * purchases, within(1e-12));
    }

    @Test
    @DisplayName("daily summaries with 30.415 days a month give the weekly value (the BG/NBD scale α in days)")
    void dailyEqualsWeekly() {
        ClvReferencePurchaseModel daily = new ClvReferencePurchaseModel(0.243, 4.414 * 7, 0.793, 2.426);
        CustomerLifetimeValue perDay = CustomerLifetimeValue.daily(daily, SPEND, 12, 0.01);
        assertThat(perDay.value(2, 30.43 * 7, 38.86 * 7, 22.35))
                .isCloseTo(CLV.value(2, 30.43, 38.86, 22.35), withinPercentage(1e-9));
        assertThat(CustomerLifetimeValue.DAYS_PER_MONTH)
                .isEqualTo(7 * CustomerLifetimeValue.WEEKS_PER_MONTH, within(1e-12));
    }

    @Test
    @DisplayName("the PeriodUnit factory uses 4.345 weeks or 30.415 days a month, as weekly and daily do")
    void periodUnitFactory() {
        assertThat(CustomerLifetimeValue.timeUnitsPerMonth(PeriodUnit.WEEKS)).isEqualTo(4.345);
        assertThat(CustomerLifetimeValue.timeUnitsPerMonth(PeriodUnit.DAYS)).isEqualTo(30.415);
        assertThat(CustomerLifetimeValue.of(BGNBD, SPEND, PeriodUnit.WEEKS, 12, 0.01))
                .isEqualTo(CustomerLifetimeValue.weekly(BGNBD, SPEND, 12, 0.01));
        assertThat(CustomerLifetimeValue.of(BGNBD, SPEND, PeriodUnit.DAYS, 12, 0.01))
                .isEqualTo(CustomerLifetimeValue.daily(BGNBD, SPEND, 12, 0.01));
        assertField(() -> CustomerLifetimeValue.of(BGNBD, SPEND, null, 12, 0.01), "unit");
    }

    @Test
    @DisplayName("the columnar values equal the per-customer ones bit for bit on the CDNOW summary")
    void columnarMatchesScalar() {
        SpendDatasets.CdnowSummary data = SpendDatasets.cdnow();
        double[] values = CLV.values(data.x(), data.tx(), data.age(), data.zbar());
        assertThat(values).hasSize(2357);
        for (int i = 0; i < values.length; i++) {
            assertThat(values[i]).isEqualTo(CLV.value(data.x()[i], data.tx()[i], data.age()[i], data.zbar()[i]));
        }
    }

    @Test
    @DisplayName(
            "properties on random customers: CLV is finite and non-negative, falls as the discount rate rises, grows with the horizon")
    void properties() {
        Random random = new Random(7L);
        for (int trial = 0; trial < 300; trial++) {
            double age = 1 + random.nextDouble() * 100;
            double x = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(60);
            double tx = x == 0 ? 0 : random.nextDouble() * age;
            double zbar = x == 0 ? 0 : Math.exp(random.nextGaussian() * 2 + 3);
            double d = random.nextDouble() * 0.2;
            int months = 1 + random.nextInt(36);
            double value = CustomerLifetimeValue.weekly(BGNBD, SPEND, months, d).value(x, tx, age, zbar);
            assertThat(value).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(CustomerLifetimeValue.weekly(BGNBD, SPEND, months, d + 0.01)
                            .value(x, tx, age, zbar))
                    .isLessThanOrEqualTo(value);
            assertThat(CustomerLifetimeValue.weekly(BGNBD, SPEND, months + 1, d).value(x, tx, age, zbar))
                    .isGreaterThanOrEqualTo(value);
        }
        assertThat(CustomerLifetimeValue.weekly(BGNBD, SPEND, 0, 0.01).value(2, 30.43, 38.86, 22.35))
                .isZero();
    }

    @Test
    @DisplayName("extreme but valid customers give finite values")
    void extremeInputs() {
        CustomerLifetimeValue longHorizon = CustomerLifetimeValue.weekly(BGNBD, SPEND, 600, 0.0);
        assertThat(longHorizon.value(0, 0, 0, 0)).isFinite().isPositive();
        assertThat(CLV.value(1000, 10, 100, 1e9)).isFinite().isGreaterThanOrEqualTo(0);
        assertThat(CLV.value(200, 99.9, 100, 1e-9)).isFinite().isPositive();
        assertThat(CustomerLifetimeValue.weekly(BGNBD, SPEND, 12, 1e6).value(2, 30.43, 38.86, 22.35))
                .isFinite()
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    @DisplayName("bad customers and settings are refused naming the field")
    void badInputs() {
        assertField(() -> CLV.value(-1, 0, 10, 5), "frequency");
        assertField(() -> CLV.value(Double.NaN, 0, 10, 5), "frequency");
        assertField(() -> CLV.value(2, 11, 10, 5), "recency");
        assertField(() -> CLV.value(0, 3, 10, 5), "recency");
        assertField(() -> CLV.value(2, 3, Double.POSITIVE_INFINITY, 5), "age");
        assertField(() -> CLV.value(2, 3, 10, -5), "monetaryValue");
        assertField(() -> CLV.value(2, 3, 10, Double.NaN), "monetaryValue");
        assertField(
                () -> CLV.values(new double[] {1, 2}, new double[] {1, 3}, new double[] {5, 2}, new double[] {1, 1}),
                "recency");
        assertField(
                () -> CLV.values(new double[] {1}, new double[] {1, 3}, new double[] {5}, new double[] {1}), "recency");
        assertField(() -> CustomerLifetimeValue.weekly(BGNBD, SPEND, -1, 0.01), "months");
        assertField(() -> CustomerLifetimeValue.weekly(BGNBD, SPEND, 12, -1), "monthlyDiscountRate");
        assertField(() -> CustomerLifetimeValue.weekly(BGNBD, SPEND, 12, Double.NaN), "monthlyDiscountRate");
        assertField(() -> new CustomerLifetimeValue(BGNBD, SPEND, 12, 0.01, 0), "timeUnitsPerMonth");
        assertField(() -> CustomerLifetimeValue.weekly(null, SPEND, 12, 0.01), "purchases");
        assertField(() -> CustomerLifetimeValue.weekly(BGNBD, new GammaGammaModel(1, 0.5, 1), 12, 0.01), "spend");
        assertField(
                () -> CustomerLifetimeValue.toMoney(Double.NaN, Currency.getInstance("USD"), RoundingMode.HALF_EVEN),
                "value");
    }

    @Test
    @DisplayName("a CLV becomes money only with an explicit rounding")
    void toMoney() {
        Currency usd = Currency.getInstance("USD");
        assertThat(CustomerLifetimeValue.toMoney(36.28921112559922, usd, RoundingMode.HALF_EVEN))
                .isEqualTo(Money.of("36.29", "USD"));
        assertThat(CustomerLifetimeValue.toMoney(36.285, usd, RoundingMode.DOWN))
                .isEqualTo(Money.of("36.28", "USD"));
        assertThat(CustomerLifetimeValue.toMoney(0.0, usd, RoundingMode.HALF_EVEN))
                .isEqualTo(Money.of("0.00", "USD"));
    }

    @Test
    @DisplayName(
            "with BG/NBD (P(alive) x a sum per (x, T)) the values equal the generic month-by-month formula to 1e-12,"
                    + " and columnar equals scalar bit for bit")
    void bgNbdFastPathMatchesGenericFormula() {
        SpendDatasets.CdnowSummary data = SpendDatasets.cdnow();
        BgNbdModel model = BgNbdModel.of(0.243, 4.414, 0.793, 2.426); // the published CDNOW fit, weeks
        RepeatPurchaseModel generic = new RepeatPurchaseModel() { // the same model, not recognised as BG/NBD
                    @Override
                    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
                        return model.conditionalExpectedPurchases(t, x, tx, age);
                    }

                    @Override
                    public double probabilityAlive(double x, double tx, double age) {
                        return model.probabilityAlive(x, tx, age);
                    }

                    @Override
                    public double expectedPurchases(double t) {
                        return model.expectedPurchases(t);
                    }

                    @Override
                    public double logLikelihood() {
                        return model.logLikelihood();
                    }
                };
        CustomerLifetimeValue fast = CustomerLifetimeValue.weekly(model, SPEND, 24, 0.01);
        CustomerLifetimeValue slow = CustomerLifetimeValue.weekly(generic, SPEND, 24, 0.01);
        double[] x = data.x();
        double[] tx = data.tx();
        double[] age = data.age();
        double[] zbar = data.zbar();
        double[] values = fast.values(x, tx, age, zbar);
        double[] expected = slow.values(x, tx, age, zbar);
        for (int i = 0; i < values.length; i++) {
            // tolerance: 1e-12 relative (the two differ only in where P(alive) multiplies, a few ulps)
            assertThat(values[i]).isCloseTo(expected[i], within(1e-12 * Math.max(1, Math.abs(expected[i]))));
            assertThat(values[i]).isEqualTo(fast.value(x[i], tx[i], age[i], zbar[i]));
        }
        double total = 0;
        for (double v : values) {
            total += v;
        }
        assertThat(total).isGreaterThan(0);
    }

    @Test
    @DisplayName("the same customers give the same bits")
    void deterministic() {
        SpendDatasets.CdnowSummary data = SpendDatasets.cdnow();
        assertThat(CLV.values(data.x(), data.tx(), data.age(), data.zbar()))
                .isEqualTo(CLV.values(data.x(), data.tx(), data.age(), data.zbar()));
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isIn(ValidationRule.OUT_OF_RANGE, ValidationRule.REQUIRED);
        });
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("a purchase model that returns NaN makes the CLV fail instead of passing for 0")
    void nanFromThePurchaseModelIsNotZero() {
        RepeatPurchaseModel broken = new RepeatPurchaseModel() {
            @Override
            public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
                return Double.NaN;
            }

            @Override
            public double probabilityAlive(double x, double tx, double age) {
                return Double.NaN;
            }

            @Override
            public double expectedPurchases(double t) {
                return Double.NaN;
            }

            @Override
            public double logLikelihood() {
                return Double.NaN;
            }
        };
        CustomerLifetimeValue clv =
                CustomerLifetimeValue.weekly(broken, new GammaGammaModel(6.25, 3.74, 15.44), 12, 0.01);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clv.value(2, 30.43, 38.86, 22.35))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("x=2.0");
    }
}
