package dev.guanxi.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransactionLogTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    private static TenantCrm tenant() {
        Crm crm = Crm.builder()
                .clock(Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC))
                .build();
        return crm.tenant("acme");
    }

    private static void buy(TenantCrm t, CustomerId c, LocalDate date, String amount, String currency) {
        t.sales()
                .recordPurchase(NewOrder.builder(c, date)
                        .line(OrderLine.of("SKU-1", 1, Money.of(amount, currency)))
                        .build());
    }

    @Test
    @DisplayName("the log is built from the storage's purchase scan, keyed by CustomerId, amounts in minor units")
    void fromPurchaseScan() {
        TenantCrm t = tenant();
        CustomerId alice =
                t.customers().register(CustomerDraft.person("Alice").build()).id();
        CustomerId bob =
                t.customers().register(CustomerDraft.person("Bob").build()).id();
        buy(t, alice, TODAY.minusDays(30), "10.00", "EUR");
        buy(t, alice, TODAY.minusDays(30), "5.50", "EUR");
        buy(t, alice, TODAY.minusDays(9), "20.00", "EUR");
        buy(t, bob, TODAY.minusDays(2), "7.00", "EUR");
        TransactionLog log = TransactionLog.fromPurchases(t);
        assertThat(log.size()).isEqualTo(4);
        assertThat(log.customerCount()).isEqualTo(2);
        assertThat(log.amountFractionDigits()).isEqualTo(2);
        assertThat(log.currency())
                .hasValueSatisfying(c -> assertThat(c.getCurrencyCode()).isEqualTo("EUR"));
        int a = log.customerIndex(alice);
        CustomerSummaries s = CustomerSummaries.fromLog(log, TODAY, PeriodUnit.DAYS);
        int row = s.customer(0) == a ? 0 : 1;
        assertThat(s.frequency(row)).isEqualTo(1);
        assertThat(s.recency(row)).isEqualTo(21);
        assertThat(s.age(row)).isEqualTo(30);
        assertThat(s.monetaryValue(row)).isEqualTo(20.0);
        assertThat(log.customerKey(a)).contains(alice);
    }

    @Test
    @DisplayName("purchases in two currencies are refused with CURRENCY_MISMATCH")
    void mixedCurrencies() {
        TenantCrm t = tenant();
        CustomerId alice =
                t.customers().register(CustomerDraft.person("Alice").build()).id();
        buy(t, alice, TODAY.minusDays(3), "10.00", "EUR");
        buy(t, alice, TODAY.minusDays(2), "10.00", "USD");
        assertThatThrownBy(() -> TransactionLog.fromPurchases(t))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    assertThat(((ValidationException) e).field()).isEqualTo("currency");
                    assertThat(((ValidationException) e).rule()).isEqualTo(ValidationRule.CURRENCY_MISMATCH);
                });
    }

    @Test
    @DisplayName("an empty tenant gives an empty log; the log grows past its initial capacity")
    void emptyAndGrowth() {
        assertThat(TransactionLog.fromPurchases(tenant()).size()).isZero();
        TransactionLog log = new TransactionLog();
        for (int i = 0; i < 1000; i++) {
            log.add(i % 7, 100 + i, i);
        }
        assertThat(log.size()).isEqualTo(1000);
        assertThat(log.customerCount()).isEqualTo(7);
        assertThat(log.day(999)).isEqualTo(1099);
        assertThat(log.amount(999)).isEqualTo(999);
        assertThat(log.customerKey(3)).isEmpty();
    }
}
