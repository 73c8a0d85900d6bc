package dev.guanxi.crm.credit;

import static dev.guanxi.crm.credit.CreditScaleTest.rejects;
import static dev.guanxi.crm.credit.Ledger.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.Contribution;
import dev.guanxi.crm.credit.ArrearsEarlyWarning.Factor;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.ArrearsWarningRaised;
import dev.guanxi.crm.event.EventMetadata;
import dev.guanxi.crm.money.CurrencyConverter;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Arrears early warning: flagged before an invoice is overdue")
class ArrearsEarlyWarningTest {
    static final Currency USD = Currency.getInstance("USD");
    static final CurrencyConverter IN_USD = CurrencyConverter.single(USD);
    static final Money LIMIT = Money.of("10000.00", "USD");

    final Ledger ledger = new Ledger();

    static PaymentBehaviour signals(double trend, double utilisation, double growth, double partial, int history) {
        return new PaymentBehaviour(USD, 0, 0, 0, utilisation, 0, history, 6, 4, 0, 0, trend, growth, partial);
    }

    @Test
    @DisplayName("a customer who pays every invoice early and uses little of the limit is not warned")
    void goodCustomer() {
        // monthly invoices of 500.00 on 30-day terms, each paid 10 days after issue; one open, issued 5 days ago
        List<Invoice> invoices = List.of(
                ledger.paid("500.00", 180, 30, 10),
                ledger.paid("500.00", 150, 30, 10),
                ledger.paid("500.00", 120, 30, 10),
                ledger.paid("500.00", 90, 30, 10),
                ledger.paid("500.00", 60, 30, 10),
                ledger.paid("500.00", 30, 30, 10),
                ledger.open("500.00", 5, 30));
        PaymentBehaviour b = PaymentBehaviour.of(invoices, LIMIT, AS_OF, IN_USD);

        // trend flat (10 days each), 5% of the limit used, 500.00 owed 90 days ago and now, 180 days of history
        assertThat(b.daysToPayTrend()).isCloseTo(0.0, within(1e-12));
        assertThat(b.creditUtilisation()).isCloseTo(0.05, within(1e-12));
        assertThat(b.outstandingGrowth()).isZero();
        assertThat(ArrearsEarlyWarning.defaults().risk(b)).isZero();
        assertThat(ArrearsEarlyWarning.defaults().warn(b)).isEmpty();
    }

    @Test
    @DisplayName("a customer whose days to pay rise invoice after invoice and who uses 95% of the limit is warned, "
            + "though nothing is overdue")
    void worseningCustomer() {
        // 60-day terms; days to pay 10, 20, 30, 40, 50: always before the due date
        List<Invoice> invoices = List.of(
                ledger.paid("800.00", 200, 60, 10),
                ledger.paid("800.00", 170, 60, 20),
                ledger.paid("800.00", 140, 60, 30),
                ledger.paid("1000.00", 110, 60, 40), // paid 70 days ago: owed when the 90-day window began
                ledger.paid("800.00", 80, 60, 50),
                ledger.open("5000.00", 50, 60), // due in 10 days
                ledger.open("4500.00", 20, 60)); // due in 40 days
        PaymentBehaviour b = PaymentBehaviour.of(invoices, LIMIT, AS_OF, IN_USD);
        assertThat(b.overdueMinor()).isZero();
        assertThat(b.lateCount()).isZero();
        assertThat(b.daysToPayTrend()).isCloseTo(10.0, within(1e-12));
        assertThat(b.creditUtilisation()).isCloseTo(0.95, within(1e-12));

        Optional<ArrearsWarning> warning = ArrearsEarlyWarning.defaults().warn(b);

        // trend 10 / (10 + 2) = 5/6; utilisation (0.95 - 0.8) / 0.2 = 0.75; growth (9500 - 1000) / 9500;
        // risk = 100 * (0.35 * 5/6 + 0.35 * 0.75 + 0.10 * 8500/9500) = 29.17 + 26.25 + 8.95 = 64.36
        double expected = 100 * (0.35 * 5 / 6 + 0.35 * 0.75 + 0.10 * 8500 / 9500);
        assertThat(warning).hasValueSatisfying(w -> {
            assertThat(w.risk()).isCloseTo(expected, within(1e-9));
            assertThat(w.threshold()).isEqualTo(40);
            assertThat(w.reason())
                    .isEqualTo(
                            "arrears risk 64 (threshold 40): days to pay rising 10.0 days per invoice; "
                                    + "95% of the credit limit used; amount owed growing (89% of it added in the growth window)");
        });
    }

    @Test
    @DisplayName("each signal's strength and the risk, computed by hand")
    void handComputed() {
        ArrearsEarlyWarning policy = ArrearsEarlyWarning.defaults();
        PaymentBehaviour b = signals(2, 0.9, 0.4, 0.5, 90);

        // trend 2 / (2 + 2) = 0.5; utilisation (0.9 - 0.8) / 0.2 = 0.5; growth 0.4; partial 0.5; history 1 - 90/180
        // risk = 100 * (0.35*0.5 + 0.35*0.5 + 0.1*0.4 + 0.1*0.5 + 0.1*0.5) = 17.5 + 17.5 + 4 + 5 + 5 = 49
        assertThat(policy.risk(b)).isCloseTo(49.0, within(1e-9));
        ArrearsWarning w = policy.warn(b).orElseThrow();
        assertThat(w.contributions())
                .extracting(Contribution::factor)
                .containsExactly(
                        "daysToPayTrend", "creditUtilisation", "outstandingGrowth", "partialPayments", "shortHistory");
        double[] points = {17.5, 17.5, 4, 5, 5};
        for (int i = 0; i < points.length; i++) {
            assertThat(w.contributions().get(i).points()).isCloseTo(points[i], within(1e-9));
        }
        // ties (17.5, 17.5 and 5, 5) keep the factor order
        assertThat(w.reason())
                .isEqualTo("arrears risk 49 (threshold 40): days to pay rising 2.0 days per invoice; "
                        + "90% of the credit limit used; 50% of recent invoices partly paid; history of 90 days; "
                        + "amount owed growing (40% of it added in the growth window)");
    }

    @Test
    @DisplayName("falling days to pay, shrinking debt, no limit and no trend are no signal")
    void noSignal() {
        ArrearsEarlyWarning policy = ArrearsEarlyWarning.defaults();
        assertThat(policy.risk(signals(-3, 0.8, -0.5, 0, 400))).isZero();
        assertThat(policy.risk(signals(Double.NaN, Double.NaN, 0, 0, 180))).isZero();
        // over a limit of zero: the utilisation signal is full, 35 points, below the threshold alone
        assertThat(policy.risk(signals(0, Double.POSITIVE_INFINITY, 0, 0, 400))).isCloseTo(35.0, within(1e-9));
        // a very steep trend alone is below the threshold too
        assertThat(policy.warn(signals(1000, 0.5, 0, 0, 400))).isEmpty();
    }

    @Test
    @DisplayName("a risk exactly at the threshold is warned; the event carries the rounded risk and the signals")
    void thresholdAndEvent() {
        ArrearsEarlyWarning.Builder b =
                ArrearsEarlyWarning.builder().threshold(50).utilisationAlertFrom(0.5);
        for (Factor f : Factor.values()) {
            b.weight(f, f == Factor.CREDIT_UTILISATION ? 1 : 0);
        }
        ArrearsEarlyWarning policy = b.build();
        PaymentBehaviour atThreshold = signals(0, 0.75, 0, 0, 0); // (0.75 - 0.5) / 0.5 = 0.5: risk 50

        ArrearsWarning w = policy.warn(atThreshold).orElseThrow();
        assertThat(w.risk()).isEqualTo(50.0);
        assertThat(policy.warn(signals(0, 0.7499, 0, 0, 0))).isEmpty();

        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), TenantId.of("acme"), Instant.EPOCH);
        CustomerId customer = CustomerId.random();
        ArrearsWarningRaised event = w.toEvent(metadata, customer, AS_OF);
        assertThat(event.risk()).isEqualTo(50);
        assertThat(event.threshold()).isEqualTo(50);
        assertThat(event.reasons()).isEqualTo("75% of the credit limit used");
        assertThat(event.customerId()).isEqualTo(customer);
        assertThat(event.asOf()).isEqualTo(AS_OF);
        assertThat(event.metadata()).isEqualTo(metadata);
    }

    @Test
    @DisplayName("the batch risks equal the single ones and count the warned rows")
    void batch() {
        Random r = new Random(3);
        PaymentBehaviours.Builder builder = PaymentBehaviours.builder(USD, 0);
        for (int i = 0; i < 400; i++) {
            builder.add(CreditScoringPropertiesTest.randomFeatures(r));
        }
        PaymentBehaviours batch = builder.build();
        ArrearsEarlyWarning policy = ArrearsEarlyWarning.defaults();
        double[] risks = new double[batch.size()];

        int warned = policy.riskAll(batch, risks);

        int expectedWarned = 0;
        for (int i = 0; i < batch.size(); i++) {
            assertThat(risks[i]).isEqualTo(policy.risk(batch.get(i))).isBetween(0.0, 100.0);
            Optional<ArrearsWarning> w = policy.warn(batch, i);
            assertThat(w.isPresent()).isEqualTo(risks[i] >= 40);
            expectedWarned += w.isPresent() ? 1 : 0;
        }
        assertThat(warned).isEqualTo(expectedWarned).isPositive();
        assertThatThrownBy(() -> policy.riskAll(batch, new double[1])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("bad configuration is a typed error naming the option; setting an option twice is illegal")
    void badConfiguration() {
        rejects(() -> ArrearsEarlyWarning.builder().threshold(101), "threshold", ValidationRule.OUT_OF_RANGE);
        rejects(() -> ArrearsEarlyWarning.builder().threshold(-1), "threshold", ValidationRule.OUT_OF_RANGE);
        rejects(
                () -> ArrearsEarlyWarning.builder().weight(Factor.DAYS_TO_PAY_TREND, -1),
                "weights.daysToPayTrend",
                ValidationRule.OUT_OF_RANGE);
        rejects(
                () -> ArrearsEarlyWarning.builder().weight(Factor.SHORT_HISTORY, Double.NaN),
                "weights.shortHistory",
                ValidationRule.OUT_OF_RANGE);
        ArrearsEarlyWarning.Builder zero = ArrearsEarlyWarning.builder();
        for (Factor f : Factor.values()) {
            zero.weight(f, 0);
        }
        rejects(zero::build, "weights", ValidationRule.OUT_OF_RANGE);
        rejects(
                () -> ArrearsEarlyWarning.builder().utilisationAlertFrom(1.0),
                "utilisationAlertFrom",
                ValidationRule.OUT_OF_RANGE);
        rejects(() -> ArrearsEarlyWarning.builder().trendHalfPoint(0), "trendHalfPoint", ValidationRule.OUT_OF_RANGE);
        rejects(
                () -> ArrearsEarlyWarning.builder().shortHistoryDays(0),
                "shortHistoryDays",
                ValidationRule.OUT_OF_RANGE);
        assertThatThrownBy(() -> ArrearsEarlyWarning.builder().threshold(10).threshold(20))
                .isInstanceOf(IllegalStateException.class);
        // a warning below its threshold is not a warning
        rejects(() -> new ArrearsWarning(39.9, 40, List.of()), "risk", ValidationRule.OUT_OF_RANGE);
        assertThat(ArrearsEarlyWarning.defaults().threshold()).isEqualTo(40);
        assertThat(ArrearsEarlyWarning.defaults().weight(Factor.CREDIT_UTILISATION))
                .isEqualTo(0.35);
    }
}
