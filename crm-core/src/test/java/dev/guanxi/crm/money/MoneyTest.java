package dev.guanxi.crm.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MoneyTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    @Test
    @DisplayName("an amount is held at its currency's scale: USD 2, JPY 0, BHD 3")
    void scalePerCurrency() {
        assertThat(Money.of("12.5", "USD").amount())
                .isEqualByComparingTo("12.50")
                .hasScaleOf(2);
        assertThat(Money.of("1200", "JPY").amount()).hasScaleOf(0);
        assertThat(Money.of("1.5", "BHD").amount()).hasScaleOf(3);
        assertThat(Money.of("1.500", "USD")).isEqualTo(Money.of("1.5", "USD"));
        assertThat(Money.of("12.5", "USD")).hasToString("USD 12.50");
    }

    static Stream<Arguments> badMoney() {
        return Stream.of(
                Arguments.of("1.005", "USD", "amount", ValidationRule.SCALE),
                Arguments.of("1.5", "JPY", "amount", ValidationRule.SCALE),
                Arguments.of("0.0001", "BHD", "amount", ValidationRule.SCALE),
                Arguments.of("1.00", "ABC", "currency", ValidationRule.UNKNOWN_CURRENCY),
                Arguments.of("1.00", "usd", "currency", ValidationRule.UNKNOWN_CURRENCY),
                Arguments.of("1.00", "XAU", "currency", ValidationRule.UNKNOWN_CURRENCY),
                Arguments.of("1.00", null, "currency", ValidationRule.REQUIRED),
                Arguments.of(null, "USD", "amount", ValidationRule.REQUIRED),
                Arguments.of("1,00", "USD", "amount", ValidationRule.INVALID_FORMAT),
                Arguments.of("NaN", "USD", "amount", ValidationRule.INVALID_FORMAT),
                Arguments.of("Infinity", "USD", "amount", ValidationRule.INVALID_FORMAT),
                Arguments.of("1234567890123456789012345678901234567890", "USD", "amount", ValidationRule.TOO_LONG));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @MethodSource("badMoney")
    @DisplayName("bad amounts and currencies are refused with the field and the rule, never rounded")
    void badInput(String amount, String currency, String field, ValidationRule rule) {
        assertThatThrownBy(() -> Money.of(amount, currency)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    @Test
    @DisplayName("rounding happens only with an explicit mode")
    void explicitRounding() {
        assertThat(Money.of(new BigDecimal("1.005"), USD, RoundingMode.HALF_UP)).isEqualTo(Money.of("1.01", "USD"));
        assertThat(Money.of(new BigDecimal("1.005"), USD, RoundingMode.HALF_EVEN))
                .isEqualTo(Money.of("1.00", "USD"));
        assertThat(Money.of("10.00", "USD").times(new BigDecimal("0.333"), RoundingMode.HALF_UP))
                .isEqualTo(Money.of("3.33", "USD"));
    }

    @Test
    @DisplayName("amounts of different currencies are never combined")
    void currencyMismatch() {
        Money usd = Money.of("1.00", "USD");
        Money eur = Money.of("1.00", "EUR");
        assertThatThrownBy(() -> usd.plus(eur)).isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
            assertThat(e.first()).isEqualTo(USD);
            assertThat(e.second()).isEqualTo(Currency.getInstance("EUR"));
            assertThat(e.rule()).isEqualTo(ValidationRule.CURRENCY_MISMATCH);
        });
        assertThatThrownBy(() -> usd.minus(eur)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> usd.compareTo(eur)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> Money.sum(List.of(usd, eur), USD)).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    @DisplayName("0.10 + 0.20 is exactly 0.30, and 100.00 split three ways adds up to exactly 100.00")
    void exactArithmetic() {
        assertThat(Money.of("0.10", "USD").plus(Money.of("0.20", "USD"))).isEqualTo(Money.of("0.30", "USD"));
        List<Money> parts = Money.of("100.00", "USD").allocate(3);
        assertThat(parts).containsExactly(Money.of("33.34", "USD"), Money.of("33.33", "USD"), Money.of("33.33", "USD"));
        assertThat(Money.sum(parts, USD)).isEqualTo(Money.of("100.00", "USD"));
        assertThat(Money.of("-0.05", "USD").allocate(2))
                .containsExactly(Money.of("-0.03", "USD"), Money.of("-0.02", "USD"));
    }

    @Test
    @DisplayName("minor units, parse and the predicates agree")
    void minorUnitsAndParse() {
        assertThat(Money.of("12.34", "USD").minorUnits()).isEqualTo(1234);
        assertThat(Money.ofMinor(1234, BHD)).isEqualTo(Money.of("1.234", "BHD"));
        assertThat(Money.parse("JPY 1500")).isEqualTo(Money.ofMinor(1500, JPY));
        assertThat(Money.zero(USD).isZero()).isTrue();
        assertThat(Money.of("-1", "USD").isNegative()).isTrue();
        assertThat(Money.of("-1", "USD").abs()).isEqualTo(Money.of("1", "USD"));
        assertThat(Money.of("2", "USD").isGreaterThan(Money.of("1", "USD"))).isTrue();
        assertThatThrownBy(() -> Money.parse("12.50")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Money.of("1", "USD").allocate(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName(
            "sums of random amounts equal the BigDecimal sum exactly, at the currency's scale (2,000 seeded cases)")
    void sumIsExact() {
        Random random = new Random(20261122L);
        List<Currency> currencies = List.of(USD, JPY, BHD, Currency.getInstance("EUR"), Currency.getInstance("CNY"));
        for (int round = 0; round < 2_000; round++) {
            Currency currency = currencies.get(random.nextInt(currencies.size()));
            int scale = currency.getDefaultFractionDigits();
            List<Money> amounts = new ArrayList<>();
            BigDecimal expected = BigDecimal.ZERO;
            for (int i = random.nextInt(20); i > 0; i--) {
                long minor = random.nextLong() % 1_000_000_000_000L;
                amounts.add(Money.ofMinor(minor, currency));
                expected = expected.add(BigDecimal.valueOf(minor, scale));
            }
            Money total = Money.sum(amounts, currency);
            assertThat(total.amount()).isEqualByComparingTo(expected);
            assertThat(total.amount().scale()).isEqualTo(scale);
        }
    }

    @Test
    @DisplayName("allocation parts add up exactly and differ by at most one minor unit (2,000 seeded cases)")
    void allocationIsExact() {
        Random random = new Random(42L);
        for (int round = 0; round < 2_000; round++) {
            long minor = random.nextLong() % 10_000_000_000L;
            int parts = 1 + random.nextInt(50);
            Money amount = Money.ofMinor(minor, USD);
            List<Money> split = amount.allocate(parts);
            assertThat(split).hasSize(parts);
            assertThat(Money.sum(split, USD)).isEqualTo(amount);
            long max = split.stream().mapToLong(Money::minorUnits).max().orElseThrow();
            long min = split.stream().mapToLong(Money::minorUnits).min().orElseThrow();
            assertThat(max - min).isLessThanOrEqualTo(1);
        }
    }
}
