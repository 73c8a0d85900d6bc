package dev.guanxi.crm.credit;

import static dev.guanxi.crm.credit.Ledger.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.credit.CreditScoring.Factor;
import dev.guanxi.crm.money.CurrencyConverter;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Credit scoring properties over seeded random histories")
class CreditScoringPropertiesTest {
    static final Currency USD = Currency.getInstance("USD");
    static final CurrencyConverter IN_USD = CurrencyConverter.single(USD);

    /** One invoice of a random history: what happened to it and when, in days before {@link Ledger#AS_OF}. */
    record Spec(int kind, long cents, int issuedAgo, int term, int settledAfter) {
        static final int OPEN = 0;
        static final int PAID = 1;
        static final int PART_PAID = 2;
        static final int WRITTEN_OFF = 3;

        static Spec random(Random r) {
            int issuedAgo = r.nextInt(721);
            int term = r.nextInt(91);
            return new Spec(r.nextInt(4), 1 + r.nextInt(1_000_000), issuedAgo, term, r.nextInt(issuedAgo + 1));
        }

        /** An invoice paid in full on or before its due date, and not after the day. */
        static Spec paidOnTime(Random r) {
            int issuedAgo = r.nextInt(721);
            int term = r.nextInt(91);
            return new Spec(PAID, 1 + r.nextInt(1_000_000), issuedAgo, term, r.nextInt(Math.min(term, issuedAgo) + 1));
        }

        Invoice materialize(Ledger ledger) {
            Money amount = Money.ofMinor(cents, USD);
            Invoice invoice = ledger.open(amount, AS_OF.minusDays(issuedAgo), AS_OF.minusDays(issuedAgo - term));
            var settled = invoice.issueDate().plusDays(settledAfter);
            return switch (kind) {
                case PAID -> invoice.applyPayment(amount, settled, Ledger.NOW);
                case PART_PAID ->
                    cents < 2 ? invoice : invoice.applyPayment(Money.ofMinor(cents / 2, USD), settled, Ledger.NOW);
                case WRITTEN_OFF -> invoice.writeOff("bad debt", settled, Ledger.NOW);
                default -> invoice;
            };
        }
    }

    static List<Invoice> materialize(Ledger ledger, List<Spec> specs) {
        List<Invoice> invoices = new ArrayList<>();
        for (Spec s : specs) {
            invoices.add(s.materialize(ledger));
        }
        return invoices;
    }

    static List<Spec> randomHistory(Random r, int minSize) {
        int n = minSize + r.nextInt(9);
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            specs.add(Spec.random(r));
        }
        return specs;
    }

    static Money randomLimit(Random r) {
        return r.nextInt(3) == 0 ? null : Money.ofMinor(r.nextInt(3) == 0 ? 0 : r.nextInt(5_000_000), USD);
    }

    /** Random weights (some 0, never all), scale and half points. */
    static CreditScoring randomPolicy(Random r) {
        CreditScoring.Builder b = CreditScoring.builder()
                .scale(r.nextBoolean() ? CreditScale.letters() : CreditScale.fiveBands())
                .daysPastDueHalfPoint(1 + r.nextInt(60))
                .daysLateDeviationHalfPoint(1 + r.nextInt(60))
                .fullHistoryDays(1 + r.nextInt(730))
                .noHistoryScore(100 * r.nextDouble());
        int kept = r.nextInt(Factor.values().length);
        for (Factor f : Factor.values()) {
            b.weight(f, f.ordinal() != kept && r.nextInt(4) == 0 ? 0 : 0.01 + r.nextDouble());
        }
        return b.build();
    }

    static PaymentBehaviour.Options randomOptions(Random r) {
        return new PaymentBehaviour.Options(1 + r.nextInt(720), r.nextInt(366), 2 + r.nextInt(9), 1 + r.nextInt(180));
    }

    @Test
    @DisplayName("a payment made on time never lowers the credit grade: default policy, any history, even an empty one")
    void onTimePaymentDefaults() {
        Random r = new Random(20260630L);
        for (int round = 0; round < 600; round++) {
            onTimePayment(r, CreditScoring.defaults(), randomHistory(r, 0), round);
        }
    }

    @Test
    @DisplayName("a payment made on time never lowers the credit grade: random weights and scales, non-empty history")
    void onTimePaymentRandomPolicies() {
        Random r = new Random(7L);
        for (int round = 0; round < 600; round++) {
            onTimePayment(r, randomPolicy(r), randomHistory(r, 1), round);
        }
    }

    private static void onTimePayment(Random r, CreditScoring policy, List<Spec> history, int round) {
        Ledger ledger = new Ledger();
        Money limit = randomLimit(r);
        PaymentBehaviour.Options options = randomOptions(r);
        List<Invoice> before = materialize(ledger, history);
        List<Invoice> after = new ArrayList<>(before);
        Spec onTime = Spec.paidOnTime(r);
        after.add(r.nextInt(after.size() + 1), onTime.materialize(ledger));

        CreditAssessment a = policy.assess(PaymentBehaviour.of(before, limit, AS_OF, IN_USD, options));
        CreditAssessment b = policy.assess(PaymentBehaviour.of(after, limit, AS_OF, IN_USD, options));
        assertThat(b.gradeIndex())
                .as("round %d: %s then %s plus %s: %s -> %s", round, history, limit, onTime, a, b)
                .isLessThanOrEqualTo(a.gradeIndex());
        assertThat(b.score()).as("round %d", round).isGreaterThanOrEqualTo(a.score() - 1e-9);
    }

    @Test
    @DisplayName("more weighted days past due never raise the score (and worse values of every factor never do)")
    void monotoneInFeatures() {
        Random r = new Random(99L);
        for (int round = 0; round < 1000; round++) {
            CreditScoring policy = r.nextBoolean() ? CreditScoring.defaults() : randomPolicy(r);
            PaymentBehaviour f = randomFeatures(r);
            double base = policy.assess(f).score();
            double more = r.nextInt(10) == 0 ? 1e12 : 1 + 100 * r.nextDouble();
            if (!Double.isNaN(f.weightedDaysPastDue())) {
                PaymentBehaviour worse = copy(
                        f,
                        f.weightedDaysPastDue() + more,
                        f.overdueMinor(),
                        f.creditUtilisation(),
                        f.daysLateDeviation(),
                        f.writtenOffCount(),
                        f.historyDays());
                assertThat(policy.assess(worse).score())
                        .as("round %d: days past due", round)
                        .isLessThanOrEqualTo(base);
            }
            PaymentBehaviour moreOverdue = copy(
                    f,
                    f.weightedDaysPastDue(),
                    f.outstandingMinor(),
                    f.creditUtilisation(),
                    f.daysLateDeviation(),
                    f.writtenOffCount(),
                    f.historyDays());
            assertThat(policy.assess(moreOverdue).score())
                    .as("round %d: overdue", round)
                    .isLessThanOrEqualTo(base);
            if (!Double.isNaN(f.creditUtilisation())) {
                PaymentBehaviour fuller = copy(
                        f,
                        f.weightedDaysPastDue(),
                        f.overdueMinor(),
                        f.creditUtilisation() + more / 100,
                        f.daysLateDeviation(),
                        f.writtenOffCount(),
                        f.historyDays());
                assertThat(policy.assess(fuller).score())
                        .as("round %d: utilisation", round)
                        .isLessThanOrEqualTo(base);
            }
            if (!Double.isNaN(f.daysLateDeviation())) {
                PaymentBehaviour irregular = copy(
                        f,
                        f.weightedDaysPastDue(),
                        f.overdueMinor(),
                        f.creditUtilisation(),
                        f.daysLateDeviation() + Math.min(more, 1e6),
                        f.writtenOffCount(),
                        f.historyDays());
                assertThat(policy.assess(irregular).score())
                        .as("round %d: deviation", round)
                        .isLessThanOrEqualTo(base);
            }
            if (f.writtenOffCount() + f.settledCount() < f.invoiceCount()) {
                PaymentBehaviour writeOff = copy(
                        f,
                        f.weightedDaysPastDue(),
                        f.overdueMinor(),
                        f.creditUtilisation(),
                        f.daysLateDeviation(),
                        f.writtenOffCount() + 1,
                        f.historyDays());
                assertThat(policy.assess(writeOff).score())
                        .as("round %d: write-offs", round)
                        .isLessThanOrEqualTo(base);
            }
            PaymentBehaviour shorter = copy(
                    f,
                    f.weightedDaysPastDue(),
                    f.overdueMinor(),
                    f.creditUtilisation(),
                    f.daysLateDeviation(),
                    f.writtenOffCount(),
                    f.historyDays() / 2);
            assertThat(policy.assess(shorter).score())
                    .as("round %d: history", round)
                    .isLessThanOrEqualTo(base);
        }
    }

    private static PaymentBehaviour copy(
            PaymentBehaviour f,
            double dpd,
            long overdue,
            double utilisation,
            double deviation,
            int writtenOff,
            int history) {
        return new PaymentBehaviour(
                f.currency(),
                dpd,
                overdue,
                f.outstandingMinor(),
                utilisation,
                deviation,
                history,
                f.invoiceCount(),
                f.settledCount(),
                f.lateCount(),
                writtenOff,
                f.daysToPayTrend(),
                f.outstandingGrowth(),
                f.partialPaymentShare());
    }

    @Test
    @DisplayName("the same payment against an earlier due date never raises the score")
    void laterAgainstDueDateNeverRaisesScore() {
        Random r = new Random(5L);
        int checked = 0;
        for (int round = 0; round < 800; round++) {
            CreditScoring policy = r.nextBoolean() ? CreditScoring.defaults() : randomPolicy(r);
            List<Spec> history = randomHistory(r, 1);
            int j = r.nextInt(history.size());
            Spec s = history.get(j);
            boolean evidence = s.kind() == Spec.PAID
                    || s.kind() == Spec.WRITTEN_OFF
                    || s.issuedAgo() - s.term() > 0; // open and already overdue
            if (!evidence || s.term() == 0) {
                continue;
            }
            List<Spec> later = new ArrayList<>(history);
            later.set(
                    j,
                    new Spec(s.kind(), s.cents(), s.issuedAgo(), s.term() - 1 - r.nextInt(s.term()), s.settledAfter()));
            Money limit = randomLimit(r);
            PaymentBehaviour.Options options = randomOptions(r);
            double before = policy.assess(
                            PaymentBehaviour.of(materialize(new Ledger(), history), limit, AS_OF, IN_USD, options))
                    .score();
            double after = policy.assess(
                            PaymentBehaviour.of(materialize(new Ledger(), later), limit, AS_OF, IN_USD, options))
                    .score();
            assertThat(after).as("round %d", round).isLessThanOrEqualTo(before + 1e-9);
            checked++;
        }
        assertThat(checked).isGreaterThan(250);
    }

    @Test
    @DisplayName("the score always lies within 0 to 100, in single and batch scoring")
    void scoreInRange() {
        Random r = new Random(42L);
        for (int round = 0; round < 100; round++) {
            CreditScoring policy = r.nextBoolean() ? CreditScoring.defaults() : randomPolicy(r);
            PaymentBehaviours.Builder batch = PaymentBehaviours.builder(USD);
            for (int i = 0; i < 20; i++) {
                PaymentBehaviour f = randomFeatures(r);
                batch.add(f);
                CreditAssessment a = policy.assess(f);
                assertThat(a.score()).isBetween(0.0, 100.0);
                if (!a.noHistory()) {
                    double sum = 0;
                    for (var c : a.contributions()) {
                        sum += c.points();
                    }
                    assertThat(sum).isCloseTo(a.score(), org.assertj.core.api.Assertions.within(1e-6));
                }
            }
            PaymentBehaviours built = batch.build();
            double[] scores = new double[built.size()];
            int[] grades = new int[built.size()];
            policy.scoreAll(built, scores, grades);
            for (int i = 0; i < scores.length; i++) {
                assertThat(scores[i]).isBetween(0.0, 100.0);
                assertThat(grades[i]).isBetween(0, policy.scale().size() - 1);
            }
        }
    }

    /** Random features, consistent enough for the canonical constructor; extremes included. */
    static PaymentBehaviour randomFeatures(Random r) {
        int invoices = r.nextInt(21);
        int settled = r.nextInt(invoices + 1);
        int writtenOff = r.nextInt(invoices - settled + 1);
        long outstanding = r.nextInt(5) == 0 ? 0 : r.nextInt(1_000_000);
        double utilisation = switch (r.nextInt(5)) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            default -> r.nextDouble() * 2;
        };
        return new PaymentBehaviour(
                USD,
                r.nextInt(5) == 0 ? Double.NaN : r.nextInt(10) == 0 ? 1e9 * r.nextDouble() : 200 * r.nextDouble(),
                outstanding == 0 ? 0 : r.nextLong(outstanding + 1),
                outstanding,
                utilisation,
                r.nextInt(5) == 0 ? Double.NaN : 100 * r.nextDouble(),
                r.nextInt(2000),
                invoices,
                settled,
                r.nextInt(invoices + 1),
                writtenOff,
                r.nextInt(3) == 0 ? Double.NaN : 40 * r.nextDouble() - 20,
                2 * r.nextDouble() - 1,
                r.nextDouble());
    }
}
