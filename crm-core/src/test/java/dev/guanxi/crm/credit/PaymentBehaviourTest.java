package dev.guanxi.crm.credit;

import static dev.guanxi.crm.credit.Ledger.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.money.CurrencyConverter;
import dev.guanxi.crm.money.ExchangeRates;
import dev.guanxi.crm.money.MissingExchangeRateException;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Payment behaviour features from invoices")
class PaymentBehaviourTest {
    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency JPY = Currency.getInstance("JPY");
    static final CurrencyConverter IN_USD = CurrencyConverter.single(USD);

    final Ledger ledger = new Ledger();

    static PaymentBehaviour features(List<Invoice> invoices, Money limit) {
        return PaymentBehaviour.of(invoices, limit, AS_OF, IN_USD);
    }

    @Nested
    @DisplayName("edge cases")
    class Edges {
        @Test
        @DisplayName("an empty history has no evidence: NaN days past due, deviation and trend, zeros elsewhere")
        void emptyHistory() {
            PaymentBehaviour b = features(List.of(), null);

            assertThat(b.hasHistory()).isFalse();
            assertThat(b.invoiceCount()).isZero();
            assertThat(b.weightedDaysPastDue()).isNaN();
            assertThat(b.daysLateDeviation()).isNaN();
            assertThat(b.daysToPayTrend()).isNaN();
            assertThat(b.creditUtilisation()).isNaN();
            assertThat(b.outstandingMinor()).isZero();
            assertThat(b.overdueMinor()).isZero();
            assertThat(b.historyDays()).isZero();
            assertThat(b.outstandingGrowth()).isZero();
            assertThat(b.partialPaymentShare()).isZero();
            assertThat(b.currency()).isEqualTo(USD);
            double utilisation = features(List.of(), Money.of("1000.00", "USD")).creditUtilisation();
            assertThat(utilisation).isZero();
        }

        @Test
        @DisplayName("a single invoice paid 5 days late: 5 weighted days past due, deviation 5, no trend yet")
        void singleInvoice() {
            // issued 40 days ago, due 30 days later (10 days ago), paid 35 days after issue (5 days ago): 5 days late
            PaymentBehaviour b = features(List.of(ledger.paid("100.00", 40, 30, 35)), null);

            assertThat(b.weightedDaysPastDue()).isCloseTo(5.0, within(1e-12)); // one invoice: its weight cancels
            assertThat(b.daysLateDeviation()).isCloseTo(5.0, within(1e-12));
            assertThat(b.daysToPayTrend()).isNaN();
            assertThat(b.historyDays()).isEqualTo(40);
            assertThat(b.invoiceCount()).isEqualTo(1);
            assertThat(b.settledCount()).isEqualTo(1);
            assertThat(b.lateCount()).isEqualTo(1);
            assertThat(b.writtenOffCount()).isZero();
            assertThat(b.outstandingMinor()).isZero();
            assertThat(b.outstandingGrowth()).isZero();
        }

        @Test
        @DisplayName("an open invoice that is not yet due is no evidence of payment behaviour")
        void notYetDue() {
            PaymentBehaviour b = features(List.of(ledger.open("100.00", 5, 30)), null);

            assertThat(b.weightedDaysPastDue()).isNaN();
            assertThat(b.outstandingMinor()).isEqualTo(10_000);
            assertThat(b.overdueMinor()).isZero();
            assertThat(b.hasHistory()).isTrue();
        }

        @Test
        @DisplayName("invoices issued after the day are ignored")
        void futureInvoicesIgnored() {
            Invoice later = ledger.open(Money.of("100.00", "USD"), AS_OF.plusDays(1), AS_OF.plusDays(31));
            PaymentBehaviour b = features(List.of(later), null);

            assertThat(b.invoiceCount()).isZero();
            assertThat(b.outstandingMinor()).isZero();
        }

        @Test
        @DisplayName("invoices of two customers are a programming error")
        void twoCustomers() {
            Invoice mine = ledger.open("100.00", 5, 30);
            Invoice theirs = new Ledger().open("100.00", 5, 30);

            assertThatThrownBy(() -> features(List.of(mine, theirs), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invoices[1]");
        }
    }

    @Nested
    @DisplayName("each feature, computed by hand")
    class Features {
        @Test
        @DisplayName(
                "days past due are decay-weighted: settled invoices by age since closing, open overdue ones current")
        void weightedDaysPastDue() {
            List<Invoice> invoices = List.of(
                    ledger.paid("100.00", 80, 30, 50), // due 50 days ago, paid 30 days ago: 20 late, weight 0.5
                    ledger.paid("100.00", 40, 30, 40), // due 10 days ago, paid today: 10 late, weight 1
                    ledger.open("300.00", 45, 30), // due 15 days ago, open: 15 overdue, weight 1
                    ledger.open("200.00", 5, 30)); // not yet due: no evidence
            PaymentBehaviour b = PaymentBehaviour.of(
                    invoices,
                    null,
                    AS_OF,
                    IN_USD,
                    PaymentBehaviour.Options.defaults().withHalfLifeDays(30));

            // (0.5*20 + 1*10 + 1*15) / (0.5 + 1 + 1) = 35 / 2.5 = 14
            assertThat(b.weightedDaysPastDue()).isCloseTo(14.0, within(1e-9));
            // settled days late 20 and 10: sqrt((400 + 100) / 2) = sqrt(250)
            assertThat(b.daysLateDeviation()).isCloseTo(Math.sqrt(250), within(1e-12));
            assertThat(b.lateCount()).isEqualTo(3);
            assertThat(b.settledCount()).isEqualTo(2);
            assertThat(b.invoiceCount()).isEqualTo(4);
            assertThat(b.outstandingMinor()).isEqualTo(50_000); // 300.00 + 200.00
            assertThat(b.overdueMinor()).isEqualTo(30_000);
            assertThat(b.overdueShare()).isCloseTo(0.6, within(1e-12));
            assertThat(b.outstanding()).isEqualTo(Money.of("500.00", "USD"));
            assertThat(b.overdue()).isEqualTo(Money.of("300.00", "USD"));
            assertThat(b.historyDays()).isEqualTo(80);
        }

        @Test
        @DisplayName("a write-off counts at least the write-off days, weighted by its age like a settlement")
        void writeOffCountsHeavily() {
            List<Invoice> invoices = List.of(
                    ledger.writtenOff("100.00", 100, 30, 60), // due 70 ago, written off 40 ago: 30 late -> 180
                    ledger.paid("100.00", 10, 30, 10)); // paid today, 20 days early: 0 late, weight 1
            PaymentBehaviour b = PaymentBehaviour.of(
                    invoices,
                    null,
                    AS_OF,
                    IN_USD,
                    PaymentBehaviour.Options.defaults().withHalfLifeDays(40));

            // weights 0.5^(40/40) = 0.5 and 1: (0.5*180 + 1*0) / 1.5 = 60
            assertThat(b.weightedDaysPastDue()).isCloseTo(60.0, within(1e-9));
            assertThat(b.writtenOffCount()).isEqualTo(1);
            assertThat(b.settledCount()).isEqualTo(1);
            assertThat(b.lateCount()).isZero();
            assertThat(b.daysLateDeviation()).isZero(); // only the paid invoice, on time
            assertThat(b.outstandingMinor()).isZero(); // a write-off is no longer owed

            PaymentBehaviour lenient = PaymentBehaviour.of(
                    invoices,
                    null,
                    AS_OF,
                    IN_USD,
                    PaymentBehaviour.Options.defaults().withHalfLifeDays(40).withWriteOffDays(0));
            assertThat(lenient.weightedDaysPastDue()).isCloseTo(10.0, within(1e-9)); // 0.5*30 / 1.5
        }

        @Test
        @DisplayName(
                "credit utilisation is outstanding over the limit; NaN without a limit, infinite over a zero limit")
        void utilisation() {
            List<Invoice> invoices = List.of(ledger.open("500.00", 5, 30));

            double half = features(invoices, Money.of("1000.00", "USD")).creditUtilisation();
            double none = features(invoices, null).creditUtilisation();
            double zeroLimit = features(invoices, Money.of("0.00", "USD")).creditUtilisation();
            double zeroLimitNothingOwed =
                    features(List.of(), Money.of("0.00", "USD")).creditUtilisation();
            assertThat(half).isEqualTo(0.5);
            assertThat(none).isNaN();
            assertThat(zeroLimit).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(zeroLimitNothingOwed).isZero();
        }

        @Test
        @DisplayName("the days-to-pay trend is the least-squares slope over the latest settled invoices by issue date")
        void trend() {
            Invoice first = ledger.paid("100.00", 90, 30, 10); // 10 days to pay
            Invoice second = ledger.paid("100.00", 60, 30, 30); // 30
            Invoice third = ledger.paid("100.00", 30, 30, 20); // 20
            Invoice open = ledger.open("100.00", 5, 30); // not settled: not in the trend

            // x = 0, 1, 2; y = 10, 30, 20; mean y 20; sxy = (-1)(-10) + 0 + (1)(0) = 10; sxx = 2: slope 5
            double all = features(List.of(third, open, first, second), null).daysToPayTrend();
            assertThat(all).isCloseTo(5.0, within(1e-12));
            // window of 2: y = 30, 20: slope -10
            double lastTwo = PaymentBehaviour.of(
                            List.of(first, second, third),
                            null,
                            AS_OF,
                            IN_USD,
                            PaymentBehaviour.Options.defaults().withTrendWindow(2))
                    .daysToPayTrend();
            assertThat(lastTwo).isCloseTo(-10.0, within(1e-12));
        }

        @Test
        @DisplayName("outstanding growth compares the amount owed now with the amount owed when the window began")
        void growth() {
            Invoice old = ledger.open("100.00", 120, 30); // owed 90 days ago and now
            Invoice recent = ledger.open("300.00", 30, 60); // owed now only
            // (400 - 100) / max(400, 100) = 0.75
            assertThat(features(List.of(old, recent), null).outstandingGrowth()).isCloseTo(0.75, within(1e-12));

            Invoice paidSince = ledger.paid("100.00", 120, 30, 100); // paid 20 days ago: owed then, not now
            assertThat(features(List.of(paidSince), null).outstandingGrowth()).isEqualTo(-1.0);

            Invoice paidBefore = ledger.paid("100.00", 120, 30, 20); // paid 100 days ago: owed neither then nor now
            assertThat(features(List.of(paidBefore), null).outstandingGrowth()).isZero();

            // 40.00 paid 100 days ago, before the window began: 60.00 owed then and now
            Invoice partBefore = ledger.partlyPaid("100.00", "40.00", 120, 30, 20);
            assertThat(features(List.of(partBefore), null).outstandingGrowth()).isZero();
        }

        @Test
        @DisplayName("the partial payment share counts the latest invoices that are partly paid and still open")
        void partialPayments() {
            Invoice paid = ledger.paid("100.00", 60, 30, 10);
            Invoice partly = ledger.partlyPaid("100.00", "30.00", 30, 30, 5);
            Invoice open = ledger.open("100.00", 10, 30);

            assertThat(features(List.of(open, paid, partly), null).partialPaymentShare())
                    .isCloseTo(1.0 / 3, within(1e-12));
            double lastTwo = PaymentBehaviour.of(
                            List.of(paid, partly, open),
                            null,
                            AS_OF,
                            IN_USD,
                            PaymentBehaviour.Options.defaults().withTrendWindow(2))
                    .partialPaymentShare();
            assertThat(lastTwo).isEqualTo(0.5);
        }
    }

    @Nested
    @DisplayName("several currencies")
    class Currencies {
        final Invoice usd = ledger.open("50.00", 5, 30);
        final Invoice eur = ledger.open(Money.of("100.00", "EUR"), AS_OF.minusDays(5), AS_OF.plusDays(25));

        @Test
        @DisplayName("an amount owed in another currency without a rate is a MissingExchangeRateException")
        void missingRate() {
            assertThatThrownBy(() -> features(List.of(usd, eur), null))
                    .isInstanceOfSatisfying(MissingExchangeRateException.class, e -> {
                        assertThat(e.first()).isEqualTo(EUR);
                        assertThat(e.second()).isEqualTo(USD);
                        assertThat(e.on()).isEqualTo(AS_OF);
                    });
        }

        @Test
        @DisplayName("a credit limit in another currency without a rate is a MissingExchangeRateException")
        void missingRateOfLimit() {
            assertThatThrownBy(() -> features(List.of(usd), Money.of("1000.00", "EUR")))
                    .isInstanceOf(MissingExchangeRateException.class);
        }

        @Test
        @DisplayName("a settled invoice in another currency needs no rate")
        void settledNeedsNoRate() {
            Invoice settled = ledger.open(Money.of("100.00", "EUR"), AS_OF.minusDays(200), AS_OF.minusDays(170))
                    .applyPayment(Money.of("100.00", "EUR"), AS_OF.minusDays(180), Ledger.NOW);

            PaymentBehaviour b = features(List.of(usd, settled), null);
            assertThat(b.outstandingMinor()).isEqualTo(5_000);
            assertThat(b.settledCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("with rates, amounts are converted into minor units of the base currency")
        void converted() {
            Invoice yen = ledger.open(Money.of("1234", "JPY"), AS_OF.minusDays(40), AS_OF.minusDays(10));
            CurrencyConverter rates = CurrencyConverter.to(
                    USD,
                    ExchangeRates.fixed(
                            USD, Map.of(EUR, new BigDecimal("1.085"), JPY, new BigDecimal("0.0067")), AS_OF));

            PaymentBehaviour b = PaymentBehaviour.of(List.of(usd, eur, yen), Money.of("1000.00", "EUR"), AS_OF, rates);

            // USD 50.00 = 5000; EUR 100.00 * 1.085 = USD 108.50 = 10850; JPY 1234 * 0.0067 = 8.2678 -> USD 8.27 = 827
            assertThat(b.outstandingMinor()).isEqualTo(5_000 + 10_850 + 827);
            assertThat(b.overdueMinor()).isEqualTo(827); // only the yen invoice is past due
            // limit EUR 1000.00 = USD 1085.00 = 108500
            assertThat(b.creditUtilisation()).isCloseTo(16_677.0 / 108_500, within(1e-15));
            assertThat(b.currency()).isEqualTo(USD);
        }

        @Test
        @DisplayName("each currency's exact total is converted once, so rounding does not add up per invoice")
        void convertedOncePerCurrency() {
            Invoice cent1 = ledger.open(Money.of("0.01", "EUR"), AS_OF.minusDays(5), AS_OF.plusDays(25));
            Invoice cent2 = ledger.open(Money.of("0.01", "EUR"), AS_OF.minusDays(4), AS_OF.plusDays(26));
            CurrencyConverter rates =
                    CurrencyConverter.to(USD, ExchangeRates.fixed(USD, Map.of(EUR, new BigDecimal("1.5")), AS_OF));

            // EUR 0.02 * 1.5 = USD 0.03 (3); converting each cent would give 0.015 -> 0.02 twice (4)
            assertThat(PaymentBehaviour.of(List.of(cent1, cent2), null, AS_OF, rates)
                            .outstandingMinor())
                    .isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {
        static PaymentBehaviour valid(
                double dpd, long overdue, long outstanding, int invoices, int settled, double growth) {
            return new PaymentBehaviour(
                    USD, dpd, overdue, outstanding, 0.5, 1, 10, invoices, settled, 0, 0, 0, growth, 0);
        }

        void rejects(ThrowingCallable call, String field, ValidationRule rule) {
            assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.rule()).isEqualTo(rule);
            });
        }

        @Test
        @DisplayName("the canonical constructor rejects features out of range, naming the field")
        void canonical() {
            assertThat(valid(Double.NaN, 0, 0, 1, 1, 0).weightedDaysPastDue()).isNaN();
            rejects(() -> valid(-1, 0, 0, 1, 1, 0), "weightedDaysPastDue", ValidationRule.OUT_OF_RANGE);
            rejects(() -> valid(1, 5, 4, 1, 1, 0), "overdueMinor", ValidationRule.OUT_OF_RANGE);
            rejects(() -> valid(1, 0, -1, 1, 1, 0), "outstandingMinor", ValidationRule.OUT_OF_RANGE);
            rejects(() -> valid(1, 0, 0, 1, 2, 0), "settledCount", ValidationRule.OUT_OF_RANGE);
            rejects(() -> valid(1, 0, 0, 1, 1, 1.5), "outstandingGrowth", ValidationRule.OUT_OF_RANGE);
            rejects(
                    () -> new PaymentBehaviour(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                    "currency",
                    ValidationRule.REQUIRED);
            rejects(
                    () -> new PaymentBehaviour(USD, 0, 0, 0, -0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                    "creditUtilisation",
                    ValidationRule.OUT_OF_RANGE);
            rejects(
                    () -> new PaymentBehaviour(USD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Double.POSITIVE_INFINITY, 0, 0),
                    "daysToPayTrend",
                    ValidationRule.OUT_OF_RANGE);
            rejects(
                    () -> new PaymentBehaviour(USD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.1),
                    "partialPaymentShare",
                    ValidationRule.OUT_OF_RANGE);
        }

        @Test
        @DisplayName("options out of range are rejected, naming the option")
        void options() {
            PaymentBehaviour.Options d = PaymentBehaviour.Options.defaults();
            assertThat(d).isEqualTo(new PaymentBehaviour.Options(180, 180, 6, 90));
            rejects(() -> d.withHalfLifeDays(0), "halfLifeDays", ValidationRule.OUT_OF_RANGE);
            rejects(() -> d.withHalfLifeDays(Double.NaN), "halfLifeDays", ValidationRule.OUT_OF_RANGE);
            rejects(() -> d.withWriteOffDays(-1), "writeOffDays", ValidationRule.OUT_OF_RANGE);
            rejects(() -> d.withTrendWindow(1), "trendWindow", ValidationRule.OUT_OF_RANGE);
            rejects(() -> d.withGrowthWindowDays(0), "growthWindowDays", ValidationRule.OUT_OF_RANGE);
        }
    }
}
