package dev.guanxi.crm.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CurrencyConverterTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final LocalDate RATE_DAY = LocalDate.of(2024, 5, 31);
    private static final LocalDate DAY = LocalDate.of(2024, 6, 12);

    private static CurrencyConverter toUsd() {
        return CurrencyConverter.to(
                USD,
                ExchangeRates.fixed(USD, Map.of(EUR, new BigDecimal("1.5"), JPY, new BigDecimal("0.0065")), RATE_DAY));
    }

    @Test
    @DisplayName("minor units convert at a fixed rate, rounded half-even: 0.015 -> 0.02, 0.045 -> 0.04")
    void fixedRateHalfEven() {
        CurrencyConverter c = toUsd();

        // EUR 0.01 x 1.5 = USD 0.015 -> 0.02 (the 1 before the 5 is odd: up to even)
        assertThat(c.toBaseMinor(1, EUR, DAY)).isEqualTo(2);
        // EUR 0.03 x 1.5 = USD 0.045 -> 0.04 (4 is even: stays; half-up would give 0.05)
        assertThat(c.toBaseMinor(3, EUR, DAY)).isEqualTo(4);
        // EUR 0.05 x 1.5 = USD 0.075 -> 0.08
        assertThat(c.toBaseMinor(5, EUR, DAY)).isEqualTo(8);
        // EUR -0.03 x 1.5 = USD -0.045 -> -0.04
        assertThat(c.toBaseMinor(-3, EUR, DAY)).isEqualTo(-4);
        // EUR 10.00 x 1.5 = USD 15.00
        assertThat(c.toBaseMinor(1_000, EUR, DAY)).isEqualTo(1_500);
        // JPY 101 (no minor unit) x 0.0065 = USD 0.6565 -> 0.66
        assertThat(c.toBaseMinor(101, JPY, DAY)).isEqualTo(66);
    }

    @Test
    @DisplayName("into a currency without minor units: EUR 1.25 x 162 = JPY 202.5 -> 202, EUR 3.75 -> 607.5 -> 608")
    void intoYen() {
        CurrencyConverter c =
                CurrencyConverter.to(JPY, ExchangeRates.fixed(JPY, Map.of(EUR, new BigDecimal("162")), RATE_DAY));

        assertThat(c.toBaseMinor(125, EUR, DAY)).isEqualTo(202);
        assertThat(c.toBaseMinor(375, EUR, DAY)).isEqualTo(608);
    }

    @Test
    @DisplayName("Money converts with the rate it used, of the rate's own day")
    void convertMoney() {
        CurrencyConverter.Conversion conversion = toUsd().convert(Money.of("0.03", "EUR"), DAY);

        assertThat(conversion.amount()).isEqualTo(Money.of("0.04", "USD"));
        assertThat(conversion.rate()).isEqualTo(new ExchangeRate(EUR, USD, new BigDecimal("1.5"), RATE_DAY));
        assertThat(toUsd().base()).isEqualTo(USD);
    }

    @Test
    @DisplayName("the base currency converts to itself unchanged, with the identity rate, without asking the source")
    void identity() {
        AtomicInteger asked = new AtomicInteger();
        CurrencyConverter c = CurrencyConverter.to(USD, (from, to, on) -> {
            asked.incrementAndGet();
            return Optional.empty();
        });

        assertThat(c.toBaseMinor(12_345, USD, DAY)).isEqualTo(12_345);
        CurrencyConverter.Conversion conversion = c.convert(Money.of("12.34", "USD"), DAY);
        assertThat(conversion.amount()).isEqualTo(Money.of("12.34", "USD"));
        assertThat(conversion.rate()).isEqualTo(ExchangeRate.identity(USD, DAY));
        assertThat(conversion.rate().rate()).isEqualByComparingTo("1");
        assertThat(CurrencyConverter.single(USD).toBaseMinor(-7, USD, DAY)).isEqualTo(-7);
        assertThat(asked.get()).isZero();
    }

    @Test
    @DisplayName("a missing rate is a MissingExchangeRateException naming both currencies and the day")
    void missingRate() {
        assertThatThrownBy(() -> toUsd().toBaseMinor(100, GBP, DAY))
                .isInstanceOfSatisfying(MissingExchangeRateException.class, e -> {
                    assertThat(e.first()).isEqualTo(GBP);
                    assertThat(e.second()).isEqualTo(USD);
                    assertThat(e.on()).isEqualTo(DAY);
                    assertThat(e.field()).isEqualTo("currency");
                    assertThat(e.rule()).isEqualTo(ValidationRule.CURRENCY_MISMATCH);
                    assertThat(e.getMessage()).contains("GBP").contains("USD").contains("2024-06-12");
                });
        assertThatThrownBy(() -> CurrencyConverter.single(USD).convert(Money.of("1.00", "EUR"), DAY))
                .isInstanceOf(MissingExchangeRateException.class);
    }

    @Test
    @DisplayName("a fixed-rate source only answers for its target currency")
    void fixedSourceTarget() {
        ExchangeRates rates = ExchangeRates.fixed(USD, Map.of(EUR, new BigDecimal("1.5")), RATE_DAY);

        assertThat(rates.rate(EUR, GBP, DAY)).isEmpty();
        assertThat(rates.rate(EUR, USD, DAY)).isPresent();
        assertThatThrownBy(() -> CurrencyConverter.to(GBP, rates).toBaseMinor(100, EUR, DAY))
                .isInstanceOf(MissingExchangeRateException.class);
    }

    @Test
    @DisplayName("a rate source answering for the wrong pair is an IllegalStateException, never a silent mix")
    void wrongPair() {
        CurrencyConverter wrongTarget = CurrencyConverter.to(
                USD, (from, to, on) -> Optional.of(new ExchangeRate(from, GBP, new BigDecimal("0.8"), on)));
        CurrencyConverter wrongSource = CurrencyConverter.to(
                USD, (from, to, on) -> Optional.of(new ExchangeRate(JPY, to, new BigDecimal("0.0065"), on)));

        assertThatThrownBy(() -> wrongTarget.toBaseMinor(100, EUR, DAY)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> wrongSource.toBaseMinor(100, EUR, DAY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a rate is asked once per currency and day; a missing one is asked again")
    void ratesAreRemembered() {
        AtomicInteger asked = new AtomicInteger();
        ExchangeRates fixed = ExchangeRates.fixed(USD, Map.of(EUR, new BigDecimal("1.5")), RATE_DAY);
        CurrencyConverter c = CurrencyConverter.to(USD, (from, to, on) -> {
            asked.incrementAndGet();
            return fixed.rate(from, to, on);
        });

        c.toBaseMinor(100, EUR, DAY);
        c.toBaseMinor(200, EUR, DAY);
        c.convert(Money.of("1.00", "EUR"), DAY);
        assertThat(asked.get()).isEqualTo(1);
        c.toBaseMinor(100, EUR, DAY.plusDays(1));
        assertThat(asked.get()).isEqualTo(2);
        assertThatThrownBy(() -> c.toBaseMinor(100, GBP, DAY)).isInstanceOf(MissingExchangeRateException.class);
        assertThatThrownBy(() -> c.toBaseMinor(100, GBP, DAY)).isInstanceOf(MissingExchangeRateException.class);
        assertThat(asked.get()).isEqualTo(4);
    }

    @Test
    @DisplayName("a result beyond a long is an ArithmeticException, not a wrapped number")
    void overflow() {
        CurrencyConverter c =
                CurrencyConverter.to(USD, ExchangeRates.fixed(USD, Map.of(EUR, new BigDecimal("2")), RATE_DAY));

        assertThatThrownBy(() -> c.toBaseMinor(Long.MAX_VALUE, EUR, DAY)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    @DisplayName("a rate must be greater than zero")
    void badRate() {
        assertThatThrownBy(() -> new ExchangeRate(EUR, USD, BigDecimal.ZERO, RATE_DAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExchangeRate(EUR, USD, new BigDecimal("-1.1"), RATE_DAY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
