package dev.guanxi.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Property tests: order totals are exact sums, in minor units, whatever the lines. */
class MoneyExactnessPropertyTest {
    private static final Currency USD = Currency.getInstance("USD");

    @Property(tries = 300)
    @Label("the total of whole-quantity lines equals the exact integer sum of quantity × price in minor units")
    void wholeQuantities(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 10_000) Integer> quantities,
            @ForAll @Size(min = 30, max = 30) List<@LongRange(min = 0, max = 100_000_000L) Long> pricesMinor) {
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

    @Property(tries = 300)
    @Label("each line is quantity × price rounded HALF_UP once, and the total is their exact sum")
    void fractionalQuantities(
            @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 1, max = 99_999_999L) Long> quantityMicros,
            @ForAll @Size(min = 20, max = 20) List<@LongRange(min = 0, max = 10_000_000L) Long> pricesMinor) {
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

    @Property(tries = 200)
    @Label("repeated part payments never lose a cent: paid + outstanding is always the invoice amount")
    void partPayments(
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long amountMinor,
            @ForAll @IntRange(min = 1, max = 17) int parts) {
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
