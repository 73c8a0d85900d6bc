package dev.guanxi.crm.analytics;

import static dev.guanxi.crm.analytics.StatisticsFixtures.CNY;
import static dev.guanxi.crm.analytics.StatisticsFixtures.cny;
import static dev.guanxi.crm.analytics.StatisticsFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.money.CurrencyConverter;
import dev.guanxi.crm.money.ExchangeRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Statistics requests and rows reject bad input")
class StatisticsRequestTest {
    static final LocalDate AS_OF = day("2026-03-10");
    static final CurrencyConverter TO_CNY = CurrencyConverter.single(CNY);

    static void assertInvalid(ThrowingCallable call, String field, ValidationRule rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    static StatisticsRequest request(List<StatisticsDimension> dims, LocalDate from, LocalDate to) {
        return new StatisticsRequest(dims, StatisticsPeriod.MONTH, from, to, AS_OF, TO_CNY);
    }

    @Test
    @DisplayName("the builder defaults to no grouping, months and no range")
    void defaults() {
        StatisticsRequest r =
                StatisticsRequest.builder().asOf(AS_OF).currency(CNY).build();

        assertThat(r.dimensions()).isEmpty();
        assertThat(r.period()).isEqualTo(StatisticsPeriod.MONTH);
        assertThat(r.from()).isNull();
        assertThat(r.to()).isNull();
        Currency base = r.baseCurrency();
        assertThat(base).isEqualTo(CNY);
        assertThat(r.contains(day("1900-01-01"))).isTrue();
    }

    @Test
    @DisplayName("the range is inclusive on both ends")
    void range() {
        StatisticsRequest r = request(List.of(), day("2026-01-01"), day("2026-01-31"));

        assertThat(r.contains(day("2025-12-31"))).isFalse();
        assertThat(r.contains(day("2026-01-01"))).isTrue();
        assertThat(r.contains(day("2026-01-31"))).isTrue();
        assertThat(r.contains(day("2026-02-01"))).isFalse();
    }

    @Test
    @DisplayName("copies the dimensions")
    void copies() {
        List<StatisticsDimension> dims = new ArrayList<>(List.of(StatisticsDimension.OWNER));
        StatisticsRequest r = request(dims, null, null);
        dims.add(StatisticsDimension.PERIOD);

        assertThat(r.dimensions()).containsExactly(StatisticsDimension.OWNER);
        assertThat(r.groupsBy(StatisticsDimension.PERIOD)).isFalse();
    }

    @Test
    @DisplayName("missing dimensions, period, as-of day or converter name the field with REQUIRED")
    void required() {
        assertInvalid(() -> request(null, null, null), "dimensions", ValidationRule.REQUIRED);
        assertInvalid(
                () -> request(Arrays.asList(StatisticsDimension.OWNER, null), null, null),
                "dimensions[1]",
                ValidationRule.REQUIRED);
        assertInvalid(
                () -> new StatisticsRequest(List.of(), null, null, null, AS_OF, TO_CNY),
                "period",
                ValidationRule.REQUIRED);
        assertInvalid(() -> StatisticsRequest.builder().currency(CNY).build(), "asOf", ValidationRule.REQUIRED);
        assertInvalid(() -> StatisticsRequest.builder().asOf(AS_OF).build(), "converter", ValidationRule.REQUIRED);
    }

    @Test
    @DisplayName("a dimension given twice is DUPLICATE on its position")
    void duplicate() {
        assertInvalid(
                () -> StatisticsRequest.builder()
                        .groupBy(StatisticsDimension.PERIOD, StatisticsDimension.OWNER, StatisticsDimension.PERIOD)
                        .asOf(AS_OF)
                        .currency(CNY)
                        .build(),
                "dimensions[2]",
                ValidationRule.DUPLICATE);
    }

    @Test
    @DisplayName("a range ending before it starts is DATE_ORDER on to; a one-day range is fine")
    void dateOrder() {
        assertInvalid(() -> request(List.of(), day("2026-02-01"), day("2026-01-31")), "to", ValidationRule.DATE_ORDER);
        StatisticsRequest oneDay = request(List.of(), day("2026-02-01"), day("2026-02-01"));
        assertThat(oneDay.contains(day("2026-02-01"))).isTrue();
    }

    @Test
    @DisplayName("a base currency without decimal minor units is UNKNOWN_CURRENCY on converter.currency")
    void pseudoCurrency() {
        CurrencyConverter gold = CurrencyConverter.to(Currency.getInstance("XAU"), ExchangeRates.none());

        assertInvalid(
                () -> new StatisticsRequest(List.of(), StatisticsPeriod.DAY, null, null, AS_OF, gold),
                "converter.currency",
                ValidationRule.UNKNOWN_CURRENCY);
    }

    @Test
    @DisplayName("the builder refuses an option set twice, or both a currency and a converter")
    void failFast() {
        assertThatThrownBy(() -> StatisticsRequest.builder().asOf(AS_OF).asOf(AS_OF))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asOf");
        assertThatThrownBy(() -> StatisticsRequest.builder().currency(CNY).converter(TO_CNY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("currency or converter");
        assertThatThrownBy(() -> StatisticsRequest.builder()
                        .groupBy(StatisticsDimension.OWNER)
                        .groupBy(StatisticsDimension.REGION))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StatisticsRequest.builder().between(null, null).between(AS_OF, null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() ->
                        StatisticsRequest.builder().period(StatisticsPeriod.DAY).period(StatisticsPeriod.DAY))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a row rejects negative counts and amounts in different currencies")
    void rows() {
        assertInvalid(
                () -> new StatisticsRow(List.of(), cny("1.00"), -1, BigDecimal.ONE, cny("0"), cny("0"), 0, 0, 0, 0),
                "orders",
                ValidationRule.OUT_OF_RANGE);
        assertInvalid(
                () -> new StatisticsRow(
                        List.of(), cny("1.00"), 1, BigDecimal.ONE, StatisticsFixtures.usd("1"), cny("0"), 0, 0, 0, 0),
                "paymentsCollected",
                ValidationRule.CURRENCY_MISMATCH);
        assertInvalid(
                () -> new StatisticsRow(null, cny("1.00"), 1, BigDecimal.ONE, cny("0"), cny("0"), 0, 0, 0, 0),
                "key",
                ValidationRule.REQUIRED);
        StatisticsRow row = new StatisticsRow(
                List.of("x"), cny("1.00"), 1, new BigDecimal("2.500"), cny("0"), cny("0"), 0, 0, 0, 0);
        assertThat(row.units()).isEqualTo(new BigDecimal("2.5"));
        assertThatThrownBy(() -> row.money(StatisticsMeasure.ORDERS)).isInstanceOf(IllegalArgumentException.class);
    }
}
