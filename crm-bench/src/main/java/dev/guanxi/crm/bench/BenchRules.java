package dev.guanxi.crm.bench;

import dev.guanxi.crm.classification.CustomerBase;
import dev.guanxi.crm.credit.CreditRule;
import dev.guanxi.crm.credit.PaymentBehaviour;
import dev.guanxi.crm.credit.PaymentBehaviours;
import dev.guanxi.crm.money.CurrencyConverter;
import java.util.Currency;
import java.util.SplittableRandom;

/** The credit part of {@link ScoringBenchmark}'s synthetic tenant. */
final class BenchRules {
    private BenchRules() {}

    static CreditRule credit() {
        return CreditRule.defaults();
    }

    /** Attaches random but valid payment behaviour: a third without invoices, the rest with 1-40 invoices. */
    static void attachCredit(CustomerBase.Builder b, int n, SplittableRandom random) {
        Currency usd = Currency.getInstance("USD");
        PaymentBehaviours.Builder rows = PaymentBehaviours.builder(usd, n);
        PaymentBehaviour none = PaymentBehaviour.of(
                java.util.List.of(), null, java.time.LocalDate.of(2026, 6, 30), CurrencyConverter.single(usd));
        for (int i = 0; i < n; i++) {
            if (random.nextInt(3) == 0) {
                rows.add(none);
                continue;
            }
            int invoices = 1 + random.nextInt(40);
            int settled = random.nextInt(invoices + 1);
            int late = random.nextInt(invoices + 1);
            int writtenOff = random.nextInt(20) == 0 ? Math.min(1, invoices - settled) : 0;
            long outstanding = random.nextInt(500_000);
            long overdue = random.nextInt(4) == 0 ? random.nextLong(outstanding + 1) : 0;
            rows.add(new PaymentBehaviour(
                    usd,
                    random.nextDouble() * 40,
                    overdue,
                    outstanding,
                    random.nextInt(5) == 0 ? Double.NaN : random.nextDouble() * 1.2,
                    random.nextDouble() * 20,
                    30 + random.nextInt(2000),
                    invoices,
                    settled,
                    late,
                    writtenOff,
                    settled >= 2 ? random.nextDouble() * 10 - 5 : Double.NaN,
                    random.nextDouble() * 1.5 - 0.5,
                    random.nextDouble()));
        }
        b.attach(PaymentBehaviours.class, rows.build());
    }
}
