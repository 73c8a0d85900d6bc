package dev.guanxi.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Property-style tests over seeded random inputs: order totals are exact sums, in minor units, whatever the lines. */
class MoneyExactnessPropertyTest {
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    @DisplayName("the total of whole-quantity lines equals the exact integer sum of quantity × price in minor units")
    void wholeQuantities() {
        Random random = new Random(1L);
        for (int round = 0; round < 300; round++) {
            List<Integer> quantities = new ArrayList<>();
            List<Long> pricesMinor = new ArrayList<>();
            for (int i = 1 + random.nextInt(30); i > 0; i--) {
                quantities.add(1 + random.nextInt(10_000));
                pricesMinor.add((long) random.nextInt(100_000_001));
            }
            wholeQuantities(quantities, pricesMinor);
        }
    }

    private static void wholeQuantities(List<Integer> quantities, List<Long> pricesMinor) {
        List<OrderLine> lines = new ArrayList<>();
        BigInteger expected = BigInteger.ZERO;
        for (int i = 0; i < quantities.size(); i++) {
            long price = pricesMinor.get(i);
            lines.add(OrderLine.of("P" + i, quantities.get(i), Money.ofMinor(price, USD)));
            expected = expected.add(BigInteger.valueOf(price).multiply(BigInteger.valueOf(quantities.get(i))));
        }
        Money total = OrderLine.sum(lines);
        assertThat(BigInteger.valueOf(total.minorUnits())).isEqualTo(expected);
        assertThat(total.amount().scale()).isEqualTo(2);
    }

    @Test
    @DisplayName("each line is quantity × price rounded HALF_UP once, and the total is their exact sum")
    void fractionalQuantities() {
        Random random = new Random(2L);
        for (int round = 0; round < 300; round++) {
            List<Long> quantityMicros = new ArrayList<>();
            List<Long> pricesMinor = new ArrayList<>();
            for (int i = 1 + random.nextInt(20); i > 0; i--) {
                quantityMicros.add(1 + (long) random.nextInt(99_999_999));
                pricesMinor.add((long) random.nextInt(10_000_001));
            }
            fractionalQuantities(quantityMicros, pricesMinor);
        }
    }

    private static void fractionalQuantities(List<Long> quantityMicros, List<Long> pricesMinor) {
        List<OrderLine> lines = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < quantityMicros.size(); i++) {
            BigDecimal quantity = BigDecimal.valueOf(quantityMicros.get(i), 6);
            BigDecimal price = BigDecimal.valueOf(pricesMinor.get(i), 2);
            lines.add(OrderLine.of("P" + i, quantity, Money.of(price, USD)));
            expected = expected.add(quantity.multiply(price).setScale(2, RoundingMode.HALF_UP));
        }
        Money total = OrderLine.sum(lines);
        assertThat(total.amount()).isEqualByComparingTo(expected);
        assertThat(total.amount().scale()).isEqualTo(2);
    }

    @Test
    @DisplayName("repeated part payments never lose a cent: paid + outstanding is always the invoice amount")
    void partPayments() {
        Random random = new Random(3L);
        for (int round = 0; round < 200; round++) {
            partPayments(1 + (long) random.nextInt(1_000_000_000), 1 + random.nextInt(17));
        }
    }

    private static void partPayments(long amountMinor, int parts) {
        Money amount = Money.ofMinor(amountMinor, USD);
        Invoice invoice = Invoice.issue(
                InvoiceId.random(),
                NewInvoice.builder(dev.guanxi.crm.customer.CustomerId.random(), "INV", amount)
                        .issuedOn(SalesTestSupport.TODAY)
                        .build(),
                SalesTestSupport.NOW);
        for (Money part : amount.allocate(parts)) {
            if (part.isPositive()) {
                invoice = invoice.applyPayment(part, SalesTestSupport.TODAY, SalesTestSupport.NOW);
            }
            assertThat(invoice.paidAmount().plus(invoice.outstanding())).isEqualTo(amount);
        }
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.outstanding().isZero()).isTrue();
    }
}
